import { describe, it, expect } from 'vitest';
import { WordSieve } from '../../../extractors/places/sieve.js';

describe('WordSieve', () => {
  it('never rejects a word it holds (empty, one letter, long, accented, digits)', () => {
    const words = ['', 'a', 'de', 'enero', 'menores', 'costa rican', 'ñandú', '2024', 'x'.repeat(40)];
    const sieve = new WordSieve(words);
    for (const w of words) expect(sieve.mayHave(w)).toBe(true);
  });

  it('rejects words that differ in their first two letters or their length', () => {
    const sieve = new WordSieve(['enero', 'marzo']);
    expect(['la', 'enera', 'eneros', 'mayo', 'de', 'the'].filter((w) => sieve.mayHave(w))).toEqual(['enera']);
  });
});
