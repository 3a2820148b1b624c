import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { loadConfig, silentLogger as silent, type SourceConfig } from '../../core/index.js';
import { createBatchExtractor } from '../../extractors/index.js';
import { LexiconProvider } from '../../lexicons/index.js';
import { canonicalizeUrl, createFetcher } from '../../sources/index.js';
import { SqliteStore } from '../../store/index.js';
import { createBatchingExtractor, runEmbedded, type PipelineDeps } from '../../workers/index.js';
import { FIXTURES, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';

const PAGE = '/articles/taller-textil.html';
const FEED = '/feeds/main.xml';

const dir = mkdtempSync(join(tmpdir(), 'rastro-cond-'));
let server: FixtureServer;
let deps: PipelineDeps;

// Three attempts: the server runs in this process, and a long synchronous extraction can let a pooled
// keep-alive socket be closed under a request (ECONNRESET, a retryable error in production too).
beforeAll(async () => {
  server = await startFixtureServer();
  const config = loadConfig({ dbPath: join(dir, 'leads.db'), allowHosts: ['127.0.0.1'], hostDelayMs: 0, attempts: 3, backoffMs: 10 }, {});
  const store = new SqliteStore(config.dbPath);
  await store.init();
  const provider = new LexiconProvider(undefined);
  deps = { config, store, fetcher: createFetcher(config, { log: silent }), extract: createBatchingExtractor(createBatchExtractor({ lexicons: () => provider.current })), log: silent };
});

afterAll(async () => {
  await deps?.fetcher.close();
  await deps?.store.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (): SourceConfig => ({ id: 'one-page', url: server.url(PAGE), kind: 'article' });

describe('conditional GET per URL, embedded runner', () => {
  it('re-polls a page that is its own source with its validators: 304 is "unchanged", a new version is analysed again', async () => {
    server.behave(PAGE, { validators: true });
    const first = await runEmbedded(deps, [page()]);
    expect(first).toMatchObject({ documents: 1, skipped: 0 });
    expect(server.hits(PAGE)).toHaveLength(1);
    expect(server.hits(PAGE)[0]!.ifNoneMatch).toBeUndefined();
    const stored = await deps.store.getUrlValidators(canonicalizeUrl(server.url(PAGE)));
    expect(stored?.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(stored?.lastModified).toBe('Tue, 03 May 2022 10:00:00 GMT');

    // Same page: the request carries both validators, the 304 ends the job without an analysis or a failure.
    const second = await runEmbedded(deps, [page()]);
    expect(server.hits(PAGE)).toHaveLength(2);
    expect(server.hits(PAGE)[1]).toMatchObject({ ifNoneMatch: stored!.etag, ifModifiedSince: stored!.lastModified });
    expect(second).toMatchObject({ documents: 0, skipped: 1 });
    expect(second.stages.fetch).toMatchObject({ completed: 1, failed: 0 });
    expect(second.stages.analyze.added).toBe(0);

    // The page changes: the old ETag no longer matches, the new text is analysed and its validators replace the old.
    const changed = readFileSync(join(FIXTURES, 'articles/taller-textil.html'), 'utf8').replace('</p>', ' Una frase nueva añadida por la redacción.</p>');
    server.behave(PAGE, { validators: true, body: changed });
    const third = await runEmbedded(deps, [page()]);
    expect(server.hits(PAGE)[2]!.ifNoneMatch).toBe(stored!.etag);
    expect(third).toMatchObject({ documents: 1, skipped: 0 });
    expect(third.stages.analyze.completed).toBe(1);
    const after = await deps.store.getUrlValidators(canonicalizeUrl(server.url(PAGE)));
    expect(after?.etag).not.toBe(stored!.etag);

    // --force re-reads the page whole: no validators sent.
    await runEmbedded(deps, [page()], { force: true });
    expect(server.hits(PAGE)[3]!.ifNoneMatch).toBeUndefined();
  }, 120_000);

  it('asks a feed again with the validators of its own URL and lists nothing on 304', async () => {
    server.behave(FEED, { validators: true });
    const source: SourceConfig = { id: 'feed-main', url: server.url(FEED), kind: 'rss' };
    const first = await runEmbedded(deps, [source]);
    expect(first.stages.fetch.added).toBeGreaterThan(0);
    const second = await runEmbedded(deps, [source]);
    const hits = server.hits(FEED);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(second.stages.fetch.added).toBe(0);
    expect(second.stages.discover).toMatchObject({ completed: 1, failed: 0 });
    expect(await deps.store.getUrlValidators(server.url(FEED))).toMatchObject({ etag: hits[1]!.ifNoneMatch });
  }, 120_000);

  it('does not ask conditionally for a page it has never analysed, even if it holds validators for it', async () => {
    const url = server.url('/articles/begging-ring.html');
    server.behave('/articles/begging-ring.html', { validators: true });
    await deps.store.putUrlValidators({ url: canonicalizeUrl(url), etag: '"stale"', lastModified: null, contentHash: 'other', checkedAt: new Date().toISOString() });
    const run = await runEmbedded(deps, [{ id: 'begging', url, kind: 'article' }]);
    expect(server.hits('/articles/begging-ring.html')[0]!.ifNoneMatch).toBeUndefined();
    expect(run).toMatchObject({ documents: 1 });
  }, 120_000);
});

describe('a sitemap index, embedded runner', () => {
  it("keeps the source's health on the index URL while its child sitemaps are read", async () => {
    const INDEX = '/feeds/sitemap-index.xml';
    const source: SourceConfig = { id: 'sitemap-index', url: server.url(INDEX), kind: 'sitemap' };
    const run = await runEmbedded(deps, [source]);
    expect(run.stages.discover).toMatchObject({ completed: 3, failed: 0 });
    // five children read inline by the index's job, two scheduled as discover jobs of their own
    expect(server.hits('/feeds/sitemap-a.xml')).toHaveLength(5);
    expect(server.hits('/feeds/sitemap-b.xml')).toHaveLength(2);
    const state = await deps.store.getSourceState('sitemap-index');
    // the scheduled children are part of the index's poll: one poll, on the index's own URL, whose items found are
    // the distinct URLs its inline children listed (sitemap-a's two, read five times)
    expect(state).toMatchObject({ url: server.url(INDEX), polls: 1, consecutiveFailures: 0, lastItemsFound: 2 });
    expect(await deps.store.getUrlValidators(server.url('/feeds/sitemap-b.xml?part=2'))).not.toBeNull();
  }, 120_000);
});
