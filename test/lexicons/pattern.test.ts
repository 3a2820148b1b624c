import { describe, it, expect } from 'vitest';
import { checkPattern, compilePattern, loadLexicons, parsePattern, PatternError } from '../../lexicons/index.js';
import { entryLexicon } from './helpers/tmp-lexicon.js';

/** Texts of the hits of a one-entry lexicon built from `patterns`. */
function hits(patterns: string[], text: string, opts: { exclude?: string[]; lang?: string } = {}): string[] {
  const set = loadLexicons(entryLexicon(patterns, opts));
  return set.match(text, opts.lang ?? 'es').map((h) => h.text);
}

describe('pattern language', () => {
  it('matches a word sequence case- and accent-insensitively on whole tokens', () => {
    expect(hits(['explotación sexual'], 'EXPLOTACION Sexual y explotaciónsexual')).toEqual(['EXPLOTACION Sexual']);
  });

  it('matches a suffix wildcard on any token starting with the prefix', () => {
    expect(hits(['explot* sexualmente'], 'las explotaban sexualmente; explotó sexualmente')).toEqual([
      'explotaban sexualmente',
      'explotó sexualmente',
    ]);
  });

  it('does not let a wildcard match inside a word', () => {
    expect(hits(['trat*'], 'contrato')).toEqual([]);
  });

  it('matches alternatives, including token sequences inside a group', () => {
    expect(hits(['(trata de personas|trata de blancas|tráfico humano)'], 'trata de blancas; tráfico humano; trata de ganado')).toEqual([
      'trata de blancas',
      'tráfico humano',
    ]);
  });

  it('matches wildcards inside alternatives', () => {
    expect(hits(['(reclut*|capt*) de menores'], 'captación de menores')).toEqual(['captación de menores']);
  });

  it('makes a word or a group optional with ?', () => {
    expect(hits(['red (internacional|transnacional)? de trata'], 'red de trata; red internacional de trata')).toEqual([
      'red de trata',
      'red internacional de trata',
    ]);
    // `?` makes the whole token optional (it is not a regex quantifier on the last letter)
    expect(hits(['víctimas? de trata'], 'víctimas de trata. Hablan de trata.')).toEqual(['víctimas de trata', 'de trata']);
  });

  it('allows a bounded gap of 0..N tokens with ~N', () => {
    const p = ['pasaporte ~3 retenid*'];
    expect(hits(p, 'el pasaporte retenido')).toEqual(['pasaporte retenido']);
    expect(hits(p, 'el pasaporte le fue retenido')).toEqual(['pasaporte le fue retenido']);
    expect(hits(p, 'el pasaporte de ella fue retenido')).toEqual(['pasaporte de ella fue retenido']);
    expect(hits(p, 'el pasaporte de ella le fue retenido')).toEqual([]);
  });

  it('counts punctuation inside a gap as half a word', () => {
    // four skipped tokens, two of them commas: within ~3
    expect(hits(['capte ~3 reciba'], 'quien capte, traslade, o reciba')).toEqual(['capte, traslade, o reciba']);
    expect(hits(['capte ~3 reciba'], 'quien capte traslade retenga aloje o reciba')).toEqual([]);
  });

  it('matches #num on digits, grouped numbers and number words of the language', () => {
    const p = ['#num víctimas'];
    expect(hits(p, '23 víctimas, 1.200 víctimas, veinte víctimas, una víctimas')).toEqual(['23 víctimas', '1.200 víctimas', 'veinte víctimas']);
    expect(hits(['rescued #num women'], 'rescued seven women', { lang: 'en' })).toEqual(['rescued seven women']);
  });

  it('matches #cap on a capitalised word only', () => {
    expect(hits(['red de #cap'], 'la red de Los Zetas y la red de amigos')).toEqual(['red de Los']);
  });

  it('matches hyphenated and apostrophe words as one token', () => {
    expect(hits(['trata-se'], 'Trata-se de um caso; trata se')).toEqual(['Trata-se']);
  });

  it('never crosses a sentence boundary', () => {
    expect(hits(['mujeres ~4 explotadas'], 'Llegaron diez mujeres. Fueron explotadas.')).toEqual([]);
  });

  it('keeps the longest of overlapping hits of one entry', () => {
    expect(hits(['trata', 'trata de personas', 'personas'], 'la trata de personas crece')).toEqual(['trata de personas']);
  });

  it('vetoes the entry in the sentence where an exclude pattern matches, only there', () => {
    const r = hits(['trata'], 'Se trata de un robo. La trata creció.', { exclude: ['se trata'] });
    expect(r).toEqual(['trata']);
    expect(hits(['trata'], 'Se trata de un robo.', { exclude: ['se trata'] })).toEqual([]);
  });
});

describe('pattern errors', () => {
  const bad: Array<[string, RegExp]> = [
    ['(a|(b|c))', /nested/],
    ['ex*', /shorter than 3/],
    ['ex*plot', /end of a word/],
    ['a ~9 b', /~1 to ~8/],
    ['a ~ b', /~1 to ~8/],
    ['(a|b', /unclosed/],
    ['a) b', /unmatched/],
    ['a | b', /outside a group/],
    ['(a||b)', /empty alternative/],
    ['trata?? de', /\?\?/],
    ['word? ~2', /start or end with a gap/],
    ['word?', /nothing/],
    ['~2 word', /start or end with a gap/],
    ['a ~8 b ~8 c ~8 d ~8 e ~8 f ~8 g ~8 h ~8 i', /spans up to/],
    ['#num #cap', /at least one word/],
    ['#foo trata', /unknown placeholder/],
    ['(a ~2 b)', /gap/],
    ['   ', /empty/],
  ];
  for (const [pattern, reason] of bad) {
    it(`rejects "${pattern}"`, () => {
      let err: unknown;
      try {
        compilePattern(pattern);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PatternError);
      expect((err as Error).message).toMatch(reason);
    });
  }

  it('describes a pattern without expanding it', () => {
    expect(checkPattern(parsePattern('(a|b c)? d ~3 e'))).toEqual({ minTokens: 2, maxSpan: 7, alternatives: 3 });
  });

  it('accepts a pattern with thousands of alternative paths without expanding them', () => {
    const big = '(a1|a2|a3|a4|a5|a6|a7|a8) (b1|b2|b3)? (c1|c2|c3|c4|c5|c6|c7) ~3 (d1|d2|d3|d4|d5) ~2 (e1|e2|e3|e4|e5|e6|e7)';
    expect(checkPattern(parsePattern(big)).alternatives).toBe(8 * 4 * 7 * 5 * 7);
    expect(hits([big], 'x a3 c7 y y d2 e5 z')).toEqual(['a3 c7 y y d2 e5']);
    expect(hits([big], 'a3 b2 c1 d5 z e1')).toEqual(['a3 b2 c1 d5 z e1']);
    expect(hits([big], 'a3 b2 b2 c1 d5 e1')).toEqual([]);
  });

  it('lets a pattern start with an optional word before a gap', () => {
    expect(hits(['víctimas? ~2 trata'], 'la trata; víctimas de la trata')).toEqual(['trata', 'víctimas de la trata']);
  });
});
