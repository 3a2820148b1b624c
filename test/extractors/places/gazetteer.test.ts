import { describe, it, expect } from 'vitest';
import { codesOf, indexGazetteer, type GazetteerData } from '../../../extractors/places/index.js';
import { keyHash } from '../../../extractors/places/gazetteer.js';

// A hand-made table: two towns share a name, one town's alternate name is a country's name.
const data: GazetteerData = {
  format: 1,
  regions: [['Africa', 7, 21, 'África']],
  countries: [['PY', -23, -58, 7_000_000, 'Paraguay'], ['CO', 4, -73, 50_000_000, 'Colombia']],
  admin1: [['CO.35', 'Bolívar', 9, -75, 2_000_000, 'Departamento de Bolívar']],
  admin2: [['US.LA.079', 'Rapides Parish', 31.2, -92.5, 130_000], ['US.LA.080', 'Alexandria', 31.3, -92.4, 1]],
  cities: {
    id: [1, 2, 3], name: ['Santa Rita', 'Santa Rita', 'Asunción'], alt: ['', '', 'Paraguay|Asuncion'],
    lat: [10.5, -25.8, -25.3], lon: [-66.9, -55.1, -57.6], cc: ['VE', 'PY', 'PY'], a1: ['01', '02', '22'], a2: ['', '', ''],
    pop: [1_000, 30_000, 500_000], fc: ['PPL', 'PPL', 'PPLC'],
  },
};

describe('indexGazetteer', () => {
  const g = indexGazetteer(data);
  const names = (key: string) => (codesOf(g, key) ?? []).map((c) => g.entry(c >= 0 ? c : -c - 1));

  it('indexes folded names and lists same-name places most populous first', () => {
    expect(names('santa rita').map((e) => e.cc)).toEqual(['PY', 'VE']);
    expect(names('africa').map((e) => e.kind)).toEqual(['region']);
  });

  it('does not let a town alternate name shadow a country', () => {
    expect(names('paraguay').map((e) => e.kind)).toEqual(['country']);
    expect(names('asuncion').map((e) => e.name)).toEqual(['Asunción']);
  });

  it('adds division names with and without their type word, and only admin-2 names that read as divisions', () => {
    expect(names('bolivar').map((e) => e.kind)).toEqual(['admin1']);
    expect(names('departamento de bolivar').map((e) => e.a1)).toEqual(['CO.35']);
    expect(names('rapides parish').map((e) => e.kind)).toEqual(['admin2']);
    expect(codesOf(g, 'alexandria')).toBeUndefined();
  });

  it('materialises towns with their coordinates, division code and GeoNames id', () => {
    const [town] = names('asuncion');
    expect(town).toMatchObject({ kind: 'city', cc: 'PY', a1: 'PY.22', lat: -25.3, lon: -57.6, pop: 500_000, fc: 'PPLC', geonameId: 3 });
  });

  it('holds every key and proper prefix in its hash table, with the same codes, and nothing else', () => {
    for (const [key, codes] of g.byKey) {
      const n = g.keys.find(key, keyHash(key));
      expect(n).toBeGreaterThanOrEqual(0);
      expect(g.keys.strs[n]).toBe(key);
      expect(g.keys.codes[n]).toBe(codes);
      expect(g.keys.prefix[n] === 1).toBe(g.prefixes.has(key));
    }
    for (const key of g.prefixes) expect(g.keys.prefix[g.keys.find(key, keyHash(key))]).toBe(1);
    expect(g.keys.find('santa', keyHash('santa'))).toBeGreaterThanOrEqual(0);
    expect(g.keys.codes[g.keys.find('santa', keyHash('santa'))]).toBeUndefined();
    for (const key of ['santa ri', 'santa rita ', 'bogota', '']) expect(g.keys.find(key, keyHash(key))).toBe(-1);
  });
});
