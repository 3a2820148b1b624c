import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Lead, Place } from '../../core/index.js';
import { SqliteStore, type LeadInput } from '../../store/index.js';
import { findRelatedLeads, haversineKm, type RelatedLead } from '../../workers/index.js';

// Invented leads: places, dates and people are made up for this test.
function place(name: string, admin1: string | null, lat: number | null, lon: number | null, countryCode = 'CO', kind: Place['kind'] = 'city'): Place {
  return { name, countryCode, admin1, lat, lon, confidence: 0.9, kind, start: 0, end: name.length, text: name };
}

const CUCUTA = place('Cúcuta', 'Norte de Santander', 7.8939, -72.5078);
const VILLA_ROSARIO = place('Villa del Rosario', 'Norte de Santander', 7.8339, -72.4742);
const OCANA_NO_COORDS = place('Ocaña', 'Norte de Santander', null, null);
const BOGOTA = place('Bogotá', 'Bogotá D.C.', 4.711, -74.0721);
const SAN_ANTONIO = place('San Antonio del Táchira', 'Táchira', 7.8144, -72.4431, 'VE');

let n = 0;
function lead(over: Partial<LeadInput> & Pick<LeadInput, 'places' | 'publishedAt'>): LeadInput {
  n++;
  const countries = [...new Set(over.places.map((p) => p.countryCode).filter((c): c is string => c !== null))];
  return {
    kind: 'article',
    url: `https://noticias.example/${n}`,
    canonicalUrl: `https://noticias.example/${n}`,
    sourceId: 'src-test',
    contentHash: `hash-${n}`,
    simhash: null,
    title: `Caso inventado ${n}`,
    text: `Texto inventado número ${n} sobre un caso de trata de personas.`,
    fetchedAt: '2026-03-20T10:00:00.000Z',
    language: 'es',
    label: 'incident',
    score: 0.8,
    reasons: [],
    types: ['sexual_exploitation'],
    indicators: [],
    entities: [],
    countries,
    eventCountry: countries[0] ?? null,
    victims: { count: 3, minors: null, nationalities: [] },
    notice: null,
    lexiconVersion: 'lex-test',
    extractorVersion: 'x-test',
    ...over,
  };
}

function notice(name: string, over: Partial<LeadInput> & Pick<LeadInput, 'places' | 'publishedAt'>, fields: Partial<NonNullable<Lead['notice']>> = {}): LeadInput {
  return lead({
    kind: 'notice',
    label: 'none',
    score: 0.1,
    types: [],
    title: `Se busca a ${name}`,
    victims: { count: null, minors: null, nationalities: [] },
    notice: { name, age: 15, sex: 'female', lastSeenDate: '2026-03-02', lastSeenPlace: 'Cúcuta', authority: 'Fiscalía', alertType: 'Alerta', noticeUrl: 'https://alertas.example/aviso', ...fields },
    ...over,
  });
}

let dir: string;
let store: SqliteStore;
const ids: Record<string, string> = {};

async function add(key: string, input: LeadInput): Promise<void> {
  ids[key] = (await store.upsertLead(input)).id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rastro-related-'));
  store = new SqliteStore(join(dir, 'related.db'));
  await store.init();
  // The notice: a 15-year-old girl last seen in Cúcuta on 2 March, published 5 March.
  await add('notice', notice('Mariela Inventada Ruiz', { places: [CUCUTA], publishedAt: '2026-03-05T12:00:00.000Z' }));
  // Near in place and time, minors and female victims.
  await add('near', lead({ places: [VILLA_ROSARIO], publishedAt: '2026-03-14T08:00:00.000Z', victims: { count: 4, minors: true, nationalities: ['VE'], gender: 'female' } }));
  // Same department, no coordinates.
  await add('division', lead({ places: [OCANA_NO_COORDS], publishedAt: '2026-02-20T08:00:00.000Z' }));
  // Across the border, a few km away, mentions only Venezuela.
  await add('border', lead({ places: [SAN_ANTONIO], publishedAt: '2026-03-10T08:00:00.000Z' }));
  // Far away (~370 km), same dates.
  await add('far', lead({ places: [BOGOTA], publishedAt: '2026-03-03T08:00:00.000Z' }));
  // Right place, months earlier.
  await add('old', lead({ places: [CUCUTA], publishedAt: '2025-10-01T08:00:00.000Z' }));
  // Right place and time, but dismissed by a reviewer.
  await add('dismissed', lead({ places: [CUCUTA], publishedAt: '2026-03-04T08:00:00.000Z' }));
  await store.setStatus(ids.dismissed!, { status: 'dismissed', by: 'tester', note: 'not trafficking' });
  // Right place and time, but an awareness piece, not an incident.
  await add('awareness', lead({ places: [CUCUTA], publishedAt: '2026-03-03T08:00:00.000Z', label: 'awareness' }));
  // Another notice nearby: notices are related to incidents, not to each other.
  await add('otherNotice', notice('Otra Persona Inventada', { places: [CUCUTA], publishedAt: '2026-03-06T12:00:00.000Z' }, { age: 30, sex: 'male' }));
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function related(key: string, opts = {}): Promise<RelatedLead[]> {
  const l = await store.getLead(ids[key]!);
  return findRelatedLeads(store, l!, opts);
}

const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe('haversineKm', () => {
  it('measures Cúcuta to Bogotá at about 400 km and a point to itself at 0', () => {
    expect(haversineKm(CUCUTA.lat!, CUCUTA.lon!, BOGOTA.lat!, BOGOTA.lon!)).toBeGreaterThan(380);
    expect(haversineKm(CUCUTA.lat!, CUCUTA.lon!, BOGOTA.lat!, BOGOTA.lon!)).toBeLessThan(420);
    expect(haversineKm(7, -72, 7, -72)).toBe(0);
  });
});

describe('findRelatedLeads for a notice', () => {
  it('finds the open incidents near in place and time, best first, and nothing far, old, dismissed, awareness or another notice', async () => {
    const found = await related('notice');
    expect(found.map((r) => keyOf(r.lead.id))).toEqual(['near', 'border', 'division']);
  });

  it('explains a near incident by distance, department, days apart and the victim profile', async () => {
    const [near] = await related('notice');
    expect(near!.distanceKm).toBeGreaterThan(6);
    expect(near!.distanceKm).toBeLessThan(9);
    expect(near!.daysApart).toBe(12);
    expect(near!.reasons).toEqual([
      '8 km apart (Cúcuta – Villa del Rosario)',
      'same department: Norte de Santander',
      '12 days apart (last seen 2026-03-02, published 2026-03-14)',
      'victims are minors; missing person is 15',
      'victims are female; missing person is female',
    ]);
    expect(near!.score).toBeGreaterThan(0.9);
  });

  it('matches by first-level division when a place has no coordinates', async () => {
    const division = (await related('notice')).find((r) => keyOf(r.lead.id) === 'division')!;
    expect(division.distanceKm).toBeNull();
    expect(division.daysApart).toBe(10);
    expect(division.reasons[0]).toBe('same department: Norte de Santander');
  });

  it('crosses a border when the places are close', async () => {
    const border = (await related('notice')).find((r) => keyOf(r.lead.id) === 'border')!;
    expect(border.reasons[0]).toMatch(/^\d+ km apart \(Cúcuta – San Antonio del Táchira\)$/);
    expect(border.reasons).not.toContain('same department: Norte de Santander');
  });

  it('widens with --km and --days: Bogotá at 500 km and the October case at 200 days', async () => {
    const wide = (await related('notice', { maxKm: 500, days: 200 })).map((r) => keyOf(r.lead.id));
    expect(wide).toContain('far');
    expect(wide).toContain('old');
    expect(wide).not.toContain('dismissed');
    expect(wide).not.toContain('awareness');
  });

  it('keeps to the limit', async () => {
    expect(await related('notice', { limit: 1 })).toHaveLength(1);
  });
});

describe('findRelatedLeads for an incident', () => {
  it('finds the notices near it, the one whose profile matches the victims first, and none for a far incident', async () => {
    const found = await related('near');
    expect(found.map((r) => keyOf(r.lead.id))).toEqual(['notice', 'otherNotice']);
    expect(found[1]!.reasons.some((r) => r.startsWith('victims'))).toBe(false);
    expect(found[0]!.reasons).toContain('victims are minors; missing person is 15');
    expect(found[0]!.reasons).toContain('12 days apart (published 2026-03-14, last seen 2026-03-02)');
    expect(await related('far')).toEqual([]);
  });

  it('never shows the missing person\'s name', async () => {
    const [r] = await related('near');
    expect(r!.lead.notice!.name).toBeNull();
    expect(JSON.stringify(r)).not.toMatch(/Mariela|Inventada|Ruiz/);
  });

  it('relates nothing to an awareness article', async () => {
    expect(await related('awareness')).toEqual([]);
  });
});

describe('findRelatedLeads dates', () => {
  it('places a notice without a last-seen date at its publication date', async () => {
    await add('noDate', notice('Sin Fecha Inventada', { places: [CUCUTA], publishedAt: '2026-06-01T12:00:00.000Z' }, { lastSeenDate: null }));
    await add('june', lead({ places: [CUCUTA], publishedAt: '2026-06-20T08:00:00.000Z' }));
    const found = await related('noDate');
    expect(found.map((r) => keyOf(r.lead.id))).toEqual(['june']);
    expect(found[0]!.reasons).toContain('same place: Cúcuta');
    expect(found[0]!.reasons).toContain('19 days apart (published 2026-06-01, published 2026-06-20)');
  });
});
