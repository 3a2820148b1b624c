import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteStore } from '../../store/index.js';
import { runStoreConformance, leadInput } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'rastro-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreConformance('sqlite', async () => new SqliteStore(join(dir, `t${n++}.db`)));

describe('SqliteStore specifics', () => {
  it('uses WAL mode and records applied migrations', async () => {
    const path = join(dir, 'wal.db');
    const s = new SqliteStore(path);
    await s.init();
    await s.close();
    const db = new BetterSqlite3(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
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
