import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../core/index.js';
import { MemoryHostLimiter } from '../../../sources/politeness/index.js';

describe('MemoryHostLimiter', () => {
  it('gives concurrent callers distinct start slots spaced by minDelayMs', async () => {
    const limiter = new MemoryHostLimiter();
    const leases = await Promise.all([0, 1, 2].map(() => limiter.acquire('a.example', { minDelayMs: 40, concurrency: 5 })));
    const slots = leases.map((l) => l.slotAt).sort((a, b) => a - b);
    expect(slots[1]! - slots[0]!).toBeGreaterThanOrEqual(40);
    expect(slots[2]! - slots[1]!).toBeGreaterThanOrEqual(40);
    await Promise.all(leases.map((l) => l.release()));
  });

  it('keeps hosts independent', async () => {
    const limiter = new MemoryHostLimiter();
    const a = await limiter.acquire('a.example', { minDelayMs: 10_000, concurrency: 1 });
    const b = await limiter.acquire('b.example', { minDelayMs: 10_000, concurrency: 1 });
    expect(b.slotAt).toBeLessThan(a.slotAt + 10_000); // not queued behind a.example's delay
    await a.release();
    await b.release();
  });

  it('never lets more than `concurrency` requests run at once', async () => {
    const limiter = new MemoryHostLimiter();
    let inflight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const lease = await limiter.acquire('c.example', { minDelayMs: 0, concurrency: 2 });
        inflight++;
        peak = Math.max(peak, inflight);
        await new Promise((r) => setTimeout(r, 5));
        inflight--;
        await lease.release();
      }),
    );
    expect(peak).toBe(2);
  });

  it('answers RateLimitedError instead of waiting past maxWaitMs', async () => {
    const limiter = new MemoryHostLimiter();
    const first = await limiter.acquire('d.example', { minDelayMs: 60_000, concurrency: 4 });
    const err = await limiter.acquire('d.example', { minDelayMs: 60_000, concurrency: 4, maxWaitMs: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(1000);
    await first.release();
  });

  it('gives the slot back when the caller aborts while waiting', async () => {
    const limiter = new MemoryHostLimiter();
    const first = await limiter.acquire('e.example', { minDelayMs: 0, concurrency: 1 });
    const ac = new AbortController();
    const waiting = limiter.acquire('e.example', { minDelayMs: 0, concurrency: 1, signal: ac.signal });
    ac.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await first.release();
    const next = await limiter.acquire('e.example', { minDelayMs: 0, concurrency: 1, maxWaitMs: 100 });
    await next.release();
  });

  it('keeps every caller off a penalized host until the penalty ends', async () => {
    const limiter = new MemoryHostLimiter();
    await limiter.penalize('f.example', 120_000);
    const err = await limiter.acquire('f.example', { minDelayMs: 0, concurrency: 4, maxWaitMs: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(100_000);
    const other = await limiter.acquire('g.example', { minDelayMs: 0, concurrency: 4, maxWaitMs: 1000 });
    await other.release();
  });
});
