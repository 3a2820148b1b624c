import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Worker } from 'bullmq';
import { loadConfig } from '../../core/index.js';
import { closeQueues, connectionFor, createQueues, type Queues } from '../../queues/index.js';
import { startTestServer, type TestServer } from './helpers.js';

const prefix = `rastro-web-test-${process.pid}-${Date.now()}`;
const config = loadConfig({ queuePrefix: prefix, attempts: 1 }, {});
let queues: Queues;
let t: TestServer;

beforeAll(async () => {
  queues = createQueues(config);
  await queues.discover.add('discover', { sourceId: 'a' }, { jobId: 'waiting-1' });
  await queues.discover.add('discover', { sourceId: 'b' }, { jobId: 'waiting-2' });
  await queues.fetch.add('fetch', { url: 'https://x.example/1' }, { jobId: 'will-fail', attempts: 1 });
  const worker = new Worker(
    'fetch',
    async () => {
      throw new Error('fetch: GET https://x.example/1 returned <503>');
    },
    { connection: connectionFor(config), prefix },
  );
  await new Promise<void>((resolve) => worker.once('failed', () => resolve()));
  await worker.close();
  t = await startTestServer([], queues);
});

afterAll(async () => {
  await t?.stop();
  if (queues) {
    await Promise.all(Object.values(queues).map((q) => q.obliterate({ force: true })));
    await closeQueues(queues);
  }
});

describe('queues with BullMQ on Redis', () => {
  it('GET /api/queues reports counts per state and failed jobs with their reasons', async () => {
    const body = (await (await fetch(`${t.url}/api/queues`)).json()) as {
      enabled: boolean;
      queues: Array<{ queue: string; counts: Record<string, number>; failed: Array<{ id: string; failedReason: string; attemptsMade: number }> }>;
    };
    expect(body.enabled).toBe(true);
    const byName = Object.fromEntries(body.queues.map((q) => [q.queue, q]));
    expect(Object.keys(byName).sort()).toEqual(['analyze', 'discover', 'fetch', 'maintenance']);
    expect(byName.discover!.counts).toMatchObject({ waiting: 2, active: 0, failed: 0 });
    expect(byName.fetch!.counts).toMatchObject({ waiting: 0, failed: 1 });
    expect(byName.fetch!.failed).toEqual([expect.objectContaining({ id: 'will-fail', failedReason: 'fetch: GET https://x.example/1 returned <503>', attemptsMade: 1 })]);
  });

  it('GET /metrics has queue counts per state and rastro_queue_up 1', async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/^rastro_queue_jobs\{queue="discover",state="waiting"\} 2$/m);
    expect(text).toMatch(/^rastro_queue_jobs\{queue="fetch",state="failed"\} 1$/m);
    expect(text).toMatch(/^rastro_queue_up 1$/m);
  });

  it('the /queues page shows the counts and the escaped failure reason', async () => {
    const html = await (await fetch(`${t.url}/queues`)).text();
    expect(html).toContain('<tr data-queue="fetch">');
    expect(html).toContain('returned &lt;503&gt;');
  });
});

describe('queues when Redis does not answer', () => {
  it('answers 503 on /api/queues and rastro_queue_up 0 on /metrics instead of hanging', async () => {
    const down = createQueues(loadConfig({ queuePrefix: prefix, redisUrl: 'redis://127.0.0.1:1' }, {}));
    for (const q of Object.values(down)) q.on('error', () => {});
    const s = await startTestServer([], down);
    try {
      const res = await fetch(`${s.url}/api/queues`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toMatch(/no answer from Redis within 3000 ms/);
      expect(await (await fetch(`${s.url}/metrics`)).text()).toMatch(/^rastro_queue_up 0$/m);
      expect((await fetch(`${s.url}/queues`)).status).toBe(503);
    } finally {
      await s.stop();
      await Promise.race([closeQueues(down), new Promise((r) => setTimeout(r, 2000))]);
    }
  });
});
