import { fold } from '../lexicons/index.js';

/**
 * The word features of a document for the learned relevance model (relevance-model.ts): the distinct words of the
 * folded text, in order of first occurrence, as `fold(text).matchAll(/[\p{L}\p{N}]+/gu)` finds them, keeping words
 * of three or more code units that are not bare numbers.
 *
 * Why not that one-liner: it made a match object, a `w:` string and a Set entry per word of a 4 KB text, several
 * times over when the backstop and the type models both ran; it was most of the relevance stage. Here the folded
 * text is scanned with a per-character class table, only distinct words are kept, and the last document's words are
 * remembered (the backstop and the type refinement read the same text one after the other).
 */

// Character classes of BMP code units, filled on first sight: 0 unknown, then 1 other, 2 letter, 3 number.
const OTHER = 1;
const LETTER = 2;
const NUMBER = 3;
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const NUMBER_CHAR = /^\p{N}$/u;

function classify(ch: string): number {
  return NUMBER_CHAR.test(ch) ? NUMBER : WORD_CHAR.test(ch) ? LETTER : OTHER;
}

function bmpClass(c: number): number {
  let k = bmp[c]!;
  if (k === 0) bmp[c] = k = c >= 0xd800 && c <= 0xdfff ? OTHER : classify(String.fromCharCode(c));
  return k;
}

/** Class of the code point at `i` (a surrogate pair is one code point, a lone surrogate is no word character). */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return bmpClass(c);
  const d = s.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return OTHER;
  const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  let k = astral.get(cp);
  if (k === undefined) astral.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k;
}

function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/**
 * Calls `onWord(start, end)` for every run of letters and numbers (code points, as /[\p{L}\p{N}]+/gu finds them) of
 * three or more code units that is not a bare number.
 */
export function forEachWord(s: string, onWord: (start: number, end: number) => void): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let allNumbers = true;
    for (;;) {
      const k = i < n ? classAt(s, i) : OTHER;
      if (k === OTHER) break;
      if (k !== NUMBER) allNumbers = false;
      i += isPair(s, i) ? 2 : 1;
    }
    if (i === start) i += isPair(s, i) ? 2 : 1;
    else if (i - start >= 3 && !allNumbers) onWord(start, i);
  }
}

let lastText: string | null = null;
let lastWords: readonly string[] = [];

/** The distinct feature words of `text` (see above), in order of first occurrence. */
export function documentWords(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  const f = fold(text);
  const seen = new Set<string>();
  const words: string[] = [];
  forEachWord(f, (start, end) => {
    const w = f.slice(start, end);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  });
  lastText = text;
  lastWords = words;
  return words;
}
