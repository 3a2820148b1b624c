import { SPORTS_WORDS } from './cue-words.js';
import type { Gazetteer } from './gazetteer.js';
import { hashString, mix as mix_IMPORTED } from './hash.js';
import { U32Table } from './u32-table.js';
import type { Arena } from './arena.js';
const mix = mix_IMPORTED;
import { F_ALLCAPS as F_ALLCAPS_IMPORTED, F_CAP as F_CAP_IMPORTED, F_PUNCT as F_PUNCT_IMPORTED, tokenInfo as tokenInfo_IMPORTED, type TokenInfo } from './token-info.js';
const F_ALLCAPS = F_ALLCAPS_IMPORTED;
const F_CAP = F_CAP_IMPORTED;
const F_PUNCT = F_PUNCT_IMPORTED;
const tokenInfo = tokenInfo_IMPORTED;

/** Lower-case words that may sit inside a name between capitalised words. */
const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'do', 'da', 'dos', 'das', 'of', 'the', 'and', 'for', "d'", 'di', 'von', 'van']);

/** The per-sentence view that features read. */
export interface SentenceView {
  infos: readonly TokenInfo[];
  /** Per token inside a capitalised run (connectors allowed inside): run start and end (exclusive); -1 outside. */
  runStart: Int32Array;
  runEnd: Int32Array;
  /** Hash of the run's lower-cased words (32 bits, signed: read back unboxed, see TokenInfo). */
  runHash: Int32Array;
  /** Document topic bits (see docTopicBits). */
  docBits: number;
  /** 1 where the token starts a sentence (or follows an opening quote or colon at sentence start). */
  initial: Uint8Array;
  gaz: Uint32Array;
}

const SPORTS = new Set(SPORTS_WORDS);
/** The sports words' hashes: docTopicBitsOf() tests a token's lowerHash here (a typed-array probe) before the set. */
const SPORTS_HASHES = new U32Table(SPORTS_WORDS.map((w) => [hashString(w), 1] as const));
const SENTENCE_PUNCT = new Set(['.', '!', '?', '¿', '¡', ':', '…']);

/** Topic bits of a document from its words: 1 = sports story (two or more sports words). */
export function docTopicBits(words: Iterable<string>): number {
  let sports = 0;
  for (const w of words) if (SPORTS.has(tokenInfo(w).lower) && ++sports >= 2) return 1;
  return 0;
}

/** docTopicBits over the words' token infos. */
export function docTopicBitsOf(infos: readonly TokenInfo[]): number {
  let sports = 0;
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k]!;
    if (SPORTS_HASHES.get(info.lowerHash) >= 0 && SPORTS.has(info.lower) && ++sports >= 2) return 1;
  }
  return 0;
}

/**
 * Builds the view of a sentence from its token infos; gazetteer bits are computed only around the
 * `segments` ([start, end) pairs).
 */
/** 1 for tokens that start a sentence: the first, those after . ! ? : and punctuation right after those. */
export function initialFlags(infos: readonly TokenInfo[], arena?: Arena): Uint8Array {
  const n = infos.length;
  const initial = arena ? arena.u8Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const prev = infos[i - 1];
    initial[i] = i === 0 || (prev !== undefined && (prev.flags & F_PUNCT) !== 0 && initial[i - 1] === 1) ? 1 : 0;
    // (only punctuation tokens can be sentence punctuation: the flag test spares a set lookup per word)
    if (prev !== undefined && (prev.flags & F_PUNCT) !== 0 && SENTENCE_PUNCT.has(prev.lower)) initial[i] = 1;
  }
  return initial;
}

export function viewSentence(
  infos: readonly TokenInfo[],
  initial: Uint8Array,
  gazetteer: Gazetteer,
  segments: readonly number[],
  docBits = 0,
  arena?: Arena,
): SentenceView {
  const n = infos.length;
  const gaz = arena ? arena.u32Array(n) : new Uint32Array(n);
  for (let s = 0; s + 1 < segments.length; s += 2) {
    gazetteer.mark(infos, Math.max(0, segments[s]! - 1), Math.min(n, segments[s + 1]! + 1), gaz);
  }
  const runStart = arena ? arena.i32Array(n) : new Int32Array(n);
  const runEnd = arena ? arena.i32Array(n) : new Int32Array(n);
  const runHash = arena ? arena.i32Array(n) : new Int32Array(n);
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
