import { describe, it, expect, beforeAll, afterAll, onTestFailed } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queues } from '../../queues/index.js';
import { assertCliBuilt, childrenOutput, cliEnv, killAll, runCli, startWorker, stopGracefully, type CliProcess } from './helpers/cli.js';
import { dropPrefix, openQueues, SHARED_REDIS, uniquePrefix, waitForDrain } from './helpers/redis.js';
import { leadSources, readLeads } from './helpers/store.js';

const prefix = uniquePrefix('parity');
const dir = mkdtempSync(join(tmpdir(), 'rastro-parity-'));
const embeddedDb = join(dir, 'embedded.db');
const distributedDb = join(dir, 'distributed.db');
const children: CliProcess[] = [];
let queues: Queues | undefined;

beforeAll(() => assertCliBuilt());

afterAll(async () => {
  if (process.env.RASTRO_TEST_DEBUG) console.error(childrenOutput(children));
  await killAll(children);
  await dropPrefix(SHARED_REDIS, prefix, queues);
  rmSync(dir, { recursive: true, force: true });
});

describe('the BullMQ pipeline on Redis against the embedded scan', () => {
  it('three worker processes store the same leads from samples/sources.yaml as `rastro scan`, none twice, and stop cleanly on SIGTERM', async () => {
    onTestFailed(() => console.error(childrenOutput(children)));
    const distributedEnv = cliEnv({ REDIS_URL: SHARED_REDIS, RASTRO_QUEUE_PREFIX: prefix, RASTRO_DB: distributedDb, RASTRO_ATTEMPTS: '2', RASTRO_BACKOFF_MS: '200' });
    queues = openQueues(SHARED_REDIS, prefix);

    // The embedded scan runs while the workers boot: the two runs share nothing but the sample files.
    const embedded = runCli(['scan', '--quiet', 'samples/sources.yaml'], cliEnv({ RASTRO_DB: embeddedDb }), 90_000);
    const workers = await Promise.all([0, 1, 2].map(() => startWorker(distributedEnv)));
    children.push(...workers);
    await runCli(['enqueue', 'samples/sources.yaml'], distributedEnv);
    const counts = await waitForDrain(queues, { timeoutMs: 90_000, minCompleted: 3 });
    await embedded;

    const exits = await Promise.all(workers.map((w) => stopGracefully(w)));
    expect(exits).toEqual(workers.map(() => ({ code: 0, signal: null })));
    for (const w of workers) expect(w.stderr()).toContain(`rastro worker ${w.pid}: stopped cleanly`);

    // Every discover job (one per source) and every document went through, and nothing failed.
    expect(counts.discover).toMatchObject({ completed: 3, failed: 0 });
    expect(counts.fetch.failed).toBe(0);
    expect(counts.analyze.failed).toBe(0);
    expect(counts.analyze.completed).toBe(counts.fetch.completed);

    // Each worker reports how it grouped its analyze jobs; together they extracted every document (a job
    // recovered from a stalled worker may be extracted twice), plus each worker's warm-up batch of three texts.
    const reported = workers.map((w) => {
      const m = /analyzed (\d+) documents in (\d+) batches \(mean [\d.]+, largest (\d+)\)/.exec(w.stderr());
      expect(m, w.stderr()).not.toBeNull();
      return { documents: Number(m![1]), batches: Number(m![2]), largest: Number(m![3]) };
    });
    for (const r of reported) expect(r.largest).toBeLessThanOrEqual(16);
    expect(reported.reduce((a, r) => a + r.documents - 3, 0)).toBeGreaterThanOrEqual(counts.analyze.completed);

    const fromScan = readLeads(embeddedDb);
    const fromWorkers = readLeads(distributedDb);
    expect(fromScan.length).toBeGreaterThan(0);
    expect(fromWorkers).toEqual(fromScan);

    // No duplicates: canonical URLs are unique by schema; the same text must not be stored under two of them.
    expect(new Set(fromWorkers.map((l) => l.contentHash)).size).toBe(fromWorkers.length);

    // A story in both demo feeds is credited to whichever feed's discover job enqueued it first; both runs
    // credit every lead to a configured source.
    const sourceIds = new Set(['demo-rss', 'demo-atom', 'demo-notices']);
    for (const ids of Object.values(leadSources(distributedDb))) {
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(sourceIds).toContain(id);
    }
  }, 300_000);
});
