import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey } from './normalize.js';

/** The compact file written by scripts/build-gazetteer.mjs. */
export interface GazetteerData {
  format: number;
  countries: Array<[string, number | null, number | null, number, ...string[]]>;
  /** Continents and world regions: [name, lat, lon, ...other names]. */
  regions?: Array<[string, number, number, ...string[]]>;
  admin1: Array<[string, string, number, number, number, ...string[]]>;
  admin2: Array<[string, string, number, number, number]>;
  cities: {
    id: number[]; name: string[]; alt: string[]; lat: number[]; lon: number[];
    cc: string[]; a1: string[]; a2: string[]; pop: number[]; fc: string[];
  };
}

export type GazKind = 'region' | 'country' | 'admin1' | 'admin2' | 'city';

export interface GazEntry {
  kind: GazKind;
  name: string;
  cc: string;
  /** Admin-1 code (`CO.35`), '' for countries. */
  a1: string;
  lat: number | null;
  lon: number | null;
  pop: number;
  /** GeoNames feature code for cities (PPLC, PPLA, PPL ...). */
  fc: string;
  geonameId?: number;
}

export interface Gazetteer {
  entries: GazEntry[];
  /** Folded name key -> entry indexes; an alternate (not preferred) name is stored as -(index + 1). */
  byKey: Map<string, number[]>;
  /** Every proper word prefix of a multi-word key ("rio", "rio de"), to stop extending a span early. */
  prefixes: Set<string>;
  /** Longest key length in words. */
  maxWords: number;
  admin1Name: Map<string, string>;
  countryByCode: Map<string, number>;
}

function add(g: Gazetteer, key: string, idx: number, alt = false): void {
  if (!key) return;
  const list = g.byKey.get(key);
  const code = alt ? -(idx + 1) : idx;
  if (list) {
    if (alt) {
      // A town's alternate name never shadows a country or division name ("Paraguay", "África", "Sul").
      if (list.includes(idx) || list.some((i) => i >= 0 && g.entries[i]!.kind !== 'city')) return;
    }
    if (!list.includes(code)) list.push(code);
  } else g.byKey.set(key, [code]);
  let sp = key.indexOf(' ');
  let words = 1;
  while (sp > 0) {
    g.prefixes.add(key.slice(0, sp));
    words += 1;
    sp = key.indexOf(' ', sp + 1);
  }
  if (words > g.maxWords) g.maxWords = words;
}

const ADMIN_PREFIX = /^(?:departamento|estado|provincia|province|region|región|state|distrito|municipio) (?:de(?:l)? |of )?/;
const ADMIN_SUFFIX = / (?:department|departamento|province|provincia|state|region|district|governorate)$/;

export function indexGazetteer(data: GazetteerData): Gazetteer {
  const g: Gazetteer = { entries: [], byKey: new Map(), prefixes: new Set(), maxWords: 1, admin1Name: new Map(), countryByCode: new Map() };
  for (const [name, lat, lon, ...names] of data.regions ?? []) {
    const idx = g.entries.push({ kind: 'region', name, cc: '', a1: '', lat, lon, pop: 1e9, fc: 'CONT' }) - 1;
    for (const n of [name, ...names]) add(g, nameKey(n), idx);
  }
  for (const [code, lat, lon, pop, ...names] of data.countries) {
    const idx = g.entries.push({ kind: 'country', name: names[0] ?? code, cc: code, a1: '', lat, lon, pop, fc: 'PCLI' }) - 1;
    g.countryByCode.set(code, idx);
    for (const n of names) add(g, nameKey(n), idx);
  }
  for (const [code, name, lat, lon, pop, ...extra] of data.admin1) {
    const cc = code.slice(0, 2);
    g.admin1Name.set(code, name);
    const idx = g.entries.push({ kind: 'admin1', name, cc, a1: code, lat, lon, pop, fc: 'ADM1' }) - 1;
    const key = nameKey(name);
    add(g, key, idx);
    const bare = key.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
    if (bare !== key) add(g, bare, idx);
    for (const x of extra) add(g, nameKey(x), idx);
  }
  for (const [code, name, lat, lon, pop] of data.admin2) {
    const cc = code.slice(0, 2);
    const a1 = code.slice(0, code.lastIndexOf('.'));
    // Only names that read as divisions ("Rapides Parish", "Cook County"): bare admin-2 names duplicate towns.
    if (!/ (County|Parish|Borough|Province|Municipality|District)$/.test(name)) continue;
    const idx = g.entries.push({ kind: 'admin2', name, cc, a1, lat, lon, pop, fc: 'ADM2' }) - 1;
    add(g, nameKey(name), idx);
  }
  const c = data.cities;
  for (let i = 0; i < c.id.length; i += 1) {
    const cc = c.cc[i] ?? '';
    const name = c.name[i] ?? '';
    const idx = g.entries.push({
      kind: 'city', name, cc, a1: `${cc}.${c.a1[i] ?? ''}`, lat: c.lat[i] ?? null, lon: c.lon[i] ?? null,
      pop: c.pop[i] ?? 0, fc: c.fc[i] ?? 'PPL', geonameId: c.id[i] ?? 0,
    }) - 1;
    add(g, nameKey(name), idx);
    const alt = c.alt[i];
    if (alt) for (const a of alt.split('|')) add(g, nameKey(a), idx, true);
  }
  // Most populous referent first (countries and divisions ahead of towns of the same size).
  const weight = (code: number): number => {
    const e = g.entries[code >= 0 ? code : -code - 1]!;
    return e.pop * (e.kind === 'city' ? 1 : 10) * (code >= 0 ? 1 : 0.5);
  };
  for (const list of g.byKey.values()) if (list.length > 1) list.sort((a, b) => weight(b) - weight(a));
  return g;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where the built file lives: next to dist/ when compiled, under dist/ when running from source. */
export const GAZETTEER_PATHS = [
  join(here, '..', '..', 'gazetteer', 'gazetteer.json'),
  join(here, '..', '..', 'dist', 'gazetteer', 'gazetteer.json'),
];

function loadData(): GazetteerData {
  for (const p of GAZETTEER_PATHS) {
    if (existsSync(p)) return JSON.parse(readFileSync(p, 'utf8')) as GazetteerData;
  }
  // Running from source without a build: build in memory from the installed packages.
  const require = createRequire(import.meta.url);
  for (const p of [join(here, '..', '..', 'scripts', 'build-gazetteer.mjs'), join(here, '..', '..', '..', 'scripts', 'build-gazetteer.mjs')]) {
    if (existsSync(p)) {
      const mod = require(p) as { buildGazetteer: () => GazetteerData };
      return mod.buildGazetteer();
    }
  }
  throw new Error(`places: gazetteer not found at ${GAZETTEER_PATHS.join(' or ')}; run node scripts/build-gazetteer.mjs`);
}

let cached: Gazetteer | null = null;

/** The process-wide gazetteer, loaded and indexed on first use. */
export function getGazetteer(): Gazetteer {
  if (!cached) cached = indexGazetteer(loadData());
  return cached;
}

/** For tests and embedders that ship their own (smaller) table. */
export function setGazetteer(data: GazetteerData | null): void {
  cached = data ? indexGazetteer(data) : null;
}
