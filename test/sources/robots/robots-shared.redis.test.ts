import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import { RedisRobotsStore } from '../../../sources/politeness/index.js';
import { createRobotsCache, type RobotsCacheOptions } from '../../../sources/robots.js';
import { send, startServer, type TestServer } from '../http/test-server.js';
import { dropKeys } from '../politeness/redis-keys.js';

const prefix = `test:robots:${randomUUID()}`;
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
const other = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
let server: TestServer;
const fetchers: Fetcher[] = [];
let robotsHits = 0;

const ROBOTS = ['User-agent: *', 'Disallow: /private/', ''].join('\n');

/** One "worker": its own fetcher, robots cache and Redis connection; the robots.txt answers are shared. */
function worker(connection: Redis): Fetcher {
  const f = createFetcher(loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 0, hostConcurrency: 8 }, {}), {
    robotsStore: new RedisRobotsStore(connection, { prefix }),
  });
  fetchers.push(f);
  return f;
}

beforeAll(async () => {
  server = await startServer();
  server.route('/robots.txt', (_req, res) => {
    robotsHits++;
    // Slow enough that every worker asks while the first fetch is still in flight.
    setTimeout(() => send(res, 200, 'text/plain', ROBOTS), 150);
  });
  server.route('/news', (_req, res) => send(res, 200, 'text/html', '<p>ok</p>'));
});

afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await server.close();
  await dropKeys(redis, prefix);
  redis.disconnect();
  other.disconnect();
});

/** A robots cache of one process on `connection`, sharing under `keys`, counting its fetches in `count`. */
function sharedCache(connection: Redis, keys: string, count: { n: number }, answer: { status: number; body: string }, over: Partial<RobotsCacheOptions> = {}) {
  return createRobotsCache({
    userAgent: 'RastroBot/0.1',
    shared: new RedisRobotsStore(connection, { prefix: keys }),
    pollMs: 10,
    fetchRobots: async () => {
      count.n++;
      await new Promise((r) => setTimeout(r, 50));
      return answer;
    },
    ...over,
  });
}

describe('robots.txt shared in Redis', () => {
  it('is fetched once for three workers asking at the same time, and every worker obeys it', async () => {
    const workers = [worker(redis), worker(other), worker(redis)];
    const pages = await Promise.all(workers.map((w, i) => w.fetch(`${server.base}/news?w=${i}`)));
    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    for (const w of workers) await expect(w.fetch(`${server.base}/private/x`)).rejects.toMatchObject({ code: 'robots_disallowed' });
    expect(robotsHits).toBe(1);
    // A worker started later reads the stored answer too.
    await expect(worker(other).fetch(`${server.base}/private/y`)).rejects.toMatchObject({ code: 'robots_disallowed' });
    expect(robotsHits).toBe(1);
    const ttl = await redis.pttl(`${prefix}:robots:${server.base}`);
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });

  it('expires with its TTL: after it, one process fetches it again for all', async () => {
    const count = { n: 0 };
    const make = (connection: Redis) => sharedCache(connection, `${prefix}:ttl`, count, { status: 200, body: ROBOTS }, { ttlMs: 1500 });
    const [a, b] = [make(redis), make(other)];
    await Promise.all([a.check('https://site.example/a'), b.check('https://site.example/b')]);
    expect(count.n).toBe(1);
    // Each process's own copy expires with the shared record, not later.
    await new Promise((r) => setTimeout(r, 1700));
    const verdicts = await Promise.all([a.check('https://site.example/private/1'), b.check('https://site.example/c')]);
    expect(verdicts.map((v) => v.allowed)).toEqual([false, true]);
    expect(count.n).toBe(2);
  });

  it('shares an unreachable robots.txt for its short error TTL: no worker crawls the site meanwhile', async () => {
    const p = `${prefix}:down`;
    const count = { n: 0 };
    const make = (connection: Redis) => sharedCache(connection, p, count, { status: 503, body: '' }, { errorTtlMs: 60_000 });
    await expect(make(redis).check('https://down.example/a')).rejects.toMatchObject({ code: 'robots_unavailable' });
    await expect(make(other).check('https://down.example/b')).rejects.toMatchObject({ code: 'robots_unavailable' });
    expect(count.n).toBe(1);
    expect(await redis.pttl(`${p}:robots:https://down.example`)).toBeLessThanOrEqual(60_000);
  });

  it('still obeys robots.txt, fetched by the process itself, when Redis cannot be reached', async () => {
    const down = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    down.on('error', () => {});
    const count = { n: 0 };
    const cache = sharedCache(down, prefix, count, { status: 200, body: ROBOTS });
    expect((await cache.check('https://solo.example/private/1')).allowed).toBe(false);
    expect((await cache.check('https://solo.example/ok')).allowed).toBe(true);
    expect(count.n).toBe(1);
    down.disconnect();
  });
});
