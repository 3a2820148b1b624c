import { describe, expect, it } from 'vitest';
import { U32Table } from '../../../extractors/entities/u32-table.js';
import { hashString } from '../../../extractors/entities/hash.js';

describe('U32Table', () => {
  it('answers like a Map for keys across the whole 32-bit range, including 0 and 2^32-1', () => {
    const entries = new Map<number, number>([[0, 5], [0xffffffff, 7], [1, 0], [0x80000000, 3]]);
    for (let i = 0; i < 5000; i++) entries.set(hashString(`w${i}`), i % 256);
    const t = new U32Table(entries);
    for (const [k, v] of entries) expect(t.get(k)).toBe(v);
    for (let i = 5000; i < 6000; i++) {
      const k = hashString(`w${i}`);
      expect(t.get(k)).toBe(entries.get(k) ?? -1);
    }
  });

  it('returns -1 for absent keys, 0 among them when 0 was not added', () => {
    const t = new U32Table([[42, 1]]);
    expect(t.get(0)).toBe(-1);
    expect(t.get(43)).toBe(-1);
    expect(t.get(42)).toBe(1);
  });

  it('treats a negative int32 key as its unsigned twin', () => {
    const t = new U32Table([[0xfffffffe, 9]]);
    expect(t.get(-2)).toBe(9);
  });

  it('refuses values it cannot store', () => {
    expect(() => new U32Table([[1, -1]])).toThrow(/non-negative integer/);
    expect(() => new U32Table([[1, 0.5]])).toThrow(/non-negative integer/);
  });
});
