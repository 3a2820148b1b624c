import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import type { Queues } from '../../queues/index.js';
import { canonicalizeUrl } from '../../sources/index.js';
import { assertCliBuilt, childrenOutput, pipelineEnv, runCli, startWorker, stopGracefully } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { openQueues, SHARED_REDIS, waitForDrain } from './helpers/redis.js';
import { readLeads } from './helpers/store.js';
import { createScenario } from './helpers/scenario.js';

const scenario = createScenario('dedup');
const { prefix, db, children } = scenario;
let server: FixtureServer;
let queues: Queues | undefined;

const SHARED = '/articles/taller-textil.html';

beforeAll(async () => {
  assertCliBuilt();
  server = await startFixtureServer();
});

afterAll(() => scenario.cleanup(server, queues));

describe('a URL listed by two feeds', () => {
  it('is fetched once and stored as one lead, even with tracking parameters and a fragment on one copy', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const env = pipelineEnv({ redisUrl: SHARED_REDIS, prefix, db });
    queues = openQueues(SHARED_REDIS, prefix);
    // Slow enough that both discover jobs enqueue the story while its first fetch is still running.
    server.behave(SHARED, { delayMs: 1500 });

    const w = await startWorker(env);
    children.push(w);
    await runCli(['enqueue', '--kind', 'rss', server.url('/feeds/overlap-a.xml'), server.url('/feeds/overlap-b.xml')], env);
    const counts = await waitForDrain(queues, { timeoutMs: 60_000, minCompleted: 2 + 3 * 2 });

    expect(server.hits('/feeds/overlap-a.xml')).toHaveLength(1);
    expect(server.hits('/feeds/overlap-b.xml')).toHaveLength(1);
    expect(server.hits(SHARED)).toHaveLength(1);
    expect(counts.discover).toMatchObject({ completed: 2, failed: 0 });
    expect(counts.fetch).toMatchObject({ completed: 3, failed: 0 });
    expect(counts.analyze).toMatchObject({ completed: 3, failed: 0 });

    const expected = ['/articles/taller-textil.html', '/articles/fishing-vessel.html', '/articles/begging-ring.html'].map((p) => canonicalizeUrl(server.url(p))).sort();
    expect(readLeads(db).map((l) => l.canonicalUrl)).toEqual(expected);

    expect(await stopGracefully(w)).toEqual({ code: 0, signal: null });
  }, 300_000);
});
