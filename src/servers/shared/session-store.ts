// Open MCP sessions: one McpServer + transport each (the SDK cannot share them). Bounded two ways: a cap (the least
// recently used session is closed to make room) and an idle TTL (sessions no request touched for idleMs are
// closed), so clients that vanish without DELETE do not hold memory. A closed session's id is unknown from then on,
// so its client gets 404 and re-initializes.

export interface SessionHandle {
  /** Closes transport and server; must not throw. */
  close(): Promise<void>;
}

interface Entry<T> {
  handle: T;
  lastSeen: number;
  inFlight: number;
}

export interface SessionStoreOptions {
  maxSessions: number;
  idleMs: number;
  now?: () => number;
  onEvict?: (id: string, reason: 'idle' | 'cap') => void;
}

export class SessionStore<T extends SessionHandle = SessionHandle> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.handle;
  }

  handles(): T[] {
    return [...this.entries.values()].map((entry) => entry.handle);
  }

  /** Registers a new session, closing the least recently used ones while the cap is reached. */
  add(id: string, handle: T): void {
    while (this.entries.size >= this.options.maxSessions) {
      const victim = this.leastRecentlyUsed();
      if (victim === null) break;
      this.evict(victim, 'cap');
    }
    this.entries.set(id, { handle, lastSeen: this.now(), inFlight: 0 });
  }

  /** Marks a request on the session as started; returns the function that marks it finished. */
  begin(id: string): () => void {
    const entry = this.entries.get(id);
    if (!entry) return () => {};
    entry.inFlight += 1;
    entry.lastSeen = this.now();
    return () => {
      entry.inFlight -= 1;
      entry.lastSeen = this.now();
    };
  }

  /** Forgets a session that closed itself (DELETE, transport close). */
  remove(id: string): void {
    this.entries.delete(id);
  }

  /** Closes sessions idle for longer than idleMs (default: the TTL). A request still running (or an open stream) is not idle. */
  sweep(idleMs = this.options.idleMs): number {
    const cutoff = this.now() - idleMs;
    let closed = 0;
    for (const [id, entry] of this.entries) {
      if (entry.inFlight === 0 && entry.lastSeen <= cutoff) {
        this.evict(id, 'idle');
        closed += 1;
      }
    }
    return closed;
  }

  async closeAll(): Promise<void> {
    const handles = [...this.entries.values()].map((entry) => entry.handle);
    this.entries.clear();
    await Promise.all(handles.map((handle) => handle.close()));
  }

  private leastRecentlyUsed(): string | null {
    let best: string | null = null;
    let bestKey = Infinity;
    for (const [id, entry] of this.entries) {
      // Sessions with nothing running go first; among them, the one seen longest ago.
      const key = entry.lastSeen + (entry.inFlight > 0 ? 1e15 : 0);
      if (key < bestKey) {
        bestKey = key;
        best = id;
      }
    }
    return best;
  }

  private evict(id: string, reason: 'idle' | 'cap'): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.options.onEvict?.(id, reason);
    void entry.handle.close();
  }
}
