/**
 * Document-level hints for the second (document) stage: what the first stage predicted for the same
 * word, the same name and longer names elsewhere in the same document (Krishnan & Manning 2006's
 * token-, entity- and super-entity-majority features). One packed integer per token.
 */
import type { Arena } from './arena.js';
import { mix as mix_IMPORTED } from './hash.js';
const mix = mix_IMPORTED;
import { F_ALLCAPS as F_ALLCAPS_IMPORTED, F_CAP as F_CAP_IMPORTED, type TokenInfo } from './token-info.js';
const F_ALLCAPS = F_ALLCAPS_IMPORTED;
const F_CAP = F_CAP_IMPORTED;

/** Entity type code of a tag index: 0 = O, 1 PER, 2 LOC, 3 ORG, 4 MISC. */
export function typeOfTag(t: number): number {
  return (t + 1) >> 1;
}

/** Field layout of a packed hint. */
export const HINT = {
  /** Majority first-stage label of the other capitalised occurrences of the word: 0 none, 1 + type code. */
  tokMaj: (h: number) => h & 7,
  /** Number of those occurrences, capped at 3. */
  tokN: (h: number) => (h >>> 3) & 3,
  /** Majority type of multi-token names elsewhere that contain the word: 0 none, else the type code. */
  superMaj: (h: number) => (h >>> 5) & 7,
  /** Majority type of the other occurrences of the first-stage name holding this token: 0 none, 1 + code. */
  entMaj: (h: number) => (h >>> 8) & 7,
  /** The first stage's own tag index. */
  self: (h: number) => (h >>> 11) & 15,
} as const;

/** Number of type codes counted per key (0 = O, 1 PER, 2 LOC, 3 ORG, 4 MISC). */
const NTYPES = 5;

/** Index (type code) of the largest of c[at + from .. at + NTYPES), or -1 when none is positive. */
function argmax(c: Int32Array, at: number, from: number): number {
  let best = -1;
  let arg = -1;
  for (let k = from; k < NTYPES; k++) {
    if (c[at + k]! > best) {
      best = c[at + k]!;
      arg = k;
    }
  }
  return best > 0 ? arg : -1;
}

/**
 * Counts per type code by 32-bit key (a word's or a name's hash) for one docHints() call: open addressing over
 * typed arrays, reused from call to call. The keys are mostly outside V8's small-integer range, so a
 * Map<number, ...> boxed each key it was given, and each new key cost a small typed array.
 */
class TypeCounts {
  private keys = new Int32Array(256);
  private used = new Uint8Array(256);
  /** NTYPES counts per slot: the counts of a key are counts[at .. at + NTYPES) for at = find(key). */
  counts = new Int32Array(256 * NTYPES);
  private filled: number[] = [];

  /** Forgets every key (only the slots in use are cleared). */
  clear(): void {
    for (const s of this.filled) {
      this.used[s] = 0;
      this.counts.fill(0, s * NTYPES, (s + 1) * NTYPES);
    }
    this.filled.length = 0;
  }

  /** Offset of the counts of `key`, or -1 when it was never bumped. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    let s = slotOf(key) & mask;
    while (this.used[s] === 1) {
      if (this.keys[s] === key) return s * NTYPES;
      s = (s + 1) & mask;
    }
    return -1;
  }

  bump(key: number, type: number, by: number): void {
    let at = this.find(key);
    if (at < 0) {
      if (2 * (this.filled.length + 1) > this.keys.length) this.grow();
      const mask = this.keys.length - 1;
      let s = slotOf(key) & mask;
      while (this.used[s] === 1) s = (s + 1) & mask;
      this.used[s] = 1;
      this.keys[s] = key;
      this.filled.push(s);
      at = s * NTYPES;
    }
    this.counts[at + type] = this.counts[at + type]! + by;
  }

  private grow(): void {
    const { keys, counts, filled } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.counts = new Int32Array(size * NTYPES);
    this.filled = [];
    for (const old of filled) {
      const mask = size - 1;
      let s = slotOf(keys[old]!) & mask;
      while (this.used[s] === 1) s = (s + 1) & mask;
      this.used[s] = 1;
      this.keys[s] = keys[old]!;
      this.filled.push(s);
      for (let t = 0; t < NTYPES; t++) this.counts[s * NTYPES + t] = counts[old * NTYPES + t]!;
    }
  }
}

function slotOf(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

const TOK = new TypeCounts();
const SUP = new TypeCounts();
const ENT = new TypeCounts();

interface Span {
  s: number;
  start: number;
  end: number;
  type: number;
  key: number;
}

const NONE = new Int32Array(0);

/** A token range [start, end) of a sentence. */
export interface SentenceRange {
  sentence: number;
  start: number;
  end: number;
}

/**
 * Hints for every token of a document, from its sentences' token infos and first-stage tag indices.
 * A sentence given no infos (it has no capitalised token, so nothing to re-decode) gets no hints.
 *
 * `segments` (the first stage's candidate segments, in document order): hints are computed only inside them
 * (0 elsewhere), which is all that the document stage reads. The counts are the same: every capitalised token
 * anchors a segment, and names (non-O tags) lie inside segments, which are separated by O tokens.
 */
export function docHints(
  sentences: readonly (readonly TokenInfo[] | undefined)[],
  tags: readonly ArrayLike<number>[],
  segments?: readonly SentenceRange[],
  arena?: Arena,
): Int32Array[] {
  /** Per sentence, flat [start, end) ranges to visit. */
  const ranges: number[][] = sentences.map((words) => (words === undefined || segments !== undefined ? [] : [0, words.length]));
  if (segments !== undefined) for (const seg of segments) ranges[seg.sentence]!.push(seg.start, seg.end);
  const tok = TOK;
  const sup = SUP;
  const ent = ENT;
  tok.clear();
  sup.clear();
  ent.clear();
  const spans: Span[] = [];
  const spanOf: Int32Array[] = [];
  sentences.forEach((words, s) => {
    if (words === undefined) {
      spanOf.push(NONE);
      return;
    }
    const t = tags[s]!;
    const own = (arena ? arena.i32Array(words.length) : new Int32Array(words.length)).fill(-1);
    spanOf.push(own);
    let start = -1;
    let type = 0;
    const close = (i: number) => {
      if (start < 0) return;
      let key = 0x811c9dc5;
      for (let k = start; k < i; k++) key = mix(key, words[k]!.lowerHash);
      for (let k = start; k < i; k++) own[k] = spans.length;
      spans.push({ s, start, end: i, type, key });
      ent.bump(key, type, 1);
      if (i - start >= 2) for (let k = start; k < i; k++) sup.bump(words[k]!.lowerHash, type, 1);
      start = -1;
    };
    const r = ranges[s]!;
    for (let q = 0; q + 1 < r.length; q += 2) {
      for (let i = r[q]!; i < r[q + 1]!; i++) {
        const tag = t[i]!;
        const ty = typeOfTag(tag);
        if (tag === 0 || tag % 2 === 1 || ty !== type) close(i);
        if (tag !== 0 && start < 0) {
          start = i;
          type = ty;
        }
        const info = words[i]!;
        if ((info.flags & (F_CAP | F_ALLCAPS)) !== 0) tok.bump(info.lowerHash, ty, 1);
      }
      close(r[q + 1]!);
    }
  });
  return sentences.map((words, s) => {
    if (words === undefined) return NONE;
    const t = tags[s]!;
    const own = spanOf[s]!;
    const out = arena ? arena.i32Array(words.length) : new Int32Array(words.length);
    const r = ranges[s]!;
    for (let q = 0; q + 1 < r.length; q += 2) {
      for (let i = r[q]!; i < r[q + 1]!; i++) {
        const info = words[i]!;
        const ty = typeOfTag(t[i]!);
        let h = (t[i]! & 15) << 11;
        if ((info.flags & (F_CAP | F_ALLCAPS)) !== 0) {
          const c = tok.counts;
          const at = tok.find(info.lowerHash);
          c[at + ty] = c[at + ty]! - 1;
          let n = 0;
          for (let k = 0; k < NTYPES; k++) n += c[at + k]!;
          const m = argmax(c, at, 0);
          c[at + ty] = c[at + ty]! + 1;
          if (n > 0 && m >= 0) h |= (1 + m) | (Math.min(n, 3) << 3);
        }
        const sp = own[i]! >= 0 ? spans[own[i]!]! : undefined;
        const sat = sup.find(info.lowerHash);
        if (sat >= 0) {
          const sc = sup.counts;
          const mine = sp !== undefined && sp.end - sp.start >= 2 ? sp.type : -1;
          if (mine >= 0) sc[sat + mine] = sc[sat + mine]! - 1;
          const m = argmax(sc, sat, 1);
          if (mine >= 0) sc[sat + mine] = sc[sat + mine]! + 1;
          if (m > 0) h |= m << 5;
        }
        if (sp !== undefined) {
          const ec = ent.counts;
          const eat = ent.find(sp.key);
          ec[eat + sp.type] = ec[eat + sp.type]! - 1;
          const m = argmax(ec, eat, 1);
          ec[eat + sp.type] = ec[eat + sp.type]! + 1;
          if (m > 0) h |= (1 + m) << 8;
        }
        out[i] = h;
      }
    }
    return out;
  });
}
