import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queues } from '../../queues/index.js';
import { canonicalizeUrl } from '../../sources/index.js';
import { assertCliBuilt, childrenOutput, killAll, pipelineEnv, runCli, startWorker, stopGracefully, type CliProcess } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { dropPrefix, fetchJobFor, openQueues, SHARED_REDIS, uniquePrefix, waitForDrain } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';

const prefix = uniquePrefix('failures');
const dir = mkdtempSync(join(tmpdir(), 'rastro-failures-'));
const db = join(dir, 'leads.db');
const children: CliProcess[] = [];
let server: FixtureServer;
let queues: Queues | undefined;

const GONE = '/articles/gone.html';
const FLAKY = '/articles/fishing-vessel.html';
const FINE = '/articles/onion-farm.html';
const ATTEMPTS = 3;

beforeAll(async () => {
  assertCliBuilt();
  server = await startFixtureServer();
});

afterAll(async () => {
  if (process.env.RASTRO_TEST_DEBUG) console.error(childrenOutput(children));
  await killAll(children);
  await server?.close();
  await dropPrefix(SHARED_REDIS, prefix, queues);
  rmSync(dir, { recursive: true, force: true });
});

describe('fetch failures on BullMQ', () => {
  it('a 404 fails its job after one attempt with the reason; a 503 is retried and the page is stored', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const env = pipelineEnv({ redisUrl: SHARED_REDIS, prefix, db, RASTRO_ATTEMPTS: String(ATTEMPTS), RASTRO_BACKOFF_MS: '200' });
    queues = openQueues(SHARED_REDIS, prefix);
    server.behave(FLAKY, { statuses: [503, 503] });

    const w = await startWorker(env);
    children.push(w);
    await runCli(['enqueue', '--kind', 'rss', server.url('/feeds/errors.xml')], env);
    const counts = await waitForDrain(queues, { timeoutMs: 60_000, minCompleted: 1 + 3 + 2 });
    expect(counts.fetch).toMatchObject({ completed: 2, failed: 1 });
    expect(counts.analyze).toMatchObject({ completed: 2, failed: 0 });

    // 404: NonRetryableError → UnrecoverableError: failed at once, the page requested a single time.
    const gone = await fetchJobFor(queues, server.url(GONE));
    expect(await gone!.getState()).toBe('failed');
    expect(gone!.failedReason).toBe(`fetch: GET ${server.url(GONE)} returned 404`);
    expect(gone!.attemptsMade).toBe(1);
    expect(server.hits(GONE)).toHaveLength(1);

    // 503 twice, then the page: RetryableError → BullMQ retries with backoff until it succeeds.
    const flaky = await fetchJobFor(queues, server.url(FLAKY));
    expect(await flaky!.getState()).toBe('completed');
    expect(flaky!.attemptsMade).toBe(3);
    expect(server.hits(FLAKY)).toHaveLength(3);

    expect(readLeads(db).map((l) => l.canonicalUrl)).toEqual([FLAKY, FINE].map((p) => canonicalizeUrl(server.url(p))).sort());
    expect(await stopGracefully(w)).toEqual({ code: 0, signal: null });
  }, 120_000);

  it('a page that answers 503 every time fails after RASTRO_ATTEMPTS tries, keeping the last reason', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const env = pipelineEnv({ redisUrl: SHARED_REDIS, prefix: `${prefix}-always`, db: join(dir, 'always.db'), RASTRO_ATTEMPTS: String(ATTEMPTS), RASTRO_BACKOFF_MS: '100' });
    const q = openQueues(SHARED_REDIS, `${prefix}-always`);
    const down = '/articles/begging-ring.html';
    server.behave(down, { statuses: Array(10).fill(503) });
    try {
      const w = await startWorker(env);
      children.push(w);
      await runCli(['enqueue', '--kind', 'article', server.url(down)], env);
      const counts = await waitForDrain(q, { timeoutMs: 60_000, minCompleted: 2 });
      expect(counts.fetch).toMatchObject({ completed: 0, failed: 1 });
      const job = await fetchJobFor(q, server.url(down));
      expect(job!.failedReason).toBe(`fetch: GET ${server.url(down)} returned 503`);
      expect(job!.attemptsMade).toBe(ATTEMPTS);
      expect(server.hits(down)).toHaveLength(ATTEMPTS);
      expect(await stopGracefully(w)).toEqual({ code: 0, signal: null });
    } finally {
      await dropPrefix(SHARED_REDIS, `${prefix}-always`, q);
    }
  }, 120_000);
});
