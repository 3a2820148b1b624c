import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import type { Queues } from '../../queues/index.js';
import { canonicalizeUrl } from '../../sources/index.js';
import { assertCliBuilt, childrenOutput, pipelineEnv, runCli, startWorker, stopGracefully } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { fetchJobFor, jobCounts, openQueues, SHARED_REDIS, waitForDrain } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';
import { createScenario } from './helpers/scenario.js';
import { waitFor } from './helpers/wait.js';

const scenario = createScenario('graceful');
const { prefix, db, children } = scenario;
let server: FixtureServer;
let queues: Queues | undefined;

const ARTICLES = ['/articles/onion-farm.html', '/articles/taller-textil.html', '/articles/boate-resgate.html', '/articles/domestic-worker.html'];
const SLOW = '/articles/domestic-worker.html';

beforeAll(async () => {
  assertCliBuilt();
  server = await startFixtureServer();
});

afterAll(() => scenario.cleanup(server, queues));

describe('SIGTERM on a worker', () => {
  it('lets the active fetch finish (completed, fetched once) before the process exits 0', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const env = pipelineEnv({ redisUrl: SHARED_REDIS, prefix, db });
    queues = openQueues(SHARED_REDIS, prefix);
    // The slow page is held by the server until the test lets it go: the fetch is provably mid-flight.
    server.behave(SLOW, { hold: true });

    const a = await startWorker(env);
    children.push(a);
    await runCli(['enqueue', '--kind', 'rss', server.url('/feeds/main.xml')], env);
    await server.waitForHits(SLOW, 1);
    const job = await fetchJobFor(queues, server.url(SLOW));
    expect(await job!.getState()).toBe('active');

    const signalledAt = Date.now();
    const stopping = stopGracefully(a);
    await waitFor('the worker to acknowledge SIGTERM', () => a.stderr().includes('SIGTERM received, finishing active jobs'));
    // Signalled, yet still running and still holding the job, because the job has not finished.
    expect(a.exit()).toBeNull();
    expect(await job!.getState()).toBe('active');
    server.release(SLOW);
    expect(await stopping).toEqual({ code: 0, signal: null });
    expect(a.stderr()).toMatch(/SIGTERM received, finishing active jobs…[\s\S]*stopped cleanly/);

    // The job was finished by the stopping worker, not abandoned to be recovered as stalled or retried.
    const done = await fetchJobFor(queues, server.url(SLOW));
    expect(await done!.getState()).toBe('completed');
    expect(done!.finishedOn).toBeGreaterThan(signalledAt);
    expect(done!.attemptsMade).toBe(1);
    expect(done!.stalledCounter).toBe(0);
    expect(server.hits(SLOW)).toHaveLength(1);
    // Its hand-off to the next stage is waiting in Redis for any worker.
    expect((await jobCounts(queues)).analyze.waiting).toBeGreaterThanOrEqual(1);

    // Another worker finishes the run without fetching the page again.
    const b = await startWorker(env);
    children.push(b);
    const counts = await waitForDrain(queues, { timeoutMs: 60_000, minCompleted: 1 + ARTICLES.length * 2 });
    expect(counts.fetch).toMatchObject({ completed: ARTICLES.length, failed: 0 });
    expect(counts.analyze).toMatchObject({ completed: ARTICLES.length, failed: 0 });
    expect(server.hits(SLOW)).toHaveLength(1);
    expect(readLeads(db).map((l) => l.canonicalUrl)).toEqual(ARTICLES.map((p) => canonicalizeUrl(server.url(p))).sort());
    expect(await stopGracefully(b)).toEqual({ code: 0, signal: null });
  }, 300_000);
});
