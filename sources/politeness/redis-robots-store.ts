import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RobotsRecord, RobotsStore } from './robots-store.js';

/** Deletes the claim only if it is still ours (it may have expired and been taken by another process). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface RedisRobotsStoreOptions {
  /** Key prefix, e.g. `${config.queuePrefix}:polite` (the host limiter's). Tests use a unique one. */
  prefix: string;
}

/**
 * robots.txt records shared by every process on the same Redis and prefix, expiring with Redis TTLs
 * (`<prefix>:robots:<origin>`), and a per-origin claim (`SET NX PX`) so one process fetches while the others
 * wait for its record. Does not own the connection.
 */
export class RedisRobotsStore implements RobotsStore {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisRobotsStoreOptions,
  ) {}

  private key(origin: string): string {
    return `${this.options.prefix}:robots:${origin}`;
  }

  async get(origin: string): Promise<{ record: RobotsRecord; ttlMs: number } | null> {
    const key = this.key(origin);
    const res = await this.redis.multi().get(key).pttl(key).exec();
    const [getRes, ttlRes] = res ?? [];
    if (!getRes || !ttlRes || getRes[0] || ttlRes[0]) throw (getRes?.[0] ?? ttlRes?.[0] ?? new Error('robots store: transaction aborted'));
    const raw = getRes[1] as string | null;
    const ttlMs = Number(ttlRes[1]);
    if (raw === null || ttlMs <= 0) return null;
    try {
      return { record: JSON.parse(raw) as RobotsRecord, ttlMs };
    } catch {
      return null; // an unreadable value is as good as none: it is fetched again and overwritten
    }
  }

  async set(origin: string, record: RobotsRecord, ttlMs: number): Promise<void> {
    await this.redis.set(this.key(origin), JSON.stringify(record), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async claim(origin: string, ms: number): Promise<boolean> {
    const token = randomUUID();
    const ok = (await this.redis.set(`${this.key(origin)}:claim`, token, 'PX', Math.max(1, Math.round(ms)), 'NX')) === 'OK';
    if (ok) this.tokens.set(origin, token);
    return ok;
  }

  async release(origin: string): Promise<void> {
    const token = this.tokens.get(origin);
    if (!token) return;
    this.tokens.delete(origin);
    await this.redis.eval(RELEASE, 1, `${this.key(origin)}:claim`, token);
  }
}
