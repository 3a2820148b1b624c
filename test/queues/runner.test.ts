import { describe, it, expect } from 'vitest';
import { InProcessRunner } from '../../queues/index.js';
import type { StageProcessors } from '../../queues/index.js';
import { NonRetryableError, RateLimitedError, RetryableError, silentLogger } from '../../core/index.js';

const source = { id: 's', url: 'file:///x', kind: 'rss' as const };
const doc = (url: string) => ({
  url, canonicalUrl: url, sourceId: 's', kind: 'article' as const, fetchedAt: new Date(0).toISOString(),
  title: null, text: 't', publishedAt: null, language: null, author: null, contentHash: 'h',
});

function runner(p: Partial<StageProcessors>, over: Partial<{ concurrency: number; attempts: number; stageConcurrency: { analyze?: number } }> = {}) {
  const noop = async () => undefined;
  return new InProcessRunner(
    { discover: p.discover ?? noop, fetch: p.fetch ?? noop, analyze: p.analyze ?? noop },
    {
      concurrency: over.concurrency ?? 3,
      attempts: over.attempts ?? 3,
      backoffMs: 1,
      log: silentLogger,
      ...(over.stageConcurrency ? { stageConcurrency: over.stageConcurrency } : {}),
    },
  );
}

describe('InProcessRunner', () => {
  it('runs a job through every stage the processors enqueue', async () => {
    const analyzed: string[] = [];
    const r = runner({
      discover: async (_p, ctx) => {
        for (const u of ['a', 'b', 'c']) await ctx.enqueue('fetch', { url: u, sourceId: 's', kind: 'article' }, `f-${u}`);
      },
      fetch: async (p, ctx) => ctx.enqueue('analyze', { doc: doc(p.url) }, `a-${p.url}`),
      analyze: async (p) => { analyzed.push(p.doc.url); },
    });
    await r.enqueue('discover', { source }, 'd');
    const s = await r.drain();
    expect(analyzed.sort()).toEqual(['a', 'b', 'c']);
    expect(s.stages.fetch.completed).toBe(3);
    expect(s.failures).toEqual([]);
  });

  it('processes a job id once even when it is enqueued twice', async () => {
    let runs = 0;
    const r = runner({ fetch: async () => { runs++; } });
    await r.enqueue('fetch', { url: 'u', sourceId: 's', kind: 'article' }, 'same');
    await r.enqueue('fetch', { url: 'u', sourceId: 's', kind: 'article' }, 'same');
    const s = await r.drain();
    expect(runs).toBe(1);
    expect(s.stages.fetch.duplicates).toBe(1);
  });

  it('retries retryable errors with backoff and succeeds', async () => {
    let tries = 0;
    const r = runner({ fetch: async () => { if (++tries < 3) throw new RetryableError('timeout', 'fetch: timed out'); } });
    await r.enqueue('fetch', { url: 'u', sourceId: 's', kind: 'article' }, 'j');
    const s = await r.drain();
    expect(tries).toBe(3);
    expect(s.stages.fetch).toMatchObject({ completed: 1, retried: 2, failed: 0 });
  });

  it('does not retry a non-retryable error and reports its reason and subject', async () => {
    let tries = 0;
    const r = runner({ fetch: async () => { tries++; throw new NonRetryableError('http_status', 'fetch: GET https://x/y returned 404'); } });
    await r.enqueue('fetch', { url: 'https://x/y', sourceId: 's', kind: 'article' }, 'j');
    const s = await r.drain();
    expect(tries).toBe(1);
    expect(s.failures).toEqual([
      { stage: 'fetch', jobId: 'j', subject: 'https://x/y', error: 'fetch: GET https://x/y returned 404', code: 'http_status', attempts: 1 },
    ]);
  });

  it('gives up after the configured attempts', async () => {
    let tries = 0;
    const r = runner({ fetch: async () => { tries++; throw new Error('boom'); } }, { attempts: 4 });
    await r.enqueue('fetch', { url: 'u', sourceId: 's', kind: 'article' }, 'j');
    const s = await r.drain();
    expect(tries).toBe(4);
    expect(s.stages.fetch.failed).toBe(1);
  });

  it('waits for Retry-After on a rate-limited job', async () => {
    const times: number[] = [];
    const r = runner({
      fetch: async () => {
        times.push(Date.now());
        if (times.length === 1) throw new RateLimitedError('rate_limited', 'fetch: 429', 50);
      },
    });
    await r.enqueue('fetch', { url: 'u', sourceId: 's', kind: 'article' }, 'j');
    await r.drain();
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(45);
  });

  it('never runs more jobs at once than its concurrency', async () => {
    let active = 0;
    let peak = 0;
    const r = runner({
      fetch: async () => {
        active++; peak = Math.max(peak, active);
        await new Promise((res) => setTimeout(res, 5));
        active--;
      },
    }, { concurrency: 2 });
    for (let i = 0; i < 10; i++) await r.enqueue('fetch', { url: `u${i}`, sourceId: 's', kind: 'article' }, `j${i}`);
    await r.drain();
    expect(peak).toBe(2);
  });

  it('gives a stage with a pool of its own that many jobs at once, beside the shared pool', async () => {
    const active = { fetch: 0, analyze: 0 };
    const peak = { fetch: 0, analyze: 0, both: 0 };
    const hold = async (stage: 'fetch' | 'analyze') => {
      active[stage]++;
      peak[stage] = Math.max(peak[stage], active[stage]);
      peak.both = Math.max(peak.both, active.fetch + active.analyze);
      await new Promise((res) => setTimeout(res, 5));
      active[stage]--;
    };
    const r = runner({ fetch: () => hold('fetch'), analyze: () => hold('analyze') }, { concurrency: 2, stageConcurrency: { analyze: 6 } });
    for (let i = 0; i < 10; i++) {
      await r.enqueue('fetch', { url: `u${i}`, sourceId: 's', kind: 'article' }, `f${i}`);
      await r.enqueue('analyze', { doc: doc(`u${i}`) }, `a${i}`);
    }
    const s = await r.drain();
    expect(peak.fetch).toBe(2);
    expect(peak.analyze).toBe(6);
    expect(peak.both).toBe(8);
    expect(s.stages.analyze.completed).toBe(10);
    expect(s.stages.fetch.completed).toBe(10);
  });

  it('fails a job whose payload does not validate, without calling the processor', async () => {
    let called = false;
    const r = runner({ fetch: async () => { called = true; } });
    await r.enqueue('fetch', { url: 'u' } as never, 'bad');
    const s = await r.drain();
    expect(called).toBe(false);
    expect(s.failures[0]?.code).toBe('invalid_payload');
  });
});
