// Types of bench/daemon-proxy.mjs, for the test that counts the bridge's daemon calls through it.
export interface DaemonCallCounts {
  /** Connections to rpc.sock since the start or the last reset (pings, connect-and-close checks, RPC links). */
  rpcConnections: number;
  busConnections: number;
  /** RPC requests by method. */
  calls: Record<string, number>;
  /** Bytes of the answers, by method. */
  replyBytes: Record<string, number>;
  busBytes: number;
}

export interface DaemonProxy {
  /** The proxy home: point a monitor's PM2_HOME (or --pm2-home) here. */
  home: string;
  counts(): DaemonCallCounts;
  reset(): void;
  close(): Promise<void>;
}

export function startDaemonProxy(realHome: string): Promise<DaemonProxy>;
