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
  /** Number of entries (regions, countries, divisions, then towns). */
  size: number;
  /** Entry by index; towns are materialised on first use from compact columns. */
  entry(index: number): GazEntry;
  /**
   * Folded name key -> entry code, or codes most populous first; an alternate (not preferred) name is stored
   * as -(index + 1). Read it through `codesOf`.
   */
  byKey: Map<string, number | number[]>;
  /** Every proper word prefix of a multi-word key ("rio", "rio de"), to stop extending a span early. */
  prefixes: Set<string>;
  /** Longest key length in words. */
  maxWords: number;
  admin1Name: Map<string, string>;
  countryByCode: Map<string, number>;
  /** Keys known only as a dotted abbreviation ("Miss.", "Wash.", "Ind."), with the entries they stand for: without the dot they are words. */
  dotted: Map<string, Set<number>>;
  /**
   * Keys of names written with ñ, with the entries those names belong to. Folding makes "Montaña" and "Montana" one
   * key; a text that writes ñ means only the entries named with it (mentions.ts), while "Espana" still finds España.
   */
  enye: Map<string, Set<number>>;
  /** `byKey` and `prefixes` as one open-addressing table by `keyHash`, filled by `indexGazetteer` (see `KeyTable`). */
  keys: KeyTable;
}

/** FNV-1a start value of `keyHash`; extend with `keyHashStep` code unit by code unit. */
export const KEY_HASH_START = 0x811c9dc5 | 0;

/** `keyHash` of a string extended by code unit `c`. */
export function keyHashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The hash of a key string, code unit by code unit: a caller can compute it from the text without making the key. */
export function keyHash(s: string): number {
  let h = KEY_HASH_START;
  for (let i = 0; i < s.length; i += 1) h = keyHashStep(h, s.charCodeAt(i));
  return h;
}

/**
 * Every key and proper prefix of the gazetteer in one open-addressing table: slot pairs (full hash, entry number + 1)
 * in one typed array, then per entry its string, its codes (`byKey`'s value, undefined for a prefix only) and whether
 * it is a prefix. Why: `findMentions` asks about every capitalised word (and the spans they open); a Map lookup needs
 * the key as a string, made by slicing and joining the words; this table is asked with a hash computed from the text.
 */
export class KeyTable {
  readonly strs: string[] = [];
  readonly codes: Array<number | number[] | undefined> = [];
  readonly prefix: number[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(byKey: Map<string, number | number[]>, prefixes: Set<string>) {
    let size = 1024;
    while (size < (byKey.size + prefixes.size) * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (const [k, v] of byKey) this.put(k, v, 0);
    for (const k of prefixes) {
      const at = this.find(k, keyHash(k));
      if (at >= 0) this.prefix[at] = 1;
      else this.put(k, undefined, 1);
    }
  }

  private put(k: string, v: number | number[] | undefined, prefix: number): void {
    const h = keyHash(k);
    const n = this.strs.push(k);
    this.codes.push(v);
    this.prefix.push(prefix);
    let s = this.first(h);
    while (this.slots[s + 1] !== 0) s = (s + 2) & (this.mask * 2 + 1);
    this.slots[s] = h;
    this.slots[s + 1] = n;
  }

  /** Slot index (even) where the probe for hash `h` starts. */
  first(h: number): number {
    return ((Math.imul(h, 0x9e3779b1) >>> 0) & this.mask) * 2;
  }

  /** Entry number of key `k` (hash `h`), or -1. */
  find(k: string, h: number): number {
    for (let s = this.first(h); ; s = (s + 2) & (this.mask * 2 + 1)) {
      const n = this.slots[s + 1]!;
      if (n === 0) return -1;
      if (this.slots[s] === h && this.strs[n - 1] === k) return n - 1;
    }
  }

  /** From slot `s` (`first(h)`, or `after` a slot it returned) on, the next slot holding hash `h`, or -1. */
  next(h: number, s: number): number {
    for (; ; s = (s + 2) & (this.mask * 2 + 1)) {
      const n = this.slots[s + 1]!;
      if (n === 0) return -1;
      if (this.slots[s] === h) return s;
    }
  }

  /** Entry number in slot `s`. */
  entryAt(s: number): number {
    return this.slots[s + 1]! - 1;
  }

  /** The slot after `s` in a probe. */
  after(s: number): number {
    return (s + 2) & (this.mask * 2 + 1);
  }
}

/** The entry codes of a key, as an array (see `Gazetteer.byKey`). */
export function codesOf(g: Gazetteer, key: string): readonly number[] | undefined {
  const v = g.byKey.get(key);
  return v === undefined ? undefined : typeof v === 'number' ? [v] : v;
}

/** Town columns: typed arrays and interned strings instead of 200k objects (heap and GC time). */
interface TownColumns {
  base: number;
  name: string[];
  lat: Float32Array;
  lon: Float32Array;
  pop: Uint32Array;
  id: Int32Array;
  cc: Uint16Array;
  a1: Uint32Array;
  fc: Uint8Array;
  ccTable: string[];
  a1Table: string[];
  fcTable: string[];
}

function intern(table: string[], index: Map<string, number>, v: string): number {
  let i = index.get(v);
  if (i === undefined) {
    i = table.push(v) - 1;
    index.set(v, i);
  }
  return i;
}

const ENYE = /[ñÑ]/;

/** `fixed`: entries below this index are regions, countries and divisions (towns come after). */
function add(g: Gazetteer, key: string, idx: number, alt = false, fixed = Infinity): void {
  if (!key) return;
  const cur = g.byKey.get(key);
  const code = alt ? -(idx + 1) : idx;
  if (cur !== undefined) {
    const list = typeof cur === 'number' ? [cur] : cur;
    if (alt) {
      // A town's alternate name never shadows a country or division name ("Paraguay", "África", "Sul").
      if (list.includes(idx) || list.some((i) => i >= 0 && i < fixed)) return;
    }
    if (list.includes(code)) return;
    list.push(code);
    if (typeof cur === 'number') g.byKey.set(key, list);
  } else g.byKey.set(key, code);
  let sp = key.indexOf(' ');
  let words = 1;
  while (sp > 0) {
    g.prefixes.add(key.slice(0, sp));
    words += 1;
    sp = key.indexOf(' ', sp + 1);
  }
  if (words > g.maxWords) g.maxWords = words;
}

/** Countries whose second-level divisions (counties) are named without a suffix; their affixes to strip. */
const COUNTY_COUNTRIES = new Set(['GB', 'IE']);
const COUNTY_AFFIX = /^(?:County |City of |Royal Borough of |Borough of |District of |City and County of the City of )|(?: County| City)$/;

const ADMIN_PREFIX = /^(?:departamento|estado|provincia|province|region|región|state|distrito|municipio) (?:de(?:l)? |of )?/;
const ADMIN_SUFFIX = / (?:department|departamento|province|provincia|state|region|district|governorate|parish|regional corporation)$/;
/** "Saint James Parish" is written "St James" (Jamaica, Barbados); "St. Elizabeth" also "Saint Elizabeth". */
const SAINT = /^(?:saint|st) /;

export function indexGazetteer(data: GazetteerData): Gazetteer {
  const fixed: GazEntry[] = [];
  let cols: TownColumns | null = null;
  // Towns made so far, by town index. Sized once the towns are known: filled sparsely from empty, the array
  // turned into a dictionary and every `entry` call into a hash lookup.
  let made: Array<GazEntry | undefined> = [];
  const g: Gazetteer = {
    size: 0,
    entry(i: number): GazEntry {
      if (!cols || i < cols.base) return fixed[i]!;
      const hit = made[i - cols.base];
      if (hit) return hit;
      const k = i - cols.base;
      const e: GazEntry = {
        kind: 'city', name: cols.name[k] ?? '', cc: cols.ccTable[cols.cc[k]!]!, a1: cols.a1Table[cols.a1[k]!]!,
        lat: Math.round(cols.lat[k]! * 1e4) / 1e4, lon: Math.round(cols.lon[k]! * 1e4) / 1e4, pop: cols.pop[k]!,
        fc: cols.fcTable[cols.fc[k]!]!, geonameId: cols.id[k]!,
      };
      made[k] = e;
      return e;
    },
    byKey: new Map(), prefixes: new Set(), maxWords: 1, admin1Name: new Map(), countryByCode: new Map(), dotted: new Map(), enye: new Map(),
    keys: null as unknown as KeyTable,
  };
  const push = (e: GazEntry): number => {
    g.size = fixed.push(e);
    return g.size - 1;
  };
  /** add() under the name's key; a name written with ñ also records its entry in `enye`. */
  const addName = (name: string, idx: number, key = nameKey(name), alt = false, fixedBelow = Infinity): void => {
    add(g, key, idx, alt, fixedBelow);
    if (ENYE.test(name)) {
      const set = g.enye.get(key);
      if (set === undefined) g.enye.set(key, new Set([idx]));
      else set.add(idx);
    }
  };
  for (const [name, lat, lon, ...names] of data.regions ?? []) {
    const idx = push({ kind: 'region', name, cc: '', a1: '', lat, lon, pop: 1e9, fc: 'CONT' });
    for (const n of [name, ...names]) addName(n, idx);
  }
  for (const [code, lat, lon, pop, ...names] of data.countries) {
    const idx = push({ kind: 'country', name: names[0] ?? code, cc: code, a1: '', lat, lon, pop, fc: 'PCLI' });
    g.countryByCode.set(code, idx);
    for (const n of names) addName(n, idx);
  }
  for (const [code, name, lat, lon, pop, ...extra] of data.admin1) {
    const cc = code.slice(0, 2);
    g.admin1Name.set(code, name);
    const idx = push({ kind: 'admin1', name, cc, a1: code, lat, lon, pop, fc: 'ADM1' });
    const key = nameKey(name);
    addName(name, idx, key);
    const bare = key.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
    if (bare !== key) addName(name, idx, bare);
    if (SAINT.test(bare)) {
      const rest = bare.replace(SAINT, '');
      for (const k of [`saint ${rest}`, `st ${rest}`]) if (k !== key && k !== bare) addName(name, idx, k);
    }
    for (const x of extra) {
      addName(x, idx);
      if (/^\p{L}+\.$/u.test(x)) {
        const set = g.dotted.get(nameKey(x)) ?? new Set<number>();
        g.dotted.set(nameKey(x), set.add(idx));
      }
    }
  }
  for (const [code, name, lat, lon, pop] of data.admin2) {
    const cc = code.slice(0, 2);
    const a1 = code.slice(0, code.lastIndexOf('.'));
    // Only names that read as divisions ("Rapides Parish", "Cook County"): bare admin-2 names duplicate towns.
    // British and Irish counties are named bare in their press ("Kent", "Hampshire", "Tipperary").
    const county = COUNTY_COUNTRIES.has(cc);
    if (!county && !/ (County|Parish|Borough|Province|Municipality|District)$/.test(name)) continue;
    const idx = push({ kind: 'admin2', name, cc, a1, lat, lon, pop, fc: county ? 'ADM2B' : 'ADM2' });
    addName(name, idx);
    const bare = county ? name.replace(COUNTY_AFFIX, '') : name;
    if (bare !== name) addName(bare, idx);
  }
  const c = data.cities;
  const n = c.id.length;
  const ccIndex = new Map<string, number>();
  const a1Index = new Map<string, number>();
  const fcIndex = new Map<string, number>();
  cols = {
    base: fixed.length, name: c.name, lat: Float32Array.from(c.lat), lon: Float32Array.from(c.lon), pop: Uint32Array.from(c.pop),
    id: Int32Array.from(c.id), cc: new Uint16Array(n), a1: new Uint32Array(n), fc: new Uint8Array(n), ccTable: [], a1Table: [], fcTable: [],
  };
  for (let i = 0; i < n; i += 1) {
    const cc = c.cc[i] ?? '';
    cols.cc[i] = intern(cols.ccTable, ccIndex, cc);
    cols.a1[i] = intern(cols.a1Table, a1Index, `${cc}.${c.a1[i] ?? ''}`);
    cols.fc[i] = intern(cols.fcTable, fcIndex, c.fc[i] ?? 'PPL');
  }
  g.size = cols.base + n;
  for (let i = 0; i < n; i += 1) {
    const idx = cols.base + i;
    addName(c.name[i] ?? '', idx);
    const alt = c.alt[i];
    if (alt) for (const a of alt.split('|')) addName(a, idx, nameKey(a), true, cols.base);
  }
  made = new Array<GazEntry | undefined>(n);
  // Most populous referent first (countries and divisions ahead of towns of the same size).
  const weight = (code: number): number => {
    const i = code >= 0 ? code : -code - 1;
    const e = cols && i >= cols.base ? { pop: cols.pop[i - cols.base]!, kind: 'city' } : fixed[i]!;
    return e.pop * (e.kind === 'city' ? 1 : 10) * (code >= 0 ? 1 : 0.5);
  };
  for (const list of g.byKey.values()) if (typeof list !== 'number') list.sort((a, b) => weight(b) - weight(a));
  g.keys = new KeyTable(g.byKey, g.prefixes);
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
