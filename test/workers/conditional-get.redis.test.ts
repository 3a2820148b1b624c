import { Redis } from 'ioredis';
import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import type { Queues } from '../../queues/index.js';
import { assertCliBuilt, childrenOutput, pipelineEnv, runCli, startWorker, stopGracefully } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { openQueues, SHARED_REDIS, waitForDrain } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';
import { createScenario } from './helpers/scenario.js';

const scenario = createScenario('conditional');
const { prefix, db, children } = scenario;
let server: FixtureServer;
let queues: Queues | undefined;

const PAGE = '/articles/boate-resgate.html';

beforeAll(async () => {
  assertCliBuilt();
  server = await startFixtureServer();
});

afterAll(() => scenario.cleanup(server, queues));

describe('conditional GET on the BullMQ pipeline', () => {
  it('a page polled again by a worker process is asked with its stored validators; the 304 completes the job without analysis', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const env = pipelineEnv({ redisUrl: SHARED_REDIS, prefix, db });
    queues = openQueues(SHARED_REDIS, prefix);
    server.behave(PAGE, { validators: true });

    const w = await startWorker(env);
    children.push(w);
    await runCli(['enqueue', '--kind', 'article', server.url(PAGE)], env);
    await waitForDrain(queues, { timeoutMs: 60_000, minCompleted: 3 });
    expect(server.hits(PAGE)).toHaveLength(1);
    expect(readLeads(db)).toHaveLength(1);

    // The second poll: a new discover job, a new fetch job for the same URL (not deduplicated away).
    await runCli(['enqueue', '--kind', 'article', server.url(PAGE)], env);
    const counts = await waitForDrain(queues, { timeoutMs: 60_000, minCompleted: 5 });
    const hits = server.hits(PAGE);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.ifNoneMatch).toBeUndefined();
    expect(hits[1]!.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(hits[1]!.ifModifiedSince).toBe('Tue, 03 May 2022 10:00:00 GMT');
    expect(counts.discover).toMatchObject({ completed: 2, failed: 0 });
    expect(counts.fetch).toMatchObject({ completed: 2, failed: 0 });
    expect(counts.analyze).toMatchObject({ completed: 1, failed: 0 });
    expect(readLeads(db)).toHaveLength(1);

    // The worker keeps the host's robots.txt in Redis (shared with any other worker), fetched once.
    expect(server.hits('/robots.txt')).toHaveLength(1);
    const redis = new Redis(SHARED_REDIS, { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.pttl(`${prefix}:polite:robots:${server.base}`)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }

    expect(await stopGracefully(w)).toEqual({ code: 0, signal: null });
  }, 300_000);
});
