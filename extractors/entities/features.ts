import { GAZ_CATEGORIES, type Gazetteer } from './gazetteer.js';
import { SPORTS_WORDS } from './cue-words.js';
import { hashString, mix } from './hash.js';

/** Token flags. */
export const F_CAP = 1; // first character is an upper-case letter
export const F_ALLCAPS = 2; // two or more letters, none lower case
export const F_DIGIT = 4; // contains a digit
export const F_PUNCT = 8; // no letter or digit
export const F_HYPHEN = 16;
export const F_DOT = 32;
export const F_MIXED = 64; // upper case after the first character in a word that has lower case too
export const F_QUOTE = 128;
const FLAG_COUNT = 8;

/** What a word form gives, computed once per form. */
export interface TokenInfo {
  readonly lower: string;
  readonly lowerHash: number;
  readonly shapeHash: number;
  readonly affixHashes: readonly number[]; // suffixes 2..4, prefixes 2..3
  readonly flags: number;
  /** Hash of the lower-cased form seeded with the shape (case-sensitive identity). */
  readonly formHash: number;
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
  for (let k = 2; k <= 4; k++) affixHashes.push(lower.length > k ? hashString(lower.slice(-k)) : 0);
  for (let k = 2; k <= 3; k++) affixHashes.push(lower.length > k ? hashString(lower.slice(0, k)) : 0);
  const shapeHash = hashString(shapeOf(w));
  return { lower, lowerHash: hashString(lower), shapeHash, affixHashes, flags, formHash: hashString(lower, shapeHash) };
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

const BOUNDARY: TokenInfo = { lower: '', lowerHash: 0x5bd1e995, shapeHash: 0x1b873593, affixHashes: [], flags: 0, formHash: 0 };

/** Template ids (part of the model format). */
const T = {
  bias: 1, lower: 2, shape: 3, affix: 4, prev: 10, next: 11, prev2: 12, next2: 13, shapePrev: 14, shapeNext: 15,
  bigramPrev: 16, bigramNext: 17, initShape: 18, initCommon: 19, flag: 20, gaz: 40, gazPrev: 41, gazNext: 42,
  capContext: 43, lenCaps: 44, shape3: 45, form: 46, run: 47, runPos: 48, runPrev: 49, runNext: 50, bag: 51,
  prevCap: 52, nextCap: 53, runFirst: 54, runLast: 55, docGaz: 56, docRun: 57, docLower: 58,
} as const;

/** Lower-case words that may sit inside a name between capitalised words. */
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'do', 'da', 'dos', 'das', 'of', 'the', 'and', 'for', "d'", 'di', 'von', 'van']);

const COMMON_BIT = 1 << (2 * GAZ_CATEGORIES.indexOf('common'));

/** The per-sentence view that features read. */
export interface SentenceView {
  infos: readonly TokenInfo[];
  /** Per token inside a capitalised run (connectors allowed inside): run start and end (exclusive); -1 outside. */
  runStart: Int32Array;
  runEnd: Int32Array;
  /** Hash of the run's lower-cased words. */
  runHash: Uint32Array;
  /** Document topic bits (see docTopicBits). */
  docBits: number;
  /** 1 where the token starts a sentence (or follows an opening quote or colon at sentence start). */
  initial: Uint8Array;
  gaz: Uint32Array;
}

const SPORTS = new Set(SPORTS_WORDS);
const SENTENCE_PUNCT = new Set(['.', '!', '?', '¿', '¡', ':', '…']);

/** Topic bits of a document from its words: 1 = sports story (two or more sports words). */
export function docTopicBits(words: Iterable<string>): number {
  let sports = 0;
  for (const w of words) if (SPORTS.has(tokenInfo(w).lower) && ++sports >= 2) return 1;
  return 0;
}

/**
 * Builds the view of a sentence from its token infos; gazetteer bits are computed only around the
 * `segments` ([start, end) pairs).
 */
/** 1 for tokens that start a sentence: the first, those after . ! ? : and punctuation right after those. */
export function initialFlags(infos: readonly TokenInfo[]): Uint8Array {
  const n = infos.length;
  const initial = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const prev = infos[i - 1];
    initial[i] = i === 0 || (prev !== undefined && (prev.flags & F_PUNCT) !== 0 && initial[i - 1] === 1) ? 1 : 0;
    if (prev !== undefined && SENTENCE_PUNCT.has(prev.lower)) initial[i] = 1;
  }
  return initial;
}

export function viewSentence(
  infos: readonly TokenInfo[],
  initial: Uint8Array,
  gazetteer: Gazetteer,
  segments: readonly number[],
  docBits = 0,
): SentenceView {
  const n = infos.length;
  const gaz = new Uint32Array(n);
  for (let s = 0; s + 1 < segments.length; s += 2) {
    gazetteer.mark(infos, Math.max(0, segments[s]! - 1), Math.min(n, segments[s + 1]! + 1), gaz);
  }
  const runStart = new Int32Array(n);
  const runEnd = new Int32Array(n);
  const runHash = new Uint32Array(n);
  runStart.fill(-1);
  const isCap = (k: number) => k < n && (infos[k]!.flags & (F_CAP | F_ALLCAPS)) !== 0;
  for (let i = 0; i < n; ) {
    if (!isCap(i)) {
      i++;
      continue;
    }
    let e = i + 1;
    for (;;) {
      if (isCap(e)) e++;
      else if (e + 1 < n && CONNECTORS.has(infos[e]!.lower) && isCap(e + 1)) e += 2;
      else if (e + 2 < n && CONNECTORS.has(infos[e]!.lower) && CONNECTORS.has(infos[e + 1]!.lower) && isCap(e + 2)) e += 3;
      else break;
    }
    let h = 0x811c9dc5;
    for (let k = i; k < e; k++) h = mix(h, infos[k]!.lowerHash);
    for (let k = i; k < e; k++) {
      runStart[k] = i;
      runEnd[k] = e;
      runHash[k] = h;
    }
    i = e;
  }
  return { infos, initial, gaz, runStart, runEnd, runHash, docBits };
}

/**
 * Appends the hashed features of token i to `out` (as 32-bit hashes) and returns the new length.
 */
export function tokenFeatures(v: SentenceView, i: number, out: Uint32Array, len: number): number {
  const infos = v.infos;
  const c = infos[i]!;
  const p = infos[i - 1] ?? BOUNDARY;
  const p2 = infos[i - 2] ?? BOUNDARY;
  const nx = infos[i + 1] ?? BOUNDARY;
  const n2 = infos[i + 2] ?? BOUNDARY;
  const init = v.initial[i] ?? 0;
  const g = v.gaz[i] ?? 0;
  out[len++] = mix(T.bias, 0);
  out[len++] = mix(T.lower, c.lowerHash);
  out[len++] = mix(T.shape, c.shapeHash);
  for (let k = 0; k < c.affixHashes.length; k++) {
    const h = c.affixHashes[k]!;
    if (h !== 0) out[len++] = mix(T.affix + k, h);
  }
  out[len++] = mix(T.prev, p.lowerHash);
  out[len++] = mix(T.next, nx.lowerHash);
  out[len++] = mix(T.prev2, p2.lowerHash);
  out[len++] = mix(T.next2, n2.lowerHash);
  out[len++] = mix(T.shapePrev, mix(p.shapeHash, c.shapeHash));
  out[len++] = mix(T.shapeNext, mix(c.shapeHash, nx.shapeHash));
  out[len++] = mix(T.shape3, mix(mix(p.shapeHash, c.shapeHash), nx.shapeHash));
  out[len++] = mix(T.bigramPrev, mix(p.lowerHash, c.lowerHash));
  out[len++] = mix(T.bigramNext, mix(c.lowerHash, nx.lowerHash));
  out[len++] = mix(T.initShape, init * 0x10000 + (c.shapeHash & 0xffff));
  out[len++] = mix(T.initCommon, init * 4 + ((g & COMMON_BIT) !== 0 ? 2 : 0) + (c.flags & F_CAP));
  for (let b = 0; b < FLAG_COUNT; b++) if ((c.flags & (1 << b)) !== 0) out[len++] = mix(T.flag + b, init);
  const gp = v.gaz[i - 1] ?? 0;
  const gn = v.gaz[i + 1] ?? 0;
  for (let b = 0; b < 2 * GAZ_CATEGORIES.length; b++) {
    const bit = 1 << b;
    if ((g & bit) !== 0) out[len++] = mix(T.gaz, b * 2 + (c.flags & F_CAP));
    if ((gp & bit) !== 0) out[len++] = mix(T.gazPrev, b);
    if ((gn & bit) !== 0) out[len++] = mix(T.gazNext, b);
  }
  out[len++] = mix(T.capContext, (p.flags & 3) * 16 + (c.flags & 3) * 4 + (nx.flags & 3));
  out[len++] = mix(T.lenCaps, Math.min(c.lower.length, 8) * 4 + (c.flags & 3));
  out[len++] = mix(T.form, c.formHash);
  out[len++] = mix(T.prevCap, mix(p.lowerHash, c.flags & 3));
  out[len++] = mix(T.nextCap, mix(nx.lowerHash, c.flags & 3));
  const p3 = infos[i - 3] ?? BOUNDARY;
  const n3 = infos[i + 3] ?? BOUNDARY;
  out[len++] = mix(T.bag, p3.lowerHash);
  out[len++] = mix(T.bag, n3.lowerHash);
  const placeBits = (g & 0b010101) !== 0 ? 1 : 0;
  out[len++] = mix(T.docGaz, v.docBits * 64 + placeBits * 4 + (c.flags & 3));
  if ((c.flags & (F_CAP | F_ALLCAPS)) !== 0) out[len++] = mix(T.docLower, mix(c.lowerHash, v.docBits));
  const rs = v.runStart[i]!;
  if (rs >= 0) {
    const re = v.runEnd[i]!;
    const rl = re - rs;
    const pos = rl === 1 ? 0 : i === rs ? 1 : i === re - 1 ? 2 : 3;
    out[len++] = mix(T.run, v.runHash[i]!);
    out[len++] = mix(T.runPos, pos * 8 + Math.min(rl, 7));
    out[len++] = mix(T.runPrev, mix((infos[rs - 1] ?? BOUNDARY).lowerHash, pos));
    out[len++] = mix(T.runNext, mix((infos[re] ?? BOUNDARY).lowerHash, pos));
    out[len++] = mix(T.runFirst, infos[rs]!.lowerHash);
    out[len++] = mix(T.runLast, infos[re - 1]!.lowerHash);
    out[len++] = mix(T.docRun, mix(v.runHash[i]!, v.docBits));
  }
  return len;
}

/** Upper bound of features per token, for buffer sizing. */
export const MAX_FEATURES_PER_TOKEN = 40 + FLAG_COUNT + 6 * GAZ_CATEGORIES.length;
