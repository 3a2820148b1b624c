import { sieveSlot } from './sieve.js';

/** Word tokens for toponym matching: letters/digits with inner `.`, `'`, `’`, `-` (so "EE.UU", "St", "Saint-Denis"). */
export const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:[.'’\-][\p{L}\p{M}\p{N}]+)*/gu;

export interface WordToken {
  start: number;
  end: number;
  text: string;
  /** Lower case, accents stripped, `.` removed, `-` as space, `’` as `'`. */
  norm: string;
  upper: boolean;
}

/**
 * The word tokens of a text: columns (offsets, sieve slots, shape flags) for every token, and token objects made
 * only when asked for (`get`). Why: the extractors' dozen passes over every token of a document read the columns
 * and look at few tokens; making ~700 objects and strings per document cost more than those passes (allocation is
 * slow in a heap that holds the gazetteer and the lexicons).
 */
export class WordTokens implements Iterable<WordToken> {
  readonly length: number;
  /**
   * Tokens made so far, by index (null: none yet). A Map made on first use, not an array of every token: a document
   * makes about five token objects, and an array as long as its tokens was a third of the tokenizer's garbage.
   */
  private made: Map<number, WordToken> | null = null;
  private readonly source: string;
  private readonly norms: Array<string | undefined>;
  /** Start and end offset of each token. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** `sieveSlot` of each token's `norm`. */
  readonly slots: Uint16Array;
  /** Per token: UPPER (its `upper`), DIGIT (`norm` starts with an ASCII digit), SPACED (`norm` holds a space), PLAIN (`norm` is `text` in lower case). */
  readonly shape: Uint8Array;

  /** `norms`: the folds of the tokens that are not PLAIN (the others are made from the text when asked for). */
  constructor(source: string, starts: Int32Array, ends: Int32Array, slots: Uint16Array, shape: Uint8Array, norms: Array<string | undefined>) {
    this.source = source;
    this.length = starts.length;
    this.starts = starts;
    this.ends = ends;
    this.slots = slots;
    this.shape = shape;
    this.norms = norms;
  }

  /** Token `i`, or undefined outside 0 .. length - 1 (as an array index). */
  get(i: number): WordToken | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    let t = this.made?.get(i);
    if (t === undefined) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      const text = this.source.slice(start, end);
      const shape = this.shape[i]!;
      const norm = this.norms[i] ?? ((shape & CAPS) !== 0 ? text.toLowerCase() : text);
      this.norms[i] = norm;
      t = { start, end, text, norm, upper: (shape & UPPER) !== 0 };
      (this.made ??= new Map()).set(i, t);
    }
    return t;
  }

  /** The `norm` of token `i` (0 .. length - 1) without making the token (`get` keeps its token's norm in `norms`). */
  norm(i: number): string {
    const norm = this.norms[i];
    if (norm !== undefined) return norm;
    const text = this.source.slice(this.starts[i]!, this.ends[i]!);
    this.norms[i] = (this.shape[i]! & CAPS) !== 0 ? text.toLowerCase() : text;
    return this.norms[i]!;
  }

  /** Index of the token holding offset `at`, or -1. */
  indexAt(at: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && at < this.ends[lo - 1]! ? lo - 1 : -1;
  }

  *[Symbol.iterator](): Iterator<WordToken> {
    for (let i = 0; i < this.length; i += 1) yield this.get(i)!;
  }
}
export const UPPER = 1;
export const DIGIT = 2;
export const SPACED = 4;
export const PLAIN = 8;
/** A PLAIN token with an ASCII capital: its norm is its text lower-cased. */
const CAPS = 16;

const MARKS = /[\u0300-\u036f]/g;

/** Folds of words with accents, dots or hyphens (the slow path), remembered: the same words recur in news. */
const slowFolds = new Map<string, string>();
const SLOW_FOLDS_MAX = 20_000;

export function foldWord(s: string): string {
  // Fast path: plain ASCII letters and digits need only lower-casing (most tokens in es/pt/en text).
  let plain = true;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c > 122 || c === 45 || c === 46) {
      plain = false;
      break;
    }
  }
  if (plain) return s.toLowerCase();
  let f = s.length <= 48 ? slowFolds.get(s) : undefined;
  if (f === undefined) {
    f = s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\./g, '').replace(/’/g, "'").replace(/-/g, ' ');
    if (s.length > 48) return f; // long strings are not remembered
    if (slowFolds.size >= SLOW_FOLDS_MAX) slowFolds.clear();
    slowFolds.set(s, f);
  }
  return f;
}

export function isUpperInitial(s: string): boolean {
  const code = s.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Texts remembered by `wordTokens`: a batch's worth (extractors/extract.ts MAX_BATCH), oldest dropped first. */
const RECENT_TEXTS = 32;
const recentTokens = new Map<string, WordTokens>();

/**
 * Word tokens of `text`, folded. The results for the last RECENT_TEXTS texts are kept, so the extractors that
 * read them (values, victims, places) tokenize a document once, whether they run document by document or over
 * a batch (createBatchExtractor). Callers must not mutate the array.
 */
export function wordTokens(text: string): WordTokens {
  let toks = recentTokens.get(text);
  if (toks === undefined) {
    toks = tokenize(text);
    remember(text, toks);
  }
  return toks;
}

function remember(text: string, toks: WordTokens): void {
  if (recentTokens.size >= RECENT_TEXTS) recentTokens.delete(recentTokens.keys().next().value!);
  recentTokens.set(text, toks);
}

/** Token lists by document, kept as long as the document lives. */
const byDocument = new WeakMap<object, WordTokens>();

/**
 * Makes `wordTokens(doc.text)` return the document's own tokens, made once per document: the extractors that read
 * them (values, victims, places) call this first, so a document is tokenized once even when more than
 * RECENT_TEXTS other texts were tokenized since an earlier extractor read it (a long batch).
 */
export function shareWordTokens(doc: { readonly text: string }): void {
  const toks = byDocument.get(doc);
  if (toks === undefined) byDocument.set(doc, wordTokens(doc.text));
  else if (!recentTokens.has(doc.text)) remember(doc.text, toks);
}

/** Letter/mark/number table for the BMP below U+3000, built once from the same classes as `WORD_RE`. */
const WORD_TABLE = (() => {
  const t = new Uint8Array(0x3000);
  const re = /[\p{L}\p{M}\p{N}]/u;
  for (let c = 0; c < 0x3000; c += 1) if (c < 0xd800 && re.test(String.fromCharCode(c))) t[c] = 1;
  return t;
})();
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Width (1 or 2 code units) of the word character at `i`, or 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x3000) return WORD_TABLE[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return c >= 0xe000 || c < 0xd800 ? (WORD_CHAR.test(text.charAt(i)) ? 1 : 0) : 0;
}

/**
 * Columns `tokenize` writes into, reused from one text to the next (grown as needed): the tokens' own columns are
 * cut from them at the end, in one buffer. Why: columns sized for the most tokens a text can hold are three times
 * what news holds, and four such buffers per document were a tenth of the extraction's garbage.
 */
let scratchStarts = new Int32Array(4096);
let scratchEnds = new Int32Array(4096);
let scratchSlots = new Uint16Array(4096);
let scratchShape = new Uint8Array(4096);
/**
 * The folds of the tokens that are not PLAIN, in token order, and their token numbers: the tokens' `norms` array is
 * made once at its full length at the end. Why: written token by token with gaps, the array was regrown dozens of
 * times per document (most of the tokenizer's garbage).
 */
const scratchFolds: string[] = [];
let scratchFoldAt = new Int32Array(4096);

/**
 * Same tokens as `WORD_RE`, by a character scan (several times faster than the Unicode regex). The scan also
 * notes what `foldWord` would look for: a word of plain lower-case ASCII letters and digits is its own fold.
 */
function tokenize(text: string): WordTokens {
  const n = text.length;
  // At most one token per two code units (a word character and a separator).
  const max = (n >> 1) + 1;
  if (scratchStarts.length < max) {
    scratchStarts = new Int32Array(2 * max);
    scratchEnds = new Int32Array(2 * max);
    scratchSlots = new Uint16Array(2 * max);
    scratchShape = new Uint8Array(2 * max);
    scratchFoldAt = new Int32Array(2 * max);
  }
  const starts = scratchStarts;
  const ends = scratchEnds;
  const slots = scratchSlots;
  const shape = scratchShape;
  let folds = 0;
  let count = 0;
  let i = 0;
  while (i < n) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i += 1;
      continue;
    }
    const start = i;
    // plain: no code unit above 'z' and no '-' or '.' (foldWord's fast path); caps: an ASCII capital seen.
    let plain = true;
    let caps = false;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 0x3000) {
          if (WORD_TABLE[c] === 0) break;
          i += 1;
        } else {
          w = wordCharAt(text, i);
          if (w === 0) break;
          i += w;
        }
        if (c > 122) plain = false;
        else if (c <= 90 && c >= 65) caps = true;
      }
      const c = text.charCodeAt(i);
      // Inner joiners: "EE.UU", "D'Aunoy", "Saint-Denis" (only between word characters).
      if ((c === 46 || c === 39 || c === 0x2019 || c === 45) && i + 1 < n && wordCharAt(text, i + 1) > 0) {
        if (c !== 39) plain = false;
        i += 1;
        continue;
      }
      break;
    }
    const c0 = text.charCodeAt(start);
    starts[count] = start;
    ends[count] = i;
    if (plain) {
      // The norm is the text lower-cased, so its slot and flags come from the text's code units (`& 31` ignores case).
      const len = i - start;
      slots[count] = ((c0 & 31) << 10) | (len > 1 ? (text.charCodeAt(start + 1) & 31) << 5 : 0) | (len > 31 ? 31 : len);
      shape[count] = (c0 >= 65 && c0 <= 90 ? UPPER : 0) | (c0 >= 48 && c0 <= 57 ? DIGIT : 0) | PLAIN | (caps ? CAPS : 0);
    } else {
      const t = text.slice(start, i);
      const norm = foldWord(t);
      const d = norm.charCodeAt(0);
      scratchFolds[folds] = norm;
      scratchFoldAt[folds] = count;
      folds += 1;
      slots[count] = sieveSlot(norm);
      const upper = c0 < 128 ? c0 >= 65 && c0 <= 90 : isUpperInitial(t);
      shape[count] = (upper ? UPPER : 0) | (d >= 48 && d <= 57 ? DIGIT : 0) | (norm.includes(' ') ? SPACED : 0);
    }
    count += 1;
  }
  // One buffer for the four columns: offsets first (4-byte aligned), then slots (2-byte), then shape.
  const buf = new ArrayBuffer(11 * count);
  const outStarts = new Int32Array(buf, 0, count);
  const outEnds = new Int32Array(buf, 4 * count, count);
  const outSlots = new Uint16Array(buf, 8 * count, count);
  const outShape = new Uint8Array(buf, 10 * count, count);
  outStarts.set(starts.subarray(0, count));
  outEnds.set(ends.subarray(0, count));
  outSlots.set(slots.subarray(0, count));
  outShape.set(shape.subarray(0, count));
  const norms = new Array<string | undefined>(count);
  for (let k = 0; k < folds; k += 1) norms[scratchFoldAt[k]!] = scratchFolds[k];
  return new WordTokens(text, outStarts, outEnds, outSlots, outShape, norms);
}

/** Gazetteer key of a name: its folded word tokens joined by one space. */
const SIMPLE_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

export function nameKey(name: string): string {
  // Most gazetteer names are plain ASCII words separated by single spaces: their key is the lower-cased name.
  if (SIMPLE_NAME.test(name)) return name.toLowerCase();
  const parts: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(name); m; m = WORD_RE.exec(name)) parts.push(foldWord(m[0]));
  return parts.join(' ');
}
