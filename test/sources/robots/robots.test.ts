import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonRetryableError, RastroError, RateLimitedError, RetryableError, loadConfig } from '../../../core/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import type { AcquireOptions, HostLimiter } from '../../../sources/politeness/index.js';
import { createRobotsCache, robotsToken } from '../../../sources/robots.js';
import { send, startServer, type TestServer } from '../http/test-server.js';

const ROBOTS = ['User-agent: *', 'Disallow: /private/', 'Crawl-delay: 2', '', 'User-agent: OtherBot', 'Disallow: /', '', 'Sitemap: https://example.org/sitemap.xml'].join('\n');

describe('createRobotsCache', () => {
  it('matches groups by the first product token of our User-Agent', () => {
    expect(robotsToken('RastroBot/0.1 (+https://example.org)')).toBe('RastroBot');
  });

  it('allows, disallows and reads Crawl-delay and sitemaps; fetches each origin once within the TTL', async () => {
    const fetched: string[] = [];
    const cache = createRobotsCache({
      userAgent: 'RastroBot/0.1',
      fetchRobots: async (u) => {
        fetched.push(u);
        return { status: 200, body: ROBOTS };
      },
    });
    const open = await cache.check('https://example.org/news/1');
    expect(open).toEqual({ allowed: true, crawlDelayMs: 2000, sitemaps: ['https://example.org/sitemap.xml'] });
    expect((await cache.check('https://example.org/private/x')).allowed).toBe(false);
    await expect(cache.assertAllowed('https://example.org/private/x')).rejects.toMatchObject({ code: 'robots_disallowed' });
    expect(fetched).toEqual(['https://example.org/robots.txt']);
  });

  it('allows everything when robots.txt is missing (4xx) and refuses for a while when it errors (5xx)', async () => {
    let status = 404;
    let clock = 0;
    const cache = createRobotsCache({ userAgent: 'RastroBot', fetchRobots: async () => ({ status, body: '' }), now: () => clock, ttlMs: 1000, errorTtlMs: 100 });
    expect((await cache.check('https://a.example/x')).allowed).toBe(true);
    status = 500;
    clock = 2000;
    const err = await cache.check('https://a.example/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableError);
    expect((err as RetryableError).code).toBe('robots_unavailable');
    status = 200;
    clock = 2200;
    expect((await cache.check('https://a.example/x')).allowed).toBe(true);
  });
});

describe('createRobotsCache failure handling', () => {
  it('allows everything when the robots.txt is one we refuse to read (too large)', async () => {
    const cache = createRobotsCache({
      userAgent: 'RastroBot',
      fetchRobots: async () => {
        throw new NonRetryableError('body_too_large', 'fetch: robots.txt body exceeds 524288 bytes');
      },
    });
    expect((await cache.check('https://big.example/x')).allowed).toBe(true);
  });

  it('does not cache a busy host or an SSRF refusal, and passes them on', async () => {
    let calls = 0;
    const errors = [new RateLimitedError('host_busy', 'politeness: busy', 5000), new NonRetryableError('ssrf_blocked', 'ssrf: refused')];
    const cache = createRobotsCache({
      userAgent: 'RastroBot',
      fetchRobots: async () => {
        const e = errors[calls++];
        if (e) throw e;
        return { status: 404, body: '' };
      },
    });
    await expect(cache.check('https://h.example/x')).rejects.toBeInstanceOf(RateLimitedError);
    await expect(cache.check('https://h.example/x')).rejects.toMatchObject({ code: 'ssrf_blocked' });
    expect((await cache.check('https://h.example/x')).allowed).toBe(true);
    expect(calls).toBe(3);
  });
});

describe('createFetcher with robots.txt', () => {
  let server: TestServer;
  const fetchers: Fetcher[] = [];
  const acquired: Array<{ host: string; options: AcquireOptions }> = [];
  /** Records what the fetcher asks of the limiter without waiting. */
  const recordingLimiter: HostLimiter = {
    async acquire(host, options) {
      acquired.push({ host, options });
      return { host, slotAt: Date.now(), waitedMs: 0, release: async () => {} };
    },
  };

  beforeAll(async () => {
    server = await startServer();
    server.route('/robots.txt', (_req, res) => send(res, 200, 'text/plain', ROBOTS));
    server.route('/news/1', (_req, res) => send(res, 200, 'text/html', '<p>news</p>'));
    server.route('/private/secret', (_req, res) => send(res, 200, 'text/html', '<p>secret</p>'));
    server.route('/go-private', (_req, res) => send(res, 302, null, '', { location: '/private/secret' }));
  });
  afterAll(async () => {
    await Promise.all(fetchers.map((f) => f.close()));
    await server.close();
  });
  function make(): Fetcher {
    const f = createFetcher(loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 500, respectRobots: true }, {}), { limiter: recordingLimiter });
    fetchers.push(f);
    return f;
  }

  it('refuses a disallowed path without requesting it', async () => {
    const err = await make().fetch(`${server.base}/private/secret`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NonRetryableError);
    expect((err as RastroError).code).toBe('robots_disallowed');
    expect(server.requests.some((r) => r.path === '/private/secret')).toBe(false);
  });

  it('re-checks robots on every redirect hop', async () => {
    const err = await make().fetch(`${server.base}/go-private`).catch((e: unknown) => e);
    expect((err as RastroError).code).toBe('robots_disallowed');
    expect(server.requests.some((r) => r.path === '/private/secret')).toBe(false);
  });

  it('spaces requests by the Crawl-delay when it is longer than hostDelayMs', async () => {
    acquired.length = 0;
    await make().fetch(`${server.base}/news/1`);
    const page = acquired.find((a) => a.options.minDelayMs === 2000);
    expect(page?.host).toBe(`127.0.0.1:${server.port}`);
    // robots.txt itself is fetched under the plain host delay
    expect(acquired[0]!.options.minDelayMs).toBe(500);
  });
});
