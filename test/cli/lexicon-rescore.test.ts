import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, rastro, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'rastro-lex-'));
const lex = join(dir, 'lexicons');
const env = { RASTRO_DB: join(dir, 'rastro.db'), RASTRO_LEXICONS: lex };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leads = () =>
  rastro(['leads', 'list', '--format', 'jsonl', '--all', '--limit', '500'], { env })
    .stdout.split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; status: string; lexiconVersion: string; indicators: Array<{ id: string }> });

describe('analyst tools and rescore on a copy of the lexicons', () => {
  beforeAll(() => {
    assertBuilt();
    cpSync(join(ROOT, 'lexicons'), lex, { recursive: true });
    expect(rastro(['scan', '--quiet'], { env }).code).toBe(0);
  }, 240_000);

  it('validates the bundled lexicons', () => {
    const r = rastro(['lexicon', 'validate'], { env });
    expect(r.stdout).toMatch(/^ok: \d+ entries in en, es, pt/m);
    expect(r.code).toBe(0);
  });

  it('rejects a bad pattern with its reason and adds nothing', () => {
    const r = rastro(['lexicon', 'add', '--lang', 'es', '--group', 'event', '--id', 'es.event.bad', '--category', 'event.rescue', '--pattern', '(a|', '--match', 'a'], { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^rastro: /);
  });

  it('shows the hits of a pattern with context in given files', () => {
    const r = rastro(['lexicon', 'test', '(explotación|explotar) ~3 sexual*', 'samples/dev/news.jsonl', '--lang', 'es'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^samples\/dev\/news\.jsonl:\d+ {2}….*sexual/m);
    expect(r.stdout).toMatch(/\d+ hits in 1 of 1 documents/);
  });

  it('a new entry changes the lexicon version; rescore re-analyses leads and keeps their review state', () => {
    const before = leads();
    const v1 = before[0]!.lexiconVersion;
    expect(new Set(before.map((l) => l.lexiconVersion))).toEqual(new Set([v1]));
    const target = before[0]!;
    expect(rastro(['leads', 'set-status', target.id, 'confirmed', '--by', 'ana'], { env }).code).toBe(0);
    const add = rastro(
      ['lexicon', 'add', '--lang', 'es', '--group', 'event', '--id', 'es.event.test_operativo_relampago', '--category', 'event.arrest_raid', '--pattern', 'operativo relámpago', '--weight', '0.4', '--match', 'Un operativo relámpago liberó a las víctimas.', '--not-match', 'El operativo duró tres días.'],
      { env },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const r = rastro(['rescore'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`rescored ${before.length} leads with lexicon (\\w+): ${before.length} changed`));
    const after = leads();
    const v2 = after[0]!.lexiconVersion;
    expect(v2).not.toBe(v1);
    expect(new Set(after.map((l) => l.lexiconVersion))).toEqual(new Set([v2]));
    expect(after.find((l) => l.id === target.id)?.status).toBe('confirmed');
  });

  it('reports per-term precision from reviewed leads', () => {
    const r = rastro(['lexicon', 'stats', '--by-entry', '--json'], { env });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; hits: number; confirmed: number; precision: number | null }>;
    const fired = rows.filter((x) => x.hits > 0);
    expect(fired.length).toBeGreaterThan(0);
    for (const x of fired) expect(x.precision).toBe(1); // the only reviewed lead is confirmed
  });
});
