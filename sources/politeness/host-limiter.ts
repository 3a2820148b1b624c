/**
 * Per-host politeness: a minimum delay between request starts and a cap on requests in flight.
 * Two implementations share this contract: `MemoryHostLimiter` (one process, the embedded default) and
 * `RedisHostLimiter` (every worker on every machine shares the same per-host schedule).
 */

export interface AcquireOptions {
  /** Minimum time between the starts of two requests to this host (config `hostDelayMs`, or robots Crawl-delay). */
  minDelayMs: number;
  /** Requests in flight to this host (config `hostConcurrency`). */
  concurrency: number;
  /** Give up with RateLimitedError(`host_busy`) rather than wait longer than this. Default: no limit. */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

export interface HostLease {
  /** The host key the lease holds. */
  host: string;
  /** Scheduled start of this request, in ms since the epoch on the limiter's clock (Redis server time for Redis). */
  slotAt: number;
  /** How long `acquire` waited. */
  waitedMs: number;
  /** Frees the concurrency slot. Idempotent. */
  release(): Promise<void>;
}

export interface HostLimiter {
  acquire(host: string, options: AcquireOptions): Promise<HostLease>;
  /** No request to `host` starts within the next `ms` (the host answered 429/503 with Retry-After). */
  penalize?(host: string, ms: number): Promise<void>;
  close?(): Promise<void>;
}

/** Resolves after `ms`, rejects with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
