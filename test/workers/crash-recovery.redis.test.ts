import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import type { Queues } from '../../queues/index.js';
import { assertCliBuilt, childrenOutput, pipelineEnv, runCli, startWorker, stopGracefully } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { fetchJobFor, openQueues, SHARED_REDIS, waitForDrain } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';
import { createScenario } from './helpers/scenario.js';
import { waitFor } from './helpers/wait.js';

const scenario = createScenario('crash');
const { prefix, db, children } = scenario;
let server: FixtureServer;
let queues: Queues | undefined;

const ARTICLES = ['/articles/onion-farm.html', '/articles/taller-textil.html', '/articles/boate-resgate.html', '/articles/domestic-worker.html'];
const SLOW = '/articles/onion-farm.html';
const SLOW_TOO = '/articles/taller-textil.html';

beforeAll(async () => {
  assertCliBuilt();
  server = await startFixtureServer();
});

afterAll(() => scenario.cleanup(server, queues));

describe('a worker killed in the middle of a job', () => {
  it('loses no job and duplicates no lead: the stalled fetch is taken over by another worker and completes', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    // Short lock and stalled check so the killed worker's job is recovered within seconds.
    // Two requests in flight per host (the default), shared through Redis: A dies holding both host slots.
    const env = pipelineEnv({
      redisUrl: SHARED_REDIS, prefix, db,
      RASTRO_LOCK_MS: '2000', RASTRO_STALLED_CHECK_MS: '1000',
      RASTRO_HOST_CONCURRENCY: '2', RASTRO_FETCH_TIMEOUT_MS: '6000',
    });
    queues = openQueues(SHARED_REDIS, prefix);
    // Held by the server until A is dead: A dies in the middle of these fetches, whatever the machine's load.
    server.behave(SLOW, { hold: true });
    server.behave(SLOW_TOO, { hold: true });

    const a = await startWorker(env);
    children.push(a);
    await runCli(['enqueue', '--kind', 'rss', server.url('/feeds/main.xml')], env);

    // Worker A has asked for the slow page and is waiting for the answer: its fetch job is active.
    await server.waitForHits(SLOW, 1);
    await server.waitForHits(SLOW_TOO, 1);
    const job = await fetchJobFor(queues, server.url(SLOW));
    expect(job, 'the fetch job of the slow page').toBeDefined();
    expect(await job!.getState()).toBe('active');

    a.proc.kill('SIGKILL');
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await job!.getState()).toBe('active');

    // For B the pages are slow but answer: B must keep its own locks alive while it waits. B also needs the host
    // slots the dead A still holds: they must come back once no request can still be using them (fetch timeout).
    server.behave(SLOW, { delayMs: 2500 });
    server.behave(SLOW_TOO, { delayMs: 2500 });
    const b = await startWorker(env);
    children.push(b);
    const counts = await waitForDrain(queues, { timeoutMs: 60_000, minCompleted: 1 + ARTICLES.length * 2 });

    // The killed job was requested again (by B) and completed; it did not fail as stalled too often.
    expect(server.hits(SLOW).length).toBeGreaterThanOrEqual(2);
    expect(server.hits(SLOW_TOO).length).toBeGreaterThanOrEqual(2);
    const recovered = await fetchJobFor(queues, server.url(SLOW));
    expect(await recovered!.getState()).toBe('completed');
    // Recovered from the stall once (A's death), and B kept the locks of the jobs it was running.
    expect(recovered!.stalledCounter).toBe(1);
    expect(b.stderr()).not.toMatch(/could not renew lock|Missing lock/);
    expect(counts.discover).toMatchObject({ completed: 1, failed: 0 });
    expect(counts.fetch).toMatchObject({ completed: ARTICLES.length, failed: 0 });
    expect(counts.analyze).toMatchObject({ completed: ARTICLES.length, failed: 0 });

    // Every article is exactly one lead.
    const leads = await waitFor('the leads to be readable', () => readLeads(db));
    expect(leads.map((l) => l.canonicalUrl)).toEqual(ARTICLES.map((p) => server.url(p)).sort());

    expect(await stopGracefully(b)).toEqual({ code: 0, signal: null });
    expect(b.stderr()).toContain('stopped cleanly');
  }, 300_000);
});
