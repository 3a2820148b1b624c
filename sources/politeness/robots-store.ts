/**
 * Where robots.txt answers are shared between processes. The robots cache (sources/robots.ts) always keeps
 * parsed rules in its own process; with a `RobotsStore` it first asks the store, and only the process that
 * claims an origin fetches its robots.txt, once per TTL for every worker that shares the store.
 * Without a store (the embedded runner), the in-process cache alone is the cache. `RedisRobotsStore`
 * shares it on BullMQ, like `RedisHostLimiter` shares the host schedule.
 */

/** What is remembered of one origin's robots.txt (the body, not the parsed rules: any process can parse it). */
export type RobotsRecord = { kind: 'rules'; body: string } | { kind: 'allow_all' } | { kind: 'unavailable'; reason: string };

export interface RobotsStore {
  /** The origin's record and the milliseconds it has left, or null when none is stored. */
  get(origin: string): Promise<{ record: RobotsRecord; ttlMs: number } | null>;
  set(origin: string, record: RobotsRecord, ttlMs: number): Promise<void>;
  /** Claims the fetch of an origin's robots.txt for at most `ms`; false while another process holds the claim. */
  claim(origin: string, ms: number): Promise<boolean>;
  /** Gives up this process's claim (after storing the record, or when the fetch did not give one). */
  release(origin: string): Promise<void>;
}
