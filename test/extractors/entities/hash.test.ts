import { describe, expect, it } from 'vitest';
import { hashString, mix } from '../../../extractors/entities/hash.js';

// These values are part of the NER model format: a trained model's weights are indexed by them.
describe('feature hashing', () => {
  it('mix gives the bits the bundled models were trained with', () => {
    const golden: Array<[number, number, number]> = [[1, 0, 3696024327], [2, 12345, 69007423], [46, 0xdeadbeef, 3928465715], [0x811c9dc5, 7, 3733871545]];
    for (const [a, b, bits] of golden) expect(mix(a, b) >>> 0).toBe(bits);
  });

  it('mix returns a signed 32-bit integer, which reads back as the same bits from a Uint32Array', () => {
    const v = mix(1, 0);
    expect(v).toBe(v | 0);
    expect(Uint32Array.of(v)[0]).toBe(3696024327);
  });

  it('mix reads a signed or an unsigned argument with the same bits alike', () => {
    expect(mix(7, mix(1, 0))).toBe(mix(7, mix(1, 0) >>> 0));
  });

  it('hashString is FNV-1a over UTF-16 code units', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
