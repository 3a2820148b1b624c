import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queues } from '../../queues/index.js';
import { canonicalizeUrl } from '../../sources/index.js';
import { assertCliBuilt, childrenOutput, killAll, pipelineEnv, runCli, startWorker, stopGracefully, type CliProcess } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { closeQueues } from '../../queues/index.js';
import { freePort, jobCounts, openQueues, PrivateRedis, waitForDrain } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';
import { sleep, waitFor, withTimeout } from './helpers/wait.js';

const dir = mkdtempSync(join(tmpdir(), 'rastro-redis-restart-'));
const db = join(dir, 'leads.db');
const redisDir = join(dir, 'redis');
const children: CliProcess[] = [];
let server: FixtureServer;
let redis: PrivateRedis;
let queues: Queues | undefined;

const ARTICLES = ['/articles/onion-farm.html', '/articles/taller-textil.html', '/articles/boate-resgate.html', '/articles/domestic-worker.html'];
/** How long Redis stays down: long enough for every worker connection to notice, short for the test. */
const OUTAGE_MS = 2500;

beforeAll(async () => {
  assertCliBuilt();
  mkdirSync(redisDir);
  server = await startFixtureServer();
  redis = new PrivateRedis(await freePort(), redisDir);
  await redis.start();
});

afterAll(async () => {
  if (process.env.RASTRO_TEST_DEBUG) console.error(childrenOutput(children));
  await killAll(children);
  if (queues) await withTimeout(closeQueues(queues), 5000, 'closing queues').catch(() => {});
  redis?.kill();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis restarting in the middle of a run', () => {
  it('workers reconnect and finish the run: every lead stored once, queues drained, workers still alive', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const env = pipelineEnv({ redisUrl: redis.url, prefix: 'rastro-restart', db, RASTRO_CONCURRENCY: '1' });
    queues = openQueues(redis.url, 'rastro-restart');
    // One job per stage and worker at a time; the pages are held until Redis is down, so the run spans the outage.
    for (const p of ARTICLES) server.behave(p, { hold: true });

    const workers = await Promise.all([startWorker(env), startWorker(env)]);
    children.push(...workers);
    await runCli(['enqueue', '--kind', 'rss', server.url('/feeds/main.xml')], env);
    await waitFor('a first article request', () => ARTICLES.some((p) => server.hits(p).length > 0), { timeoutMs: 30_000 });
    const before = await jobCounts(queues);
    expect(before.fetch.completed + before.fetch.failed).toBeLessThan(ARTICLES.length);

    // SIGTERM: Redis writes its append-only file and exits 0; the queued jobs must survive the restart.
    expect(await redis.stop()).toBe(0);
    const aof = readdirSync(redisDir, { recursive: true }).map(String).filter((f) => /\.aof$/.test(f) && statSync(join(redisDir, f)).size > 0);
    expect(aof.length).toBeGreaterThan(0);
    // The fetches in flight finish while Redis is down: their hand-off and completion wait for the reconnection.
    for (const p of ARTICLES) server.release(p);
    await sleep(OUTAGE_MS);
    const restartedAt = Date.now();
    await redis.start();

    const counts = await waitForDrain(queues, { timeoutMs: 90_000, minCompleted: 1 + ARTICLES.length * 2 });
    expect(counts.discover).toMatchObject({ completed: 1, failed: 0 });
    expect(counts.fetch).toMatchObject({ completed: ARTICLES.length, failed: 0 });
    expect(counts.analyze).toMatchObject({ completed: ARTICLES.length, failed: 0 });
    expect(readLeads(db).map((l) => l.canonicalUrl)).toEqual(ARTICLES.map((p) => canonicalizeUrl(server.url(p))).sort());

    // Work was taken after the restart, so the workers' connections came back (not just jobs finishing late).
    const analyzed = await queues.analyze.getJobs(['completed']);
    expect(analyzed.some((j) => (j.processedOn ?? 0) >= restartedAt)).toBe(true);

    for (const w of workers) expect(w.exit(), `worker ${w.pid} is still running`).toBeNull();
    const exits = await Promise.all(workers.map((w) => stopGracefully(w)));
    expect(exits).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
    for (const w of workers) expect(w.stderr()).toContain('stopped cleanly');
    // The outage is reported as structured log lines (pino JSON) or our own status lines, never raw stack traces.
    for (const w of workers) {
      const stray = w.stderr().split('\n').filter((line) => line.trim() && !line.startsWith('{') && !line.startsWith('rastro worker '));
      expect(stray, `worker ${w.pid} stderr`).toEqual([]);
    }
  }, 300_000);

  it('a worker signalled while Redis is down still obeys a second SIGTERM and exits 130 at once', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    // BullMQ 6.7's Worker.close() does not settle while its blocking connection is reconnecting
    // (taskforcesh/bullmq#4656), so the graceful stop waits; the operator's second signal must still end it.
    const env = pipelineEnv({ redisUrl: redis.url, prefix: 'rastro-restart-stop', db: join(dir, 'stop.db') });
    const w = await startWorker(env);
    children.push(w);
    expect(await redis.stop()).toBe(0);
    w.proc.kill('SIGTERM');
    await waitFor('the worker to acknowledge SIGTERM', () => w.stderr().includes('SIGTERM received, finishing active jobs'));
    w.proc.kill('SIGTERM');
    const exit = await waitFor('the worker to exit after the second SIGTERM', () => w.exit(), { timeoutMs: 10_000 });
    expect(exit).toEqual({ code: 130, signal: null });
    expect(w.stderr()).toContain(`rastro worker ${w.pid}: second SIGTERM, exiting now`);
  }, 120_000);
});
