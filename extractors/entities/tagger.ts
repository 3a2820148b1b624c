import { emissions, viterbi } from './decode.js';
import { COMMON_BIT, MAX_FEATURES_PER_TOKEN, contextFeatures, formFeatures, tokenFeatures } from './features.js';
import { initialFlags, viewSentence, type SentenceView } from './sentence-view.js';
import { tokenInfo as tokenInfo_IMPORTED, type TokenInfo } from './token-info.js';
const tokenInfo = tokenInfo_IMPORTED;
import type { Arena } from './arena.js';
import type { Gazetteer } from './gazetteer.js';
import { NT, type NerModel } from './model.js';
import { candidateSegments, type SegmentOptions } from './segments.js';

/** Parameters that decoding reads: a trained model or the weights of a model being trained. */
export interface DecodeParams {
  weights: ArrayLike<number>;
  scale: number;
  bits: number;
  transitions: ArrayLike<number>;
  gazetteer: Gazetteer;
  segments: SegmentOptions;
  /** True when weights and transitions no longer change (a loaded model), so derived tables can be cached. */
  frozen?: boolean;
}

/** One candidate segment of a sentence with its features. */
export interface SegmentFeatures {
  start: number;
  end: number;
  feats: Uint32Array;
  offs: Int32Array;
}

let emisBuf = new Float64Array(256 * NT);
let featBuf = new Uint32Array(4096 * MAX_FEATURES_PER_TOKEN);

let offsBuf = new Int32Array(257);

/** The candidate segments of a sentence (flat [start, end) pairs) and its view; undefined when it has none. */
export function sentenceSegments(
  infos: readonly TokenInfo[],
  gazetteer: Gazetteer,
  segOpts: SegmentOptions,
  docBits: number,
  arena?: Arena,
): { segs: number[]; view: SentenceView } | undefined {
  const segs = candidateSegments(infos, segOpts);
  if (segs.length === 0) return undefined;
  const initial = initialFlags(infos, arena);
  return { segs, view: viewSentence(infos, initial, gazetteer, segs, docBits, arena) };
}

/**
 * Calls `visit` for each candidate segment of a sentence with the features of its tokens. The
 * features live in shared buffers that the next segment overwrites: copy them to keep them.
 * `given`: the words' token infos when the caller has them already (one cache lookup per word).
 */
export function forEachSegment(
  words: readonly string[],
  gazetteer: Gazetteer,
  segOpts: SegmentOptions,
  docBits: number,
  visit: (seg: SegmentFeatures, view: SentenceView) => void,
  given?: readonly TokenInfo[],
): void {
  const sv = sentenceSegments(given ?? words.map(tokenInfo), gazetteer, segOpts, docBits);
  if (sv === undefined) return;
  const { segs, view } = sv;
  const wide = segOpts.wideContext === true;
  for (let s = 0; s + 1 < segs.length; s += 2) {
    const start = segs[s]!;
    const end = segs[s + 1]!;
    const need = (end - start) * MAX_FEATURES_PER_TOKEN;
    if (featBuf.length < need) featBuf = new Uint32Array(need * 2);
    if (offsBuf.length < end - start + 1) offsBuf = new Int32Array((end - start + 1) * 2);
    const offs = offsBuf;
    let len = 0;
    for (let i = start; i < end; i++) {
      offs[i - start] = len;
      len = tokenFeatures(view, i, featBuf, len, wide);
    }
    offs[end - start] = len;
    visit({ start, end, feats: featBuf, offs }, view);
  }
}

/** Per frozen weight array: word form -> cached weight sums of its form features (see formSums). */
const formCaches = new WeakMap<object, Map<TokenInfo, Int32Array>>();
const FORM_CACHE_LIMIT = 200_000;
/** Slot of the bit mask of computed variants, after NT sums for each (init, docBits) variant. */
const DONE = 4 * NT;
const formBuf = new Uint32Array(MAX_FEATURES_PER_TOKEN);

/**
 * Offset into the returned array of the NT integer weight sums of token i's form features (formFeatures)
 * for variant (init, docBits). They depend on the word form only, so a trained model's sums are cached per
 * form: a form recurs across segments and documents, and these lookups are a third of a token's features.
 * Sums of int16 weights are exact integers in any order, so the scores are unchanged.
 */
function formSums(p: DecodeParams, cache: Map<TokenInfo, Int32Array>, v: SentenceView, i: number, variant: number): Int32Array {
  const info = v.infos[i]!;
  let sums = cache.get(info);
  if (sums === undefined) {
    if (cache.size >= FORM_CACHE_LIMIT) cache.clear();
    cache.set(info, (sums = new Int32Array(DONE + 1)));
  }
  if ((sums[DONE]! & (1 << variant)) === 0) {
    const len = formFeatures(info, variant >> 1, ((v.gaz[i] ?? 0) & COMMON_BIT) !== 0, variant & 1, formBuf, 0);
    const w = p.weights;
    const mask = (1 << p.bits) - 1;
    const at = variant * NT;
    for (let k = 0; k < len; k++) {
      const b = (formBuf[k]! & mask) * NT;
      for (let t = 0; t < NT; t++) sums[at + t] = sums[at + t]! + w[b + t]!;
    }
    sums[DONE] = sums[DONE]! | (1 << variant);
  }
  return sums;
}

/** Keeps the touching loads of segmentEmissions() from being optimised away. */
export let touchSink = 0;

/**
 * Emission scores of tokens [start, end) of a sentence for a trained (frozen) model, into emis (row
 * j for token start + j): the same scores as emissions() over tokenFeatures(), with the form features'
 * part taken from the per-form cache. The context part is summed unscaled (an exact integer), so adding the
 * cached integer sum before scaling gives the very same number.
 */
export function segmentEmissions(p: DecodeParams, v: SentenceView, start: number, end: number, wide: boolean, emis: Float64Array): void {
  let cache = formCaches.get(p.weights as object);
  if (cache === undefined) formCaches.set(p.weights as object, (cache = new Map()));
  const n = end - start;
  if (featBuf.length < n * MAX_FEATURES_PER_TOKEN) featBuf = new Uint32Array(n * MAX_FEATURES_PER_TOKEN * 2);
  if (offsBuf.length < n + 1) offsBuf = new Int32Array((n + 1) * 2);
  let len = 0;
  for (let i = start; i < end; i++) {
    offsBuf[i - start] = len;
    len = contextFeatures(v, i, featBuf, len, wide);
  }
  offsBuf[n] = len;
  const w = p.weights;
  const mask = (1 << p.bits) - 1;
  // Touch every weight row of the segment first: these loads are independent, so the processor overlaps their
  // cache misses (the 4.7 MB table mostly misses), and emissions() then finds the rows in the L1 cache. A row is
  // 18 bytes, so a quarter of them straddle two cache lines: touch its first and last weight.
  let touched = 0;
  for (let k = 0; k < len; k++) {
    const b = (featBuf[k]! & mask) * NT;
    touched += w[b]! + w[b + NT - 1]!;
  }
  touchSink = touched;
  emissions(w, 1, mask, featBuf, offsBuf, n, emis);
  const scale = p.scale;
  for (let i = start; i < end; i++) {
    const variant = (v.initial[i] ?? 0) * 2 + v.docBits;
    const sums = formSums(p, cache, v, i, variant);
    const row = (i - start) * NT;
    for (let t = 0; t < NT; t++) emis[row + t] = (emis[row + t]! + sums[variant * NT + t]!) * scale;
  }
}

/** Candidate segments of a sentence and the features of their tokens (copied, for training). */
export function sentenceFeatures(
  words: readonly string[],
  gazetteer: Gazetteer,
  segOpts: SegmentOptions,
  docBits = 0,
): SegmentFeatures[] {
  const out: SegmentFeatures[] = [];
  forEachSegment(words, gazetteer, segOpts, docBits, (seg) => {
    const n = seg.end - seg.start;
    out.push({ start: seg.start, end: seg.end, feats: seg.feats.slice(0, seg.offs[n]!), offs: seg.offs.slice(0, n + 1) });
  });
  return out;
}

/** Decodes one segment into tag indices, written to out[outOffset ...]. */
export function decodeSegment(p: DecodeParams, seg: SegmentFeatures, out: Uint8Array, outOffset = 0): void {
  const n = seg.end - seg.start;
  if (emisBuf.length < n * NT) emisBuf = new Float64Array(n * NT * 2);
  emissions(p.weights, p.scale, (1 << p.bits) - 1, seg.feats, seg.offs, n, emisBuf);
  viterbi(emisBuf, n, p.transitions, out, p.frozen === true, outOffset);
}

/** Tag indices (see TAGS) for every token of a sentence; tokens outside candidate segments are O (0). */
export function tagSentence(p: DecodeParams, words: readonly string[], docBits = 0): Uint8Array {
  const tags = new Uint8Array(words.length);
  forEachSegment(words, p.gazetteer, p.segments, docBits, (seg) => decodeSegment(p, seg, tags, seg.start));
  return tags;
}

export function modelParams(m: NerModel): DecodeParams {
  return {
    weights: m.weights,
    scale: m.scale,
    bits: m.bits,
    transitions: m.transitions,
    gazetteer: m.gazetteer,
    segments: m.segments,
    frozen: true,
  };
}
