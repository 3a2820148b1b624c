import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/index.js';
import { checkSource, loadSourcesFile } from '../../../sources/config/index.js';
import { discoverSource } from '../../../sources/feeds/index.js';
import { createFetcher, type Fetcher } from '../../../sources/http/index.js';
import { send, startServer, type TestServer } from '../http/test-server.js';

const fixture = (name: string) => readFile(fileURLToPath(new URL(`../../fixtures/http/${name}`, import.meta.url)), 'utf8');

let server: TestServer;
let fetcher: Fetcher;
let dir: string;

beforeAll(async () => {
  server = await startServer();
  const rss = await fixture('feed-rss2.xml');
  const urlset = await fixture('sitemap-urlset.xml');
  server.route('/rss.xml', (req, res) =>
    req.headers['if-none-match'] === '"r1"' ? send(res, 304, null, '') : send(res, 200, 'application/rss+xml', rss, { etag: '"r1"' }),
  );
  server.route('/broken.xml', async (_req, res) => send(res, 200, 'application/xml', await fixture('feed-broken.xml')));
  server.route('/index.xml', (_req, res) =>
    send(res, 200, 'application/xml', `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sm/1.xml</loc></sitemap><sitemap><loc>/sm/missing.xml</loc></sitemap><sitemap><loc>/sm/3.xml</loc></sitemap></sitemapindex>`),
  );
  server.route('/sm/1.xml', (_req, res) => send(res, 200, 'application/xml', urlset));
  server.route('/listing', async (_req, res) => send(res, 200, 'text/html; charset=utf-8', await fixture('listing.html')));
  fetcher = createFetcher(loadConfig({ allowHosts: ['127.0.0.1'], hostDelayMs: 0 }, {}));

  dir = await mkdtemp(join(tmpdir(), 'rastro-check-'));
  await mkdir(join(dir, 'feeds'));
  await mkdir(join(dir, 'notices'));
  await writeFile(join(dir, 'notices', 'aviso-1.html'), '<p>aviso</p>');
  await writeFile(
    join(dir, 'feeds', 'demo.xml'),
    '<rss version="2.0"><channel><title>demo</title><item><title>Nota</title><link>../articles/nota.html</link><pubDate>Fri, 27 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>',
  );
  await writeFile(
    join(dir, 'sources.yaml'),
    `sources:
  - { id: web-rss, url: "${server.base}/rss.xml", kind: rss }
  - { id: web-broken, url: "${server.base}/broken.xml", kind: rss }
  - { id: local, url: feeds/demo.xml, kind: rss }
  - { id: avisos, url: notices/, kind: notice, notices: true }
  - { id: index, url: "${server.base}/index.xml", kind: sitemap }
  - { id: listing, url: "${server.base}/listing", kind: listing, selectors: { items: li.story, link: h2 a } }
  - { id: gone, url: "${server.base}/gone.xml", kind: atom }
  - { id: notice-board, url: "${server.base}/listing", kind: notice, notices: true, selectors: { items: li.story, link: h2 a } }
  - { id: one-notice, url: "${server.base}/notice/7", kind: notice, notices: true }
`,
  );
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function source(id: string) {
  const { sources } = await loadSourcesFile(join(dir, 'sources.yaml'));
  return sources.find((s) => s.id === id)!;
}

describe('checkSource', () => {
  it('reports the items of a working feed', async () => {
    const r = await checkSource(fetcher, await source('web-rss'), { sample: 2 });
    expect(r).toMatchObject({ ok: true, kind: 'rss', itemsFound: 3, missingDates: 0, errors: [], errorKind: null, title: 'Diario del Valle — Judiciales' });
    // the second item's link is relative: it resolves against the URL the feed was fetched from
    expect(r.sample.map((i) => i.url)).toEqual(['https://diario.example/judiciales/2026/11/rescate-taller.html', `${server.base}/judiciales/2026/11/audiencia.html`]);
  });

  it('reports a broken feed as a non-retryable error with the line, without throwing', async () => {
    const r = await checkSource(fetcher, await source('web-broken'));
    expect(r.ok).toBe(false);
    expect(r.errorKind).toBe('non_retryable');
    expect(r.errors[0]).toMatch(/broken\.xml is not well-formed XML: .*line \d+/);
  });

  it('reports a 404 with the URL and status', async () => {
    const r = await checkSource(fetcher, await source('gone'));
    expect(r.errors).toEqual([`fetch: GET ${server.base}/gone.xml returned 404`]);
  });

  it('reads a local feed and resolves its relative links against the file URL', async () => {
    const r = await checkSource(fetcher, await source('local'));
    expect(r.sample.map((i) => i.url)).toEqual([pathToFileURL(join(dir, 'articles', 'nota.html')).href]);
  });

  it('expands a local folder to its files', async () => {
    const r = await checkSource(fetcher, await source('avisos'));
    expect(r).toMatchObject({ ok: true, kind: 'folder', itemsFound: 1 });
    expect(r.sample[0]!.url).toBe(pathToFileURL(join(dir, 'notices', 'aviso-1.html')).href);
  });

  it('reads a listing page by its selectors', async () => {
    const r = await checkSource(fetcher, await source('listing'));
    expect(r).toMatchObject({ ok: true, kind: 'listing', itemsFound: 2 });
  });
});

describe('discoverSource', () => {
  it('reads a notice source with item selectors as a listing, and a bare notice URL as its own item', async () => {
    const board = await discoverSource(fetcher, await source('notice-board'));
    expect(board.kind).toBe('listing');
    expect(board.items).toHaveLength(2);
    const one = await discoverSource(fetcher, await source('one-notice'));
    expect(one).toMatchObject({ kind: 'single', items: [{ url: `${server.base}/notice/7` }] });
  });

  it('passes the validators and reports 304 as not modified', async () => {
    const src = await source('web-rss');
    const first = await discoverSource(fetcher, src);
    const again = await discoverSource(fetcher, src, { etag: first.etag });
    expect(again).toMatchObject({ notModified: true, kind: 'not_modified', items: [], etag: '"r1"' });
  });

  it('follows child sitemaps of an index, reporting failed children and leaving the rest to the caller', async () => {
    const r = await discoverSource(fetcher, await source('index'), { followSitemaps: 2 });
    expect(r.kind).toBe('sitemapindex');
    expect(r.items.map((i) => i.url)).toEqual([
      'https://diario.example/judiciales/2026/11/rescate-taller.html',
      'https://diario.example/judiciales/2026/11/audiencia.html',
    ]);
    expect(r.errors).toEqual([`fetch: GET ${server.base}/sm/missing.xml returned 404`]);
    expect(r.sitemaps).toEqual([`${server.base}/sm/3.xml`]);
  });
});
