/**
 * Per-word-form facts (flags, shape, affix hashes), computed once per form and cached.
 */
import { hashString } from './hash.js';

/** Token flags. */
export const F_CAP = 1; // first character is an upper-case letter
export const F_ALLCAPS = 2; // two or more letters, none lower case
export const F_DIGIT = 4; // contains a digit
export const F_PUNCT = 8; // no letter or digit
export const F_HYPHEN = 16;
export const F_DOT = 32;
export const F_MIXED = 64; // upper case after the first character in a word that has lower case too
export const F_QUOTE = 128;
export const FLAG_COUNT = 8;

/**
 * What a word form gives, computed once per form. The hashes are hashString's 32 bits held as signed
 * integers (`| 0`), which V8 keeps unboxed in the object and its array: the feature loops read them for every
 * token, and mixing, masking and U32Table lookups see the same bits either way.
 */
export interface TokenInfo {
  /** The word form itself. */
  readonly word: string;
  readonly lower: string;
  readonly lowerHash: number;
  readonly shapeHash: number;
  readonly affixHashes: readonly number[]; // suffixes 2..4, prefixes 2..3
  readonly flags: number;
  /** Hash of the lower-cased form seeded with the shape (case-sensitive identity). */
  readonly formHash: number;
  /** The form without case and diacritics (fold()), for the organisations list matcher. */
  readonly fold: string;
  /** hashString of fold: the organisations list matcher's cheap first test. */
  readonly foldHash: number;
}

/** Lower case without diacritics. */
export function fold(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** fold() of an already lower-cased word; ASCII has no diacritics, so it skips the normalisation. */
function foldLower(lower: string): string {
  return /^[\x00-\x7f]*$/.test(lower) ? lower : fold(lower);
}

const QUOTES = new Set(['"', '«', '»', '“', '”', "'", '‘', '’', '`']);

function shapeOf(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c === last) {
      run++;
      if (run >= 2) continue;
    } else {
      run = 0;
      last = c;
    }
    out += c;
  }
  return out;
}

function computeInfo(w: string): TokenInfo {
  const lower = w.toLowerCase();
  let flags = 0;
  const first = w.charAt(0);
  const hasLetter = /\p{L}/u.test(w);
  if (/\p{Lu}/u.test(first)) flags |= F_CAP;
  if (hasLetter && w.length > 1 && w === w.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(w)) flags |= F_ALLCAPS;
  if (/\p{N}/u.test(w)) flags |= F_DIGIT;
  if (!hasLetter && !/\p{N}/u.test(w)) flags |= F_PUNCT;
  if (w.length > 1 && w.includes('-')) flags |= F_HYPHEN;
  if (w.length > 1 && w.includes('.')) flags |= F_DOT;
  if (lower !== w && /\p{Ll}/u.test(w) && /.\p{Lu}/u.test(w.slice(1)) ) flags |= F_MIXED;
  if (QUOTES.has(w)) flags |= F_QUOTE;
  const affixHashes: number[] = [];
  for (let k = 2; k <= 4; k++) affixHashes.push(lower.length > k ? hashString(lower.slice(-k)) | 0 : 0);
  for (let k = 2; k <= 3; k++) affixHashes.push(lower.length > k ? hashString(lower.slice(0, k)) | 0 : 0);
  const shapeHash = hashString(shapeOf(w)) | 0;
  const lowerHash = hashString(lower) | 0;
  const folded = foldLower(lower);
  const foldHash = folded === lower ? lowerHash : hashString(folded) | 0;
  return { word: w, lower, lowerHash, shapeHash, affixHashes, flags, formHash: hashString(lower, shapeHash) | 0, fold: folded, foldHash };
}

const cache = new Map<string, TokenInfo>();
const CACHE_LIMIT = 200_000;

export function tokenInfo(w: string): TokenInfo {
  let info = cache.get(w);
  if (info === undefined) {
    info = computeInfo(w);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(w, info);
  }
  return info;
}

/**
 * Interning table for internedInfo(): open addressing over FNV-1a hashes of the forms. Reading the form from
 * the text spares the substring and the Map lookup of a fresh string (hashing and comparing it) at every
 * token of a document; the word compared with startsWith is the interned one.
 * The table grows with the vocabulary (kept at most half full) from INTERN_MIN_SIZE up to INTERN_MAX_SIZE slots,
 * and is emptied when that is half full. A table sized for the largest vocabulary from the start (1.5 MB of hashes
 * and pointers) made most probes miss the processor's 512 KB L2 cache, while the news benchmark's ~7,000 forms fit
 * a 192 KB table (2026-11-29: tokenizeWithInfos alone about a quarter faster, the entities stage 2-3%).
 */
const INTERN_MIN_SIZE = 1 << 12;
const INTERN_MAX_SIZE = 1 << 17;
let internSize = INTERN_MIN_SIZE;
let internHashes = new Int32Array(internSize);
let internInfos = emptySlots(internSize);
let internCount = 0;

/** n empty slots, pushed one by one: V8 then keeps the array packed (`new Array(n)` would make it holey). */
function emptySlots(n: number): (TokenInfo | null)[] {
  const out: (TokenInfo | null)[] = [];
  for (let k = 0; k < n; k++) out.push(null);
  return out;
}

function internSlot(h: number, mask: number): number {
  return (h ^ (h >>> 15)) & mask;
}

/** Doubles the interning table, re-inserting every form by its stored hash. */
function growIntern(): void {
  const oldHashes = internHashes;
  const oldInfos = internInfos;
  internSize *= 2;
  internHashes = new Int32Array(internSize);
  internInfos = emptySlots(internSize);
  const mask = internSize - 1;
  for (let k = 0; k < oldInfos.length; k++) {
    const e = oldInfos[k];
    if (e === null || e === undefined) continue;
    let slot = internSlot(oldHashes[k]!, mask);
    while (internInfos[slot] !== null) slot = (slot + 1) & mask;
    internInfos[slot] = e;
    internHashes[slot] = oldHashes[k]!;
  }
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * tokenInfo(text.slice(start, end)), without making the substring when the form was seen before. `h`: the
 * form's hashString (as a signed 32-bit value), when the caller computed it while scanning.
 */
export function internedInfo(text: string, start: number, end: number, h?: number): TokenInfo {
  if (h === undefined) {
    h = FNV_OFFSET;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  }
  const len = end - start;
  const infos = internInfos;
  const hashes = internHashes;
  let mask = internSize - 1;
  let slot = internSlot(h, mask);
  for (;;) {
    const e = infos[slot];
    if (e === null || e === undefined) break;
    if (hashes[slot] === h && e.word.length === len && text.startsWith(e.word, start)) return e;
    slot = (slot + 1) & mask;
  }
  if (2 * (internCount + 1) > internSize) {
    if (internSize < INTERN_MAX_SIZE) growIntern();
    else {
      internInfos.fill(null);
      internCount = 0;
    }
    mask = internSize - 1;
    slot = internSlot(h, mask);
    while (internInfos[slot] !== null) slot = (slot + 1) & mask;
  }
  const info = tokenInfo(text.slice(start, end));
  internInfos[slot] = info;
  internHashes[slot] = h;
  internCount++;
  return info;
}

/** Stand-in for positions before the first and after the last token. */
export const BOUNDARY: TokenInfo = { word: '', lower: '', lowerHash: 0x5bd1e995, shapeHash: 0x1b873593, affixHashes: [], flags: 0, formHash: 0, fold: '', foldHash: 0 };
