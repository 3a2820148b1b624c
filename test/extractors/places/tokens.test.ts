import { describe, it, expect } from 'vitest';
import { DIGIT, PLAIN, SPACED, UPPER, WORD_RE, foldWord, isUpperInitial, shareWordTokens, wordTokens } from '../../../extractors/places/normalize.js';
import { sieveSlot } from '../../../extractors/places/sieve.js';

const byRegex = (text: string) => [...text.matchAll(new RegExp(WORD_RE.source, 'gu'))].map((m) => [m.index, m[0]]);

describe('wordTokens', () => {
  it('splits like the Unicode word regex on accents, joiners, digits and astral characters', () => {
    const text = 'Rescate en EE.UU. y São Paulo-SP; D’Aunoy, l’Hospitalet, 1º de mayo, 3,5 millones, x-y- -z, 😀a𝐀b, ١٢٣ 中文.';
    expect([...wordTokens(text)].map((t) => [t.start, t.text])).toEqual(byRegex(text));
  });

  it('folds accents and case, and marks capitalised words', () => {
    const [a, b, c] = wordTokens('Córdoba EE.UU. niñas');
    expect([a?.norm, a?.upper]).toEqual(['cordoba', true]);
    expect(b?.norm).toBe('eeuu');
    expect([c?.norm, c?.upper]).toEqual(['ninas', false]);
  });

  it('gives every token the fold and capital flag of its own text (plain, capitalised, joined, accented, astral)', () => {
    const text = "la Paz O'Brien d'Alba rock'n'roll SAN JUAN Saint-Denis EE.UU St. São Ñandú 3x4 A1 Éfeso D’Aunoy 𝐀bc İstanbul Ǆemal";
    for (const t of wordTokens(text)) expect([t.text, t.norm, t.upper]).toEqual([t.text, foldWord(t.text), isUpperInitial(t.text)]);
  });

  it('tokenizes a shared document once, however many other texts were tokenized since', () => {
    const doc = { text: 'Rescate de 12 mujeres en Bogotá' };
    shareWordTokens(doc);
    const first = wordTokens(doc.text);
    for (let i = 0; i < 100; i += 1) wordTokens(`otro texto ${i}`);
    shareWordTokens(doc);
    expect(wordTokens(doc.text)).toBe(first);
  });

  it('gives every token its sieve slot and shape flags', () => {
    const toks = wordTokens('Twenty-three niñas, 12 Women and EE.UU. São Paulo-SP 3x4 ninety DEA x');
    expect(toks.slots.length).toBe(toks.length);
    [...toks].forEach((t, i) => {
      expect(toks.slots[i]).toBe(sieveSlot(t.norm));
      const d = t.norm.charCodeAt(0);
      const want = (t.upper ? UPPER : 0) | (d >= 48 && d <= 57 ? DIGIT : 0) | (t.norm.includes(' ') ? SPACED : 0) | (t.norm === t.text.toLowerCase() && !/[^\x00-\x7a]|[-.]/.test(t.text) ? PLAIN : 0);
      expect([t.text, toks.shape[i]! & (UPPER | DIGIT | SPACED | PLAIN)]).toEqual([t.text, want]);
    });
  });

  it('makes a token object once, when asked for, and none outside the tokens', () => {
    const toks = wordTokens('Dos mujeres en Bogotá');
    expect(toks.get(-1)).toBeUndefined();
    expect(toks.get(toks.length)).toBeUndefined();
    expect(toks.get(3)).toBe(toks.get(3));
    expect(toks.get(3)).toEqual({ start: 15, end: 21, text: 'Bogotá', norm: 'bogota', upper: true });
    expect([toks.starts[1], toks.ends[1]]).toEqual([4, 11]);
  });
});
