import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../core/index.js';
import { RedisHostLimiter } from '../../../sources/politeness/index.js';
import { dropKeys } from './redis-keys.js';

const prefix = `test:polite:${randomUUID()}`;
const a = new Redis('redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 1 });
const b = new Redis('redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 1 });

afterAll(async () => {
  await dropKeys(a, prefix);
  a.disconnect();
  b.disconnect();
});

describe('RedisHostLimiter', () => {
  it('spaces request starts across two limiter instances (two workers) by minDelayMs, on Redis time', async () => {
    const one = new RedisHostLimiter(a, { prefix });
    const two = new RedisHostLimiter(b, { prefix });
    const limiters = [one, two, one, two, one, two];
    const leases = await Promise.all(limiters.map((l) => l.acquire('shared.example', { minDelayMs: 50, concurrency: 10 })));
    const slots = leases.map((l) => l.slotAt).sort((x, y) => x - y);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(50);
    await Promise.all(leases.map((l) => l.release()));
  });

  it('holds the per-host concurrency across instances', async () => {
    const one = new RedisHostLimiter(a, { prefix, pollMs: 10 });
    const two = new RedisHostLimiter(b, { prefix, pollMs: 10 });
    let inflight = 0;
    let peak = 0;
    await Promise.all(
      [one, two, one, two, one].map(async (l) => {
        const lease = await l.acquire('conc.example', { minDelayMs: 0, concurrency: 1 });
        inflight++;
        peak = Math.max(peak, inflight);
        await new Promise((r) => setTimeout(r, 15));
        inflight--;
        await lease.release();
      }),
    );
    expect(peak).toBe(1);
  });

  it('answers RateLimitedError when the next slot is beyond maxWaitMs', async () => {
    const one = new RedisHostLimiter(a, { prefix });
    const two = new RedisHostLimiter(b, { prefix });
    const first = await one.acquire('slow.example', { minDelayMs: 60_000, concurrency: 4 });
    const err = await two.acquire('slow.example', { minDelayMs: 60_000, concurrency: 4, maxWaitMs: 500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(500);
    await first.release();
  });

  it('frees the slot of a lease that was never released once its TTL passes', async () => {
    const crashed = new RedisHostLimiter(a, { prefix, leaseTtlMs: 100, pollMs: 20 });
    await crashed.acquire('crash.example', { minDelayMs: 0, concurrency: 1 });
    const next = await new RedisHostLimiter(b, { prefix, pollMs: 20 }).acquire('crash.example', { minDelayMs: 0, concurrency: 1, maxWaitMs: 5_000 });
    expect(next.waitedMs).toBeGreaterThanOrEqual(50); // it had to wait for the 100 ms lease to lapse
    await next.release();
  });

  it('shares a penalty (Retry-After) with every instance', async () => {
    await new RedisHostLimiter(a, { prefix }).penalize('busy.example', 120_000);
    const err = await new RedisHostLimiter(b, { prefix }).acquire('busy.example', { minDelayMs: 0, concurrency: 4, maxWaitMs: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(100_000);
  });
});
