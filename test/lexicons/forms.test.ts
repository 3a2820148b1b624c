import { describe, expect, it } from 'vitest';
import { fold, tokenStream } from '../../lexicons/index.js';
import { FORM_HASH_SEED, formId, hashStep, normId, normOf } from '../../lexicons/forms.js';

const hash = (s: string): number => [...s].reduce((h, _, k) => hashStep(h, s.charCodeAt(k)), FORM_HASH_SEED);
const idOf = (text: string, start: number, end: number, punct = false): number => formId(text, start, end, hash(text.slice(start, end)), punct);

describe('form table', () => {
  it('gives a word the id of its fold, and a punctuation mark its own', () => {
    const text = 'EXPLOTACIÓN explotación ’ Explotacion';
    const a = idOf(text, 0, 11);
    expect(normOf(a)).toBe(fold('EXPLOTACIÓN'));
    expect(idOf(text, 12, 23)).toBe(a);
    expect(idOf(text, 26, 37)).toBe(a);
    expect(normOf(idOf(text, 24, 25, true))).toBe('’');
    expect(normId('explotacion')).toBe(a);
  });

  it('tells apart forms whose hashes collide in the slot index, and keeps ids while it grows', () => {
    const words = Array.from({ length: 30_000 }, (_, k) => `w${k.toString(36)}x`);
    const text = words.join(' ');
    const ids: number[] = [];
    let at = 0;
    for (const w of words) {
      ids.push(idOf(text, at, at + w.length));
      at += w.length + 1;
    }
    at = 0;
    words.forEach((w, k) => {
      expect(idOf(text, at, at + w.length)).toBe(ids[k]);
      expect(normOf(ids[k]!)).toBe(w);
      at += w.length + 1;
    });
  });

  it('tells apart forms of one length whose whole hashes collide, inside and past the inline characters', () => {
    // pairs found by search: equal hash and length; the last pair shares its first 8 (inline) code units
    const pairs = [
      ['opcwesc', 'kmkjbhy'],
      ['zzsynckpvvhi', 'zzdjzsktbfil'],
      ['abcdefghhijbwc', 'abcdefghoirjgn'],
    ];
    for (const [a, b] of pairs) {
      expect(hash(a!)).toBe(hash(b!));
      // through the tokeniser (the code-unit comparison) and through formId on the string
      const s = tokenStream(`${a} ${b} ${a} ${b}`);
      const ids = Array.from(s.ids.subarray(0, s.length));
      expect(ids[0]).not.toBe(ids[1]);
      expect(ids).toEqual([ids[0], ids[1], ids[0], ids[1]]);
      expect([normOf(ids[0]!), normOf(ids[1]!)]).toEqual([a, b]);
      expect(idOf(`${b} ${a}`, 0, b!.length)).toBe(ids[1]);
    }
  });
});
