import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import { RedisHostLimiter, type HostLease, type HostLimiter } from '../../../sources/politeness/index.js';
import { send, startServer, type TestServer } from '../http/test-server.js';
import { dropKeys } from './redis-keys.js';

const prefix = `test:fetch-polite:${randomUUID()}`;
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
let server: TestServer;
const fetchers: Fetcher[] = [];
const leases: HostLease[] = [];

/** Two "workers": separate fetchers, separate limiter instances, one Redis schedule. */
function worker(): Fetcher {
  const shared = new RedisHostLimiter(redis, { prefix });
  const recording: HostLimiter = {
    acquire: async (host, options) => {
      const lease = await shared.acquire(host, options);
      leases.push(lease);
      return lease;
    },
  };
  const f = createFetcher(loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 80, hostConcurrency: 4, respectRobots: false }, {}), { limiter: recording });
  fetchers.push(f);
  return f;
}

beforeAll(async () => {
  server = await startServer();
  server.route('/p', (_req, res) => send(res, 200, 'text/html', '<p>ok</p>'));
});
afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await server.close();
  await dropKeys(redis, prefix);
  redis.disconnect();
});

describe('createFetcher with the Redis host limiter', () => {
  it('spaces requests to one host from two workers by hostDelayMs', async () => {
    const [a, b] = [worker(), worker()];
    const results = await Promise.all([a, b, a, b, a, b].map((f, i) => f.fetch(`${server.base}/p?i=${i}`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const slots = leases.map((l) => l.slotAt).sort((x, y) => x - y);
    expect(slots).toHaveLength(6);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(80);
    expect(new Set(leases.map((l) => l.host))).toEqual(new Set([`127.0.0.1:${server.port}`]));
  });
});
