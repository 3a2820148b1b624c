import { GAZ_CATEGORIES } from './gazetteer.js';
import { mix as mixHash } from './hash.js';
import type { SentenceView } from './sentence-view.js';
import { BOUNDARY as BOUNDARY_INFO, F_ALLCAPS as F_ALLCAPS_FLAG, F_CAP as F_CAP_FLAG, FLAG_COUNT, type TokenInfo } from './token-info.js';

// Local copies of imported values read per token (cheaper than live-binding reads under some loaders).
const mix = mixHash;
const BOUNDARY = BOUNDARY_INFO;
const F_CAP = F_CAP_FLAG;
const F_ALLCAPS = F_ALLCAPS_FLAG;
const FLAGS = FLAG_COUNT;
const GAZ_BITS = 2 * GAZ_CATEGORIES.length;

/** Template ids (part of the model format). */
const T = {
  bias: 1, lower: 2, shape: 3, affix: 4, prev: 10, next: 11, prev2: 12, next2: 13, shapePrev: 14, shapeNext: 15,
  bigramPrev: 16, bigramNext: 17, initShape: 18, initCommon: 19, flag: 20, gaz: 40, gazPrev: 41, gazNext: 42,
  capContext: 43, lenCaps: 44, shape3: 45, form: 46, run: 47, runPos: 48, runPrev: 49, runNext: 50, bag: 51,
  prevCap: 52, nextCap: 53, runFirst: 54, runLast: 55, docGaz: 56, docRun: 57, docLower: 58,
  runPrev2: 59, runNext2: 60, wordPos: 61, sandwich: 62,
} as const;

/** Per-token gazetteer bit of a common word (a single-word entry: see Gazetteer.mark). */
export const COMMON_BIT = 1 << (2 * GAZ_CATEGORIES.indexOf('common'));

/**
 * Appends the hashed features of token i to `out` (as 32-bit hashes) and returns the new length.
 * `wide`: also the wide-context templates (SegmentOptions.wideContext; es 0.7855 -> 0.7898 on
 * esp.testa with the document stage, but the pt model lost 1.7 points on the held-out firstHAREM part).
 * The features are formFeatures() then contextFeatures(); their order does not matter (emission scores
 * and perceptron updates are sums over them).
 */
export function tokenFeatures(v: SentenceView, i: number, out: Uint32Array, len: number, wide = false): number {
  len = formFeatures(v.infos[i]!, v.initial[i] ?? 0, ((v.gaz[i] ?? 0) & COMMON_BIT) !== 0, v.docBits, out, len);
  return contextFeatures(v, i, out, len, wide);
}

/**
 * The features of a token that depend only on its word form, whether it starts a sentence (`init`),
 * whether the gazetteer lists it as a common word (`common`: a single-word entry, so a fact of the form for
 * a given model) and the document topic bits. Decoding with a trained model caches their weight sums per
 * word form (see tagger.ts), which saves about a third of the weight lookups.
 */
export function formFeatures(c: TokenInfo, init: number, common: boolean, docBits: number, out: Uint32Array, len: number): number {
  out[len++] = mix(T.bias, 0);
  out[len++] = mix(T.lower, c.lowerHash);
  out[len++] = mix(T.shape, c.shapeHash);
  for (let k = 0; k < c.affixHashes.length; k++) {
    const h = c.affixHashes[k]!;
    if (h !== 0) out[len++] = mix(T.affix + k, h);
  }
  out[len++] = mix(T.initShape, init * 0x10000 + (c.shapeHash & 0xffff));
  out[len++] = mix(T.initCommon, init * 4 + (common ? 2 : 0) + (c.flags & F_CAP));
  for (let b = 0; b < FLAGS; b++) if ((c.flags & (1 << b)) !== 0) out[len++] = mix(T.flag + b, init);
  out[len++] = mix(T.lenCaps, Math.min(c.lower.length, 8) * 4 + (c.flags & 3));
  out[len++] = mix(T.form, c.formHash);
  if ((c.flags & (F_CAP | F_ALLCAPS)) !== 0) out[len++] = mix(T.docLower, mix(c.lowerHash, docBits));
  return len;
}

/** The features of token i that read its neighbours, the gazetteer marks and its capitalised run. */
export function contextFeatures(v: SentenceView, i: number, out: Uint32Array, len: number, wide: boolean): number {
  const infos = v.infos;
  const c = infos[i]!;
  const p = infos[i - 1] ?? BOUNDARY;
  const p2 = infos[i - 2] ?? BOUNDARY;
  const nx = infos[i + 1] ?? BOUNDARY;
  const n2 = infos[i + 2] ?? BOUNDARY;
  const g = v.gaz[i] ?? 0;
  out[len++] = mix(T.prev, p.lowerHash);
  out[len++] = mix(T.next, nx.lowerHash);
  out[len++] = mix(T.prev2, p2.lowerHash);
  out[len++] = mix(T.next2, n2.lowerHash);
  out[len++] = mix(T.shapePrev, mix(p.shapeHash, c.shapeHash));
  out[len++] = mix(T.shapeNext, mix(c.shapeHash, nx.shapeHash));
  out[len++] = mix(T.shape3, mix(mix(p.shapeHash, c.shapeHash), nx.shapeHash));
  out[len++] = mix(T.bigramPrev, mix(p.lowerHash, c.lowerHash));
  out[len++] = mix(T.bigramNext, mix(c.lowerHash, nx.lowerHash));
  const gp = v.gaz[i - 1] ?? 0;
  const gn = v.gaz[i + 1] ?? 0;
  for (let b = 0; b < GAZ_BITS; b++) {
    const bit = 1 << b;
    if ((g & bit) !== 0) out[len++] = mix(T.gaz, b * 2 + (c.flags & F_CAP));
    if ((gp & bit) !== 0) out[len++] = mix(T.gazPrev, b);
    if ((gn & bit) !== 0) out[len++] = mix(T.gazNext, b);
  }
  out[len++] = mix(T.capContext, (p.flags & 3) * 16 + (c.flags & 3) * 4 + (nx.flags & 3));
  out[len++] = mix(T.prevCap, mix(p.lowerHash, c.flags & 3));
  out[len++] = mix(T.nextCap, mix(nx.lowerHash, c.flags & 3));
  const p3 = infos[i - 3] ?? BOUNDARY;
  const n3 = infos[i + 3] ?? BOUNDARY;
  out[len++] = mix(T.bag, p3.lowerHash);
  out[len++] = mix(T.bag, n3.lowerHash);
  if (wide) out[len++] = mix(T.sandwich, mix(p.lowerHash, nx.lowerHash));
  const placeBits = (g & 0b010101) !== 0 ? 1 : 0;
  out[len++] = mix(T.docGaz, v.docBits * 64 + placeBits * 4 + (c.flags & 3));
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
    if (wide) {
      out[len++] = mix(T.runPrev2, mix((infos[rs - 2] ?? BOUNDARY).lowerHash, pos));
      out[len++] = mix(T.runNext2, mix((infos[re + 1] ?? BOUNDARY).lowerHash, pos));
      out[len++] = mix(T.wordPos, mix(c.lowerHash, pos * 8 + Math.min(rl, 7)));
    }
  }
  return len;
}

/** Upper bound of features per token, for buffer sizing. */
export const MAX_FEATURES_PER_TOKEN = 40 + FLAG_COUNT + 6 * GAZ_CATEGORIES.length;
