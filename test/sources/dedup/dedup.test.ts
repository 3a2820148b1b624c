import { describe, it, expect } from 'vitest';
import { contentHash, simhash64, hammingDistance, NearDuplicateIndex } from '../../../sources/index.js';
import { STORY_A, STORY_A_SYNDICATED, STORY_B } from './stories.js';

describe('contentHash', () => {
  it('is equal for texts that differ only in whitespace and case', () => {
    expect(contentHash('Rescatan a  14 jornaleros\n\nen una finca')).toBe(contentHash('rescatan a 14 JORNALEROS en una finca '));
  });
  it('differs when a word differs and is a sha256 hex digest', () => {
    const h = contentHash('rescatan a 14 jornaleros');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toBe(contentHash('rescatan a 15 jornaleros'));
  });
});

describe('simhash64 and hammingDistance', () => {
  it('returns 16 hex digits, deterministic', () => {
    expect(simhash64(STORY_A)).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(STORY_A)).toBe(simhash64(STORY_A));
    expect(simhash64('')).toBe('0000000000000000');
  });
  it('counts differing bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('00000000000000f0', '0000000000000000')).toBe(4);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(TypeError);
  });
  it('puts a syndicated copy (small edits, own credit line) within 3 bits', () => {
    expect(hammingDistance(simhash64(STORY_A), simhash64(STORY_A_SYNDICATED))).toBeLessThanOrEqual(3);
  });
  it('keeps a different story on the same topic more than 10 bits away', () => {
    expect(hammingDistance(simhash64(STORY_A), simhash64(STORY_B))).toBeGreaterThan(10);
  });
  it('ignores accents and case', () => {
    expect(simhash64('Situação da operação')).toBe(simhash64('SITUACAO DA OPERACAO'));
  });
});

describe('NearDuplicateIndex', () => {
  it('finds the syndicated copy and not the other story on the same topic', () => {
    const index = new NearDuplicateIndex();
    index.add('story-a', simhash64(STORY_A));
    index.add('story-b', simhash64(STORY_B));
    const hits = index.query(simhash64(STORY_A_SYNDICATED));
    expect(hits.map((h) => h.id)).toEqual(['story-a']);
  });

  it('orders matches by distance and leaves out far hashes', () => {
    const index = new NearDuplicateIndex({ bands: 4 });
    const base = '0123456789abcdef';
    index.add('d2', '1123456789abcdee');
    index.add('d0', base);
    index.add('d1', '0123456789abcdee');
    index.add('far', 'fedcba9876543210');
    expect(index.query(base, 3).map((h) => [h.id, h.distance])).toEqual([
      ['d0', 0],
      ['d1', 1],
      ['d2', 2],
    ]);
  });

  it('finds every hash within 3 bits whatever bands the flips fall in', () => {
    const index = new NearDuplicateIndex();
    const base = 'a5a5a5a5a5a5a5a5';
    const flip = (h: string, bits: number[]): string => {
      let v = BigInt(`0x${h}`);
      for (const b of bits) v ^= 1n << BigInt(b);
      return v.toString(16).padStart(16, '0');
    };
    const variants = [[0], [15, 16], [0, 20, 40], [63, 47, 31], [1, 2, 3]];
    variants.forEach((bits, i) => index.add(`v${i}`, flip(base, bits)));
    index.add('v4bits', flip(base, [0, 17, 33, 49]));
    const ids = index.query(base, 3).map((h) => h.id).sort();
    expect(ids).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    expect(index.query(base, 4).map((h) => h.id)).toContain('v4bits');
  });

  it('replaces and removes entries', () => {
    const index = new NearDuplicateIndex();
    index.add('x', '0000000000000000');
    index.add('x', 'ffffffffffffffff');
    expect(index.size).toBe(1);
    expect(index.query('0000000000000000')).toEqual([]);
    expect(index.remove('x')).toBe(true);
    expect(index.query('ffffffffffffffff')).toEqual([]);
  });
});
