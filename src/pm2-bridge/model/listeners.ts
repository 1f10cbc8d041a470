/** A set of listeners, each told in turn; one that throws does not keep the others from hearing. */
export class Listeners<Args extends unknown[] = []> {
  private readonly set = new Set<(...args: Args) => void>();

  add(listener: (...args: Args) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  get size(): number {
    return this.set.size;
  }

  notify(...args: Args): void {
    for (const listener of [...this.set]) {
      try {
        listener(...args);
      } catch {
        // a listener's failure is its own; the others still hear of the change
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
