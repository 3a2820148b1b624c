import { describe, it, expect } from 'vitest';
import { WORD_RE, wordTokens } from '../../../extractors/places/normalize.js';

const byRegex = (text: string) => [...text.matchAll(new RegExp(WORD_RE.source, 'gu'))].map((m) => [m.index, m[0]]);

describe('wordTokens', () => {
  it('splits like the Unicode word regex on accents, joiners, digits and astral characters', () => {
    const text = 'Rescate en EE.UU. y São Paulo-SP; D’Aunoy, l’Hospitalet, 1º de mayo, 3,5 millones, x-y- -z, 😀a𝐀b, ١٢٣ 中文.';
    expect(wordTokens(text).map((t) => [t.start, t.text])).toEqual(byRegex(text));
  });

  it('folds accents and case, and marks capitalised words', () => {
    const [a, b, c] = wordTokens('Córdoba EE.UU. niñas');
    expect([a?.norm, a?.upper]).toEqual(['cordoba', true]);
    expect(b?.norm).toBe('eeuu');
    expect([c?.norm, c?.upper]).toEqual(['ninas', false]);
  });
});
