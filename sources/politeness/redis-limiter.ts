import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimitedError } from '../../core/index.js';
import { sleep, type AcquireOptions, type HostLease, type HostLimiter } from './host-limiter.js';

/**
 * One atomic step, on Redis server time so that machines with skewed clocks agree.
 * KEYS: next-slot key, in-flight sorted set (token -> lease expiry).
 * ARGV: minDelayMs, concurrency, maxWaitMs (-1 = none), leaseTtlMs, token.
 * Returns {status, now, value}: status 1 = slot reserved at `value`; 0 = at the concurrency limit,
 * `value` = ms until the oldest lease expires; -1 = next slot is `value` ms away, beyond maxWaitMs.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = tonumber(ARGV[1])
local conc = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= conc then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {0, now, tonumber(first[2]) - now}
end
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nxt)
if maxWait >= 0 and slot - now > maxWait then
  return {-1, now, slot - now}
end
redis.call('SET', KEYS[1], slot + delay, 'PX', slot + delay - now + 1000)
redis.call('ZADD', KEYS[2], slot + ttl, ARGV[5])
redis.call('PEXPIRE', KEYS[2], slot - now + ttl + 1000)
return {1, now, slot}
`;

/** Pushes the next-slot key to at least now + ARGV[1] ms (Redis time). */
const PENALIZE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if cur < untilMs then
  redis.call('SET', KEYS[1], untilMs, 'PX', untilMs - now + 1000)
end
return untilMs
`;

export interface RedisHostLimiterOptions {
  /** Key prefix, e.g. `${config.queuePrefix}:polite`. Tests use a unique one. */
  prefix: string;
  /** A lease not released within this time (a crashed worker) frees its slot. Default 120 s. */
  leaseTtlMs?: number;
  /** Longest pause between two polls while the host is at its concurrency limit. Default 250 ms. */
  pollMs?: number;
}

/** Host limiter shared by every process that uses the same Redis and prefix. Does not own the connection. */
export class RedisHostLimiter implements HostLimiter {
  private readonly leaseTtlMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisHostLimiterOptions,
  ) {
    this.leaseTtlMs = options.leaseTtlMs ?? 120_000;
    this.pollMs = options.pollMs ?? 250;
  }

  async penalize(host: string, ms: number): Promise<void> {
    await this.redis.eval(PENALIZE, 1, `${this.options.prefix}:host:${host}:next`, Math.max(0, Math.round(ms)));
  }

  async acquire(host: string, options: AcquireOptions): Promise<HostLease> {
    const started = Date.now();
    const token = randomUUID();
    const keys = [`${this.options.prefix}:host:${host}:next`, `${this.options.prefix}:host:${host}:inflight`];
    const maxWait = options.maxWaitMs ?? -1;
    for (;;) {
      const remaining = maxWait < 0 ? -1 : Math.max(0, maxWait - (Date.now() - started));
      const [status, now, value] = (await this.redis.eval(
        ACQUIRE, 2, keys[0]!, keys[1]!,
        Math.max(0, Math.round(options.minDelayMs)), Math.max(1, options.concurrency), remaining, this.leaseTtlMs, token,
      )) as [number, number, number];
      if (status === 1) {
        const release = once(async () => {
          await this.redis.zrem(keys[1]!, token);
        });
        try {
          await sleep(value - now, options.signal);
        } catch (err) {
          await release();
          throw err;
        }
        return { host, slotAt: value, waitedMs: Date.now() - started, release };
      }
      if (status === -1) {
        throw new RateLimitedError('host_busy', `politeness: ${host} has no free slot for ${value} ms`, value, { subject: host });
      }
      if (maxWait >= 0 && Date.now() - started >= maxWait) {
        throw new RateLimitedError('host_busy', `politeness: ${host} stayed at its concurrency limit`, Math.max(value, 1), { subject: host });
      }
      await sleep(Math.max(10, Math.min(this.pollMs, value)), options.signal);
    }
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | null = null;
  return () => (p ??= fn());
}
