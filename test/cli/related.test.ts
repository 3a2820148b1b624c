import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../../core/index.js';
import { SqliteStore, type LeadInput } from '../../store/index.js';
import { assertBuilt, rastro } from './helpers.js';

// Invented leads: a notice in Cúcuta, an incident a few km away, one in Bogotá.
const dir = mkdtempSync(join(tmpdir(), 'rastro-cli-related-'));
const env = { RASTRO_DB: join(dir, 'rastro.db') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const place = (name: string, admin1: string, lat: number, lon: number): Place => ({ name, countryCode: 'CO', admin1, lat, lon, confidence: 0.9, kind: 'city', start: 0, end: name.length, text: name });

function input(key: string, over: Partial<LeadInput>): LeadInput {
  return {
    kind: 'article', url: `https://n.example/${key}`, canonicalUrl: `https://n.example/${key}`, sourceId: 'src', contentHash: `h-${key}`, simhash: null,
    title: `Caso ${key}`, text: `Texto inventado ${key}.`, publishedAt: '2026-03-14T08:00:00.000Z', fetchedAt: '2026-03-20T08:00:00.000Z', language: 'es',
    label: 'incident', score: 0.8, reasons: [], types: [], indicators: [], entities: [], places: [], countries: ['CO'], eventCountry: 'CO',
    victims: { count: 2, minors: true, nationalities: [] }, notice: null, lexiconVersion: 'l', extractorVersion: 'x', ...over,
  };
}

const ids: string[] = [];
beforeAll(async () => {
  assertBuilt();
  const store = new SqliteStore(env.RASTRO_DB);
  await store.init();
  const leads = [
    input('aviso', {
      kind: 'notice', label: 'none', title: 'Se busca a Dayana Inventada', places: [place('Cúcuta', 'Norte de Santander', 7.8939, -72.5078)], publishedAt: '2026-03-04T08:00:00.000Z',
      notice: { name: 'Dayana Inventada', age: 14, sex: 'female', lastSeenDate: '2026-03-02', lastSeenPlace: 'Cúcuta', authority: null, alertType: null, noticeUrl: 'https://n.example/aviso' },
    }),
    input('cerca', { places: [place('Villa del Rosario', 'Norte de Santander', 7.8339, -72.4742)] }),
    input('lejos', { places: [place('Bogotá', 'Bogotá D.C.', 4.711, -74.0721)] }),
  ];
  for (const l of leads) ids.push((await store.upsertLead(l)).id);
  await store.close();
});

describe('rastro leads related', () => {
  it('prints the incident near the notice with its reasons under it, and not the far one', () => {
    const r = rastro(['leads', 'related', ids[0]!], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+KIND\s+STATUS\s+KM\s+DAYS\s+SCORE\s+DATE\s+TITLE/);
    expect(r.stdout).toContain(ids[1]!);
    expect(r.stdout).not.toContain(ids[2]!);
    expect(r.stdout).toContain('    · 8 km apart (Cúcuta – Villa del Rosario)');
    expect(r.stdout).toContain('    · victims are minors; missing person is 14');
    expect(r.stdout).toMatch(/^1 incident within 150 km and 60 days of [0-9a-f]+$/m);
  });

  it('widens with --km and gives JSON without the missing person\'s name', () => {
    const r = rastro(['leads', 'related', ids[0]!, '--km', '500', '--json'], { env });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { maxKm: number; items: Array<{ lead: { id: string } }> };
    expect(body.maxKm).toBe(500);
    expect(body.items.map((x) => x.lead.id)).toEqual([ids[1], ids[2]]);
    const back = rastro(['leads', 'related', ids[1]!, '--json'], { env });
    expect(back.stdout).not.toContain('Dayana');
  });

  it('rejects a bad --days and an unknown id with exit code 2 and one line', () => {
    const bad = rastro(['leads', 'related', ids[0]!, '--days', 'soon'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('rastro: --days: "soon" must be a whole number of 0 or more');
    const unknown = rastro(['leads', 'related', 'ffffffffffffffffffffffff'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no lead with id/);
  });
});
