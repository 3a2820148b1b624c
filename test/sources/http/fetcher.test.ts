import { readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NonRetryableError, RastroError, RateLimitedError, RetryableError, loadConfig, type ConfigOverrides } from '../../../core/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import { startServer, send, type TestServer } from './test-server.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/http/${name}`, import.meta.url)));
const PAGE = '<!doctype html><html><head><title>t</title></head><body><p>hola</p></body></html>';

let server: TestServer;
const fetchers: Fetcher[] = [];
function make(overrides: ConfigOverrides = {}): Fetcher {
  const config = loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 0, respectRobots: false, ...overrides }, {});
  const f = createFetcher(config);
  fetchers.push(f);
  return f;
}
async function failure(p: Promise<unknown>): Promise<RastroError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RastroError);
  return err as RastroError;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await server.close();
});

describe('createFetcher: plain responses', () => {
  it('sends the configured User-Agent and returns the decoded body with metadata', async () => {
    server.route('/plain', (_req, res) => send(res, 200, 'text/html; charset=utf-8', PAGE, { etag: '"v1"', 'last-modified': 'Sat, 01 Nov 2026 10:00:00 GMT' }));
    const r = await make().fetch(`${server.base}/plain`, { accept: 'html' });
    expect(r).toMatchObject({ status: 200, notModified: false, contentType: 'text/html', charset: 'utf-8', body: PAGE, etag: '"v1"', redirects: [] });
    expect(r.lastModified).toBe('Sat, 01 Nov 2026 10:00:00 GMT');
    expect(r.bytes).toBe(Buffer.byteLength(PAGE));
    const seen = server.requests.find((q) => q.path === '/plain')!;
    expect(seen.headers['user-agent']).toMatch(/Rastro.*https?:\/\//);
    expect(seen.headers['accept']).toContain('text/html');
  });

  it('reports 304 Not Modified for a conditional GET and keeps the validators', async () => {
    server.route('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') send(res, 304, null, '');
      else send(res, 200, 'text/html', PAGE, { etag: '"abc"' });
    });
    const f = make();
    const first = await f.fetch(`${server.base}/cond`);
    const second = await f.fetch(`${server.base}/cond`, { etag: first.etag, lastModified: 'Sat, 01 Nov 2026 10:00:00 GMT' });
    expect(second).toMatchObject({ status: 304, notModified: true, body: '', etag: '"abc"', lastModified: 'Sat, 01 Nov 2026 10:00:00 GMT' });
    const sent = server.requests.filter((q) => q.path === '/cond').at(-1)!;
    expect(sent.headers['if-modified-since']).toBe('Sat, 01 Nov 2026 10:00:00 GMT');
  });

  it('refuses a content type outside the allowlist', async () => {
    server.route('/img', (_req, res) => send(res, 200, 'image/png', Buffer.alloc(100)));
    const err = await failure(make().fetch(`${server.base}/img`));
    expect(err).toBeInstanceOf(NonRetryableError);
    expect(err.code).toBe('content_type');
    expect(err.message).toContain('image/png');
  });

  it.each([
    [404, NonRetryableError],
    [410, NonRetryableError],
    [451, NonRetryableError],
    [500, RetryableError],
    [502, RetryableError],
  ])('classes status %i by what the runtime should do', async (status, cls) => {
    server.route(`/status/${status}`, (_req, res) => send(res, status, 'text/html', 'nope'));
    const err = await failure(make().fetch(`${server.base}/status/${status}`));
    expect(err).toBeInstanceOf(cls);
    expect(err.code).toBe('http_status');
    expect(err.message).toBe(`fetch: GET ${server.base}/status/${status} returned ${status}`);
  });
});

describe('createFetcher: charsets', () => {
  it('decodes windows-1252 named in the Content-Type header', async () => {
    server.route('/cp1252', (_req, res) => send(res, 200, 'text/html; charset=windows-1252', fixture('page-cp1252-header.html')));
    const r = await make().fetch(`${server.base}/cp1252`);
    expect(r.charset).toBe('windows-1252');
    expect(r.body).toContain('La fiscalía habló de “explotación” – doce víctimas');
  });

  it('decodes ISO-8859-1 declared only in a meta tag as windows-1252, curly quotes included', async () => {
    server.route('/latin1', (_req, res) => send(res, 200, 'text/html', fixture('page-latin1-meta.html')));
    const r = await make().fetch(`${server.base}/latin1`);
    expect(r.charset).toBe('windows-1252');
    expect(r.body).toContain('A polícia disse “não” à soltura – ação conjunta.');
  });

  it('strips a UTF-8 byte-order mark and decodes as UTF-8', async () => {
    server.route('/bom', (_req, res) => send(res, 200, 'text/html', fixture('page-utf8-bom.html')));
    const r = await make().fetch(`${server.base}/bom`);
    expect(r.charset).toBe('utf-8');
    expect(r.body.startsWith('<!doctype html>')).toBe(true);
    expect(r.body).toContain('Mañana habrá audiencia.');
  });
});

describe('createFetcher: redirects', () => {
  for (let i = 0; i < 7; i++) {
    const next = i === 0 ? '/final' : `/hop/${i - 1}`;
    beforeAll(() => server.route(`/hop/${i}`, (_req, res) => send(res, 302, null, '', { location: next })));
  }
  beforeAll(() => server.route('/final', (_req, res) => send(res, 200, 'text/html', PAGE)));

  it('follows a chain of 5 redirects and lists every hop', async () => {
    const r = await make({ maxRedirects: 5 }).fetch(`${server.base}/hop/4`);
    expect(r.finalUrl).toBe(`${server.base}/final`);
    expect(r.url).toBe(`${server.base}/hop/4`);
    expect(r.redirects).toEqual(['/hop/3', '/hop/2', '/hop/1', '/hop/0', '/final'].map((p) => server.base + p));
  });

  it('refuses the 6th redirect', async () => {
    const err = await failure(make({ maxRedirects: 5 }).fetch(`${server.base}/hop/5`));
    expect(err).toBeInstanceOf(NonRetryableError);
    expect(err.code).toBe('too_many_redirects');
  });

  it('refuses a redirect to an unparseable Location', async () => {
    server.route('/to-nowhere', (_req, res) => send(res, 302, null, '', { location: 'http://[bad' }));
    const err = await failure(make().fetch(`${server.base}/to-nowhere`));
    expect(err.code).toBe('bad_redirect');
  });

  it('refuses a redirect from http to a file:// URL', async () => {
    server.route('/to-file', (_req, res) => send(res, 301, null, '', { location: 'file:///etc/passwd' }));
    const err = await failure(make().fetch(`${server.base}/to-file`));
    expect(err.code).toBe('bad_redirect');
  });
});

describe('createFetcher: rate limits', () => {
  it('turns 429 with Retry-After seconds into RateLimitedError', async () => {
    server.route('/429', (_req, res) => send(res, 429, 'text/plain', 'slow down', { 'retry-after': '120' }));
    const err = await failure(make().fetch(`${server.base}/429`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBe(120_000);
  });

  it('turns 503 with a Retry-After HTTP date into RateLimitedError with the remaining time', async () => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    server.route('/503', (_req, res) => send(res, 503, 'text/plain', 'maintenance', { 'retry-after': at }));
    const err = (await failure(make().fetch(`${server.base}/503`))) as RateLimitedError;
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.retryAfterMs).toBeGreaterThan(60_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it('holds back the whole host after a 429, without contacting it again', async () => {
    server.route('/429-once', (_req, res) => send(res, 429, 'text/plain', 'slow down', { 'retry-after': '300' }));
    const f = make();
    expect((await failure(f.fetch(`${server.base}/429-once`))).code).toBe('rate_limited');
    const before = server.requests.length;
    const err = await failure(f.fetch(`${server.base}/plain`));
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(err.code).toBe('host_busy');
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(60_000);
    expect(server.requests.length).toBe(before);
  });

  it('treats 503 without Retry-After as retryable', async () => {
    server.route('/503-bare', (_req, res) => send(res, 503, 'text/plain', 'down'));
    const err = await failure(make().fetch(`${server.base}/503-bare`));
    expect(err).toBeInstanceOf(RetryableError);
  });
});

describe('createFetcher: timeouts and sizes', () => {
  it('times out when headers never come', async () => {
    server.route('/slow-headers', (_req, res) => void setTimeout(() => send(res, 200, 'text/html', PAGE), 3_000));
    const err = await failure(make({ fetchTimeoutMs: 300 }).fetch(`${server.base}/slow-headers`));
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('timeout');
  });

  it('times out when the body stalls after the headers', async () => {
    server.route('/slow-body', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body>start');
      setTimeout(() => res.end('</body></html>'), 3_000);
    });
    const err = await failure(make({ fetchTimeoutMs: 300 }).fetch(`${server.base}/slow-body`));
    expect(err.code).toBe('timeout');
  });

  it('refuses a body larger than maxBodyBytes, declared or streamed', async () => {
    const big = 'x'.repeat(10_000);
    server.route('/big', (_req, res) => send(res, 200, 'text/plain', big));
    server.route('/big-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    });
    const f = make({ maxBodyBytes: 4096 });
    expect((await failure(f.fetch(`${server.base}/big`))).code).toBe('body_too_large');
    expect((await failure(f.fetch(`${server.base}/big-chunked`))).code).toBe('body_too_large');
  });

  it('decodes gzip, deflate and brotli bodies', async () => {
    server.route('/gz', (_req, res) => send(res, 200, 'text/html', gzipSync(PAGE), { 'content-encoding': 'gzip' }));
    server.route('/deflate', (_req, res) => send(res, 200, 'text/html', deflateSync(PAGE), { 'content-encoding': 'deflate' }));
    server.route('/br', (_req, res) => send(res, 200, 'text/html', brotliCompressSync(PAGE), { 'content-encoding': 'br' }));
    const f = make();
    for (const p of ['/gz', '/deflate', '/br']) expect((await f.fetch(server.base + p)).body).toBe(PAGE);
  });

  it('gunzips a .xml.gz sitemap served as application/x-gzip when a feed is expected', async () => {
    const xml = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/1</loc></url></urlset>';
    server.route('/sitemap.xml.gz', (_req, res) => send(res, 200, 'application/x-gzip', gzipSync(xml)));
    const f = make();
    expect((await f.fetch(`${server.base}/sitemap.xml.gz`, { accept: 'feed' })).body).toBe(xml);
    expect((await failure(f.fetch(`${server.base}/sitemap.xml.gz`, { accept: 'html' }))).code).toBe('content_type');
  });

  it('refuses a gzip decompression bomb without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024));
    server.route('/bomb', (_req, res) => send(res, 200, 'text/html', bomb, { 'content-encoding': 'gzip' }));
    for (const maxBodyBytes of [200 * 1024 * 1024, 5 * 1024 * 1024]) {
      const err = await failure(make({ maxBodyBytes }).fetch(`${server.base}/bomb`));
      expect(err).toBeInstanceOf(NonRetryableError);
      expect(err.code).toBe('decompression_bomb');
    }
  });

  it('gives a retryable error when the server drops the connection', async () => {
    server.route('/reset', (req) => req.socket.destroy());
    const err = await failure(make().fetch(`${server.base}/reset`));
    expect(err).toBeInstanceOf(RetryableError);
  });
});

describe('createFetcher: local files', () => {
  const path = fileURLToPath(new URL('../../fixtures/http/page-latin1-meta.html', import.meta.url));

  it('reads file:// URLs and plain paths with the same charset sniffing', async () => {
    const f = make({ allowFileUrls: true });
    const byUrl = await f.fetch(new URL(`file://${path}`).href);
    const byPath = await f.fetch(path);
    expect(byUrl.body).toContain('“não”');
    expect(byPath.body).toBe(byUrl.body);
    expect(byUrl.contentType).toBe('text/html');
    const again = await f.fetch(path, { etag: byUrl.etag });
    expect(again.notModified).toBe(true);
  });

  it('refuses local files unless allowFileUrls is set', async () => {
    const err = await failure(make({ allowFileUrls: false }).fetch(path));
    expect(err.code).toBe('file_urls_disabled');
  });

  it('names the missing file', async () => {
    const err = await failure(make({ allowFileUrls: true }).fetch('/nonexistent/dir/page.html'));
    expect(err.code).toBe('file_not_found');
    expect(err.message).toContain('/nonexistent/dir/page.html');
  });
});

describe('createFetcher: broken responses only raise our error classes', () => {
  it('refuses a body that claims gzip but is not', async () => {
    server.route('/fake-gzip', (_req, res) => send(res, 200, 'text/html', Buffer.from('definitely not gzip data here'), { 'content-encoding': 'gzip' }));
    const err = await failure(make().fetch(`${server.base}/fake-gzip`));
    expect(err).toBeInstanceOf(NonRetryableError);
    expect(err.code).toBe('bad_encoding');
  });

  it('refuses a content coding it cannot decode', async () => {
    server.route('/compress', (_req, res) => send(res, 200, 'text/html', 'x', { 'content-encoding': 'compress' }));
    expect((await failure(make().fetch(`${server.base}/compress`))).code).toBe('unsupported_encoding');
  });

  it('turns a caller abort while waiting for the host into RetryableError', async () => {
    const f = createFetcher(loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 60_000, respectRobots: false }, {}));
    fetchers.push(f);
    await f.fetch(`${server.base}/plain`);
    const ac = new AbortController();
    const pending = f.fetch(`${server.base}/plain`, { signal: ac.signal });
    ac.abort();
    const err = await failure(pending);
    expect(err).toBeInstanceOf(RetryableError);
    expect(err.code).toBe('aborted');
  });

  it('gives a retryable error for a server that answers with bytes that are not HTTP', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const raw = createNetServer((socket) => {
      sockets.add(socket);
      socket.end('\u0000\u0001garbage, not HTTP at all\r\n\r\n');
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const err = await failure(make().fetch(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/`));
      expect(err).toBeInstanceOf(RetryableError);
      expect(err.message).toContain('fetch: GET http://127.0.0.1:');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it('refuses an unparseable URL instead of reading it as a path', async () => {
    expect((await failure(make({ allowFileUrls: true }).fetch('http://'))).code).toBe('bad_url');
  });
});
