import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteStore } from '../../store/index.js';
import { MIGRATIONS } from '../../store/sqlite-migrations.js';
import { runStoreConformance, leadInput } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'rastro-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreConformance('sqlite', async () => new SqliteStore(join(dir, `t${n++}.db`)));

describe('SqliteStore specifics', () => {
  it('keeps a lead\'s text once, in its column, and still reads rows whose JSON body holds it too', async () => {
    const path = join(dir, 'text-once.db');
    const s = new SqliteStore(path);
    await s.init();
    const { id } = await s.upsertLead(leadInput());
    const before = await s.getLead(id);
    expect(before?.text).toBe(leadInput().text);
    await s.close();
    const db = new BetterSqlite3(path);
    const row = db.prepare('SELECT body, text FROM leads WHERE id = ?').get(id) as { body: string; text: string };
    expect(row.text).toBe(leadInput().text);
    expect(JSON.parse(row.body)).not.toHaveProperty('text');
    // As a row written before 2026-11-29 looks: the text inside the body as well.
    db.prepare('UPDATE leads SET body = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.body), text: row.text }), id);
    db.close();
    await s.init();
    expect(await s.getLead(id)).toEqual(before);
    await s.close();
  });

  describe('group commit of the pipeline writes', () => {
    it('stores writes made together, each with its own outcome; the same story twice is one lead', async () => {
      const s = new SqliteStore(join(dir, 'group.db'));
      await s.init();
      const urls = Array.from({ length: 12 }, (_, k) => `https://news.example/2026/group/${k}`);
      const results = await Promise.all([
        ...urls.map((u) => s.upsertLead(leadInput({ canonicalUrl: u }))),
        s.upsertLead(leadInput({ canonicalUrl: urls[3]! })),
        ...urls.map((u) => s.markSeen({ canonicalUrl: u, contentHash: 'h', leadId: null, seenAt: '2026-01-01T00:00:00.000Z' })),
      ]);
      const upserts = results.slice(0, urls.length + 1) as Array<{ id: string; outcome: string }>;
      expect(upserts.slice(0, urls.length).every((r) => r.outcome === 'created')).toBe(true);
      expect(upserts[urls.length]!.id).toBe(upserts[3]!.id);
      expect(upserts[urls.length]!.outcome).not.toBe('created');
      expect((await s.listLeads({})).total).toBe(urls.length);
      for (const u of urls) expect(await s.getSeen(u)).toMatchObject({ contentHash: 'h' });
      await s.close();
    });

    it('rejects only the write that fails; the others of its group are committed', async () => {
      const s = new SqliteStore(join(dir, 'group-fail.db'));
      await s.init();
      const settled = await Promise.allSettled([
        s.upsertLead(leadInput({ canonicalUrl: 'https://news.example/ok-1' })),
        s.markSeen({ canonicalUrl: 'https://news.example/bad', contentHash: null as never, leadId: null, seenAt: '2026-01-01T00:00:00.000Z' }),
        s.upsertLead(leadInput({ canonicalUrl: 'https://news.example/ok-2' })),
      ]);
      expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
      expect((await s.listLeads({})).total).toBe(2);
      expect(await s.getSeen('https://news.example/bad')).toBeNull();
      await s.close();
    });

    it('lets any later call see the writes still waiting, and commits them on close', async () => {
      const path = join(dir, 'group-order.db');
      const s = new SqliteStore(path);
      await s.init();
      const pending = s.upsertLead(leadInput({ canonicalUrl: 'https://news.example/order' }));
      // not awaited: the read comes after the write in call order, so it must see it
      expect(await s.findLeadByUrl('https://news.example/order')).not.toBeNull();
      expect((await pending).outcome).toBe('created');
      const seen = s.markSeen({ canonicalUrl: 'https://news.example/order', contentHash: 'h', leadId: null, seenAt: '2026-01-01T00:00:00.000Z' });
      await s.close();
      await seen;
      await s.init();
      expect(await s.getSeen('https://news.example/order')).toMatchObject({ contentHash: 'h' });
      await s.close();
    });
  });

  it('keeps answering right past the number of statements it keeps prepared, and after a reopen', async () => {
    const s = new SqliteStore(join(dir, 'statements.db'));
    await s.init();
    await s.upsertLead(leadInput());
    // Status lists of 1..150 entries are 150 different SQL texts: the statement cache (128) is emptied on the way.
    for (let k = 1; k <= 150; k++) {
      const status = Array.from({ length: k }, (_, i) => (i === k - 1 ? 'new' : `other-${i}`)) as never;
      expect((await s.listLeads({ status })).total).toBe(1);
    }
    await s.close();
    await s.init();
    expect((await s.listLeads({ status: ['new'] as never })).total).toBe(1);
    await s.close();
  });

  it('uses WAL mode and records applied migrations', async () => {
    const path = join(dir, 'wal.db');
    const s = new SqliteStore(path);
    await s.init();
    await s.close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }]);
    db.close();
  });

  it('upgrades a version-1 database in place: the validators table is added, the leads stay', async () => {
    const path = join(dir, 'v1.db');
    const old = new BetterSqlite3(path);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    old.exec(MIGRATIONS.find((m) => m.version === 1)!.sql);
    old.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('v1', '2026-01-01T00:00:00.000Z');
    old.prepare('INSERT INTO seen_documents VALUES (?, ?, NULL, ?)').run('https://x.example/a', 'h1', '2026-01-01T00:00:00.000Z');
    old.close();
    const s = new SqliteStore(path);
    await s.init();
    expect(await s.getSeen('https://x.example/a')).toMatchObject({ contentHash: 'h1' });
    await s.putUrlValidators({ url: 'https://x.example/a', etag: '"e"', lastModified: null, contentHash: 'h1', checkedAt: '2026-01-02T00:00:00.000Z' });
    expect(await s.getUrlValidators('https://x.example/a')).toMatchObject({ etag: '"e"' });
    await s.close();
  });

  it('keeps leads across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const a = new SqliteStore(path);
    await a.init();
    const { id } = await a.upsertLead(leadInput());
    await a.close();
    const b = new SqliteStore(path);
    await b.init();
    expect((await b.getLead(id))?.title).toBe('Desarticulan red de trata en Cúcuta');
    await b.close();
  });

  it('gives a clear error for a path it cannot open', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const s = new SqliteStore(join(file, 'sub', 'rastro.db'));
    await expect(s.init()).rejects.toMatchObject({ code: 'store_open_failed' });
  });
});
