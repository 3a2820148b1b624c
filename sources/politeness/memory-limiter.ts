import { RateLimitedError } from '../../core/index.js';
import { sleep, type AcquireOptions, type HostLease, type HostLimiter } from './host-limiter.js';

interface HostState {
  /** Earliest start of the next request. */
  next: number;
  inflight: number;
  waiters: Array<() => void>;
}

/**
 * In-process host limiter: start slots are reserved synchronously (so concurrent callers get distinct,
 * spaced slots) and concurrency waiters are served first come, first served.
 */
export class MemoryHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly now: () => number = Date.now) {}

  async acquire(host: string, options: AcquireOptions): Promise<HostLease> {
    const started = this.now();
    const deadline = options.maxWaitMs === undefined ? Infinity : started + options.maxWaitMs;
    const state = this.state(host);
    while (state.inflight >= Math.max(1, options.concurrency)) {
      await this.waitForRelease(state, host, deadline, options.signal);
    }
    const now = this.now();
    const slotAt = Math.max(now, state.next);
    if (slotAt > deadline) {
      throw new RateLimitedError('host_busy', `politeness: ${host} has no free slot for ${slotAt - now} ms`, slotAt - now, { subject: host });
    }
    state.next = slotAt + Math.max(0, options.minDelayMs);
    state.inflight++;
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      state.inflight--;
      state.waiters.shift()?.();
      if (state.inflight === 0 && state.waiters.length === 0 && state.next <= this.now()) this.hosts.delete(host);
    };
    try {
      await sleep(slotAt - now, options.signal);
    } catch (err) {
      await release();
      throw err;
    }
    return { host, slotAt, waitedMs: this.now() - started, release };
  }

  async penalize(host: string, ms: number): Promise<void> {
    const state = this.state(host);
    state.next = Math.max(state.next, this.now() + Math.max(0, ms));
  }

  private state(host: string): HostState {
    if (this.hosts.size > 10_000) this.sweep();
    let s = this.hosts.get(host);
    if (!s) {
      s = { next: 0, inflight: 0, waiters: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Forgets idle hosts whose delay has passed, so a crawl over many hosts does not grow the map forever. */
  private sweep(): void {
    const now = this.now();
    for (const [host, s] of this.hosts) if (s.inflight === 0 && s.waiters.length === 0 && s.next <= now) this.hosts.delete(host);
  }

  private waitForRelease(state: HostState, host: string, deadline: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const remaining = deadline - this.now();
      const wake = () => {
        cleanup();
        resolve();
      };
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = state.waiters.indexOf(wake);
        if (i >= 0) state.waiters.splice(i, 1);
      };
      const onAbort = () => {
        cleanup();
        reject(signal?.reason);
      };
      const timer =
        remaining === Infinity
          ? null
          : setTimeout(() => {
              cleanup();
              reject(new RateLimitedError('host_busy', `politeness: ${host} stayed at its concurrency limit`, 1000, { subject: host }));
            }, Math.max(0, remaining));
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiters.push(wake);
    });
  }
}
