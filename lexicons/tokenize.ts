import { kindName, normAt, tokenStream } from './token-stream.js';

export type TokenKind = 'word' | 'number' | 'punct';

/** A token of the analysed text. Offsets are UTF-16 code units, `end` exclusive. */
export interface Token {
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased, accent-folded form used for matching. */
  norm: string;
  kind: TokenKind;
}

// Character classes, by code unit: 1 letter, 2 digit, 3 joiner (hyphen, apostrophe), 4 combining mark, 0 other.
const LETTER = 1;
const DIGIT = 2;
const JOINER = 3;
const MARK = 4;
const WORD_UNICODE = /[\p{L}\p{N}]/u;
const MARK_UNICODE = /\p{M}/u;

/** Classes of ASCII code units (the tokeniser's fast path reads it directly). */
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ASCII_CLASS[c] = LETTER;
  else if (c >= 48 && c <= 57) ASCII_CLASS[c] = DIGIT;
}
ASCII_CLASS[45] = JOINER; // -
ASCII_CLASS[39] = JOINER; // '

/** Class of the code unit at `i` (surrogate pairs are treated as letters when the pair is a letter). */
export function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_CLASS[c]!;
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : LETTER;
  if (c >= 0x300 && c <= 0x36f) return MARK;
  if (c === 0x2019 || c === 0x2010 || c === 0x2011) return JOINER;
  if (c === 0xaa || c === 0xba) return LETTER; // ª º (1ª, nº)
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return WORD_UNICODE.test(String.fromCodePoint(cp)) ? LETTER : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return LETTER; // low half of a pair whose high half was a letter
  const ch = text[i]!;
  if (MARK_UNICODE.test(ch)) return MARK;
  return WORD_UNICODE.test(ch) ? LETTER : 0;
}

/**
 * Splits text into word, number and punctuation tokens in one pass.
 * - Letters, digits and combining marks form words; a hyphen or apostrophe between two word characters joins
 *   them (`trata-se`, `d'água`).
 * - Digits with inner `.` or `,` followed by a digit stay one number (`1.200`, `3,5`).
 * - Every other non-space character is a one-character punctuation token.
 */
export function tokenize(text: string): Token[] {
  // One tokeniser: the matcher's stream (parallel arrays), turned into objects for callers that want them.
  const s = tokenStream(text, true);
  const out: Token[] = new Array(s.length);
  for (let k = 0; k < s.length; k++) {
    const start = s.starts[k]!;
    const end = s.ends[k]!;
    out[k] = { start, end, text: text.slice(start, end), norm: normAt(s, k), kind: kindName(s, k) };
  }
  return out;
}

