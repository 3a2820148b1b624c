import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Queues } from '../../queues/index.js';
import { canonicalizeUrl } from '../../sources/index.js';
import { assertCliBuilt, childrenOutput, pipelineEnv, runCli, startWorker, stopGracefully } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { fetchJobFor, openQueues, SHARED_REDIS, waitForDrain, type Counts } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';
import { createScenario } from './helpers/scenario.js';

const scenario = createScenario('failures');
const { prefix, db, children } = scenario;
let server: FixtureServer;
let queues: Queues | undefined;

const GONE = '/articles/gone.html';
const FLAKY = '/articles/fishing-vessel.html';
const FINE = '/articles/onion-farm.html';
const ATTEMPTS = 3;

const DOWN = '/articles/begging-ring.html';
let counts: Counts;

/** One worker runs the whole scenario once; the tests read what it left in Redis, the server log and the store. */
beforeAll(async () => {
  assertCliBuilt();
  server = await startFixtureServer();
  server.behave(FLAKY, { statuses: [503, 503] });
  server.behave(DOWN, { statuses: Array<number>(10).fill(503) });
  const env = pipelineEnv({ redisUrl: SHARED_REDIS, prefix, db, RASTRO_ATTEMPTS: String(ATTEMPTS), RASTRO_BACKOFF_MS: '200' });
  queues = openQueues(SHARED_REDIS, prefix);
  try {
    const w = await startWorker(env);
    children.push(w);
    await runCli(['enqueue', server.url('/feeds/errors.xml'), server.url(DOWN)], env);
    counts = await waitForDrain(queues, { timeoutMs: 90_000, minCompleted: 2 + 4 + 2 });
    expect(await stopGracefully(w)).toEqual({ code: 0, signal: null });
  } catch (err) {
    console.error(childrenOutput(children));
    throw err;
  }
}, 300_000);

afterAll(() => scenario.cleanup(server, queues));

describe('fetch failures on BullMQ', () => {
  it('a 404 fails its fetch job after one attempt (UnrecoverableError) with the reason, the page requested once', async () => {
    const gone = await fetchJobFor(queues!, server.url(GONE));
    expect(await gone!.getState()).toBe('failed');
    expect(gone!.failedReason).toBe(`fetch: GET ${server.url(GONE)} returned 404`);
    expect(gone!.attemptsMade).toBe(1);
    expect(server.hits(GONE)).toHaveLength(1);
  });

  it('a 503 is retried with backoff, and the page stored once it answers', async () => {
    const flaky = await fetchJobFor(queues!, server.url(FLAKY));
    expect(await flaky!.getState()).toBe('completed');
    expect(flaky!.attemptsMade).toBe(3);
    expect(server.hits(FLAKY)).toHaveLength(3);
    expect(readLeads(db).map((l) => l.canonicalUrl)).toEqual([FLAKY, FINE].map((p) => canonicalizeUrl(server.url(p))).sort());
  });

  it('a page that answers 503 every time fails after RASTRO_ATTEMPTS tries, keeping the last reason', async () => {
    const down = await fetchJobFor(queues!, server.url(DOWN));
    expect(await down!.getState()).toBe('failed');
    expect(down!.failedReason).toBe(`fetch: GET ${server.url(DOWN)} returned 503`);
    expect(down!.attemptsMade).toBe(ATTEMPTS);
    expect(server.hits(DOWN)).toHaveLength(ATTEMPTS);
  });

  it('the run ends with those two fetch failures only, and every fetched page analysed', () => {
    expect(counts.discover).toMatchObject({ completed: 2, failed: 0 });
    expect(counts.fetch).toMatchObject({ completed: 2, failed: 2 });
    expect(counts.analyze).toMatchObject({ completed: 2, failed: 0 });
  });
});
