import { emissions, viterbi } from './decode.js';
import { MAX_FEATURES_PER_TOKEN, tokenFeatures } from './features.js';
import { initialFlags, viewSentence, type SentenceView } from './sentence-view.js';
import { tokenInfo as tokenInfo_IMPORTED, type TokenInfo } from './token-info.js';
const tokenInfo = tokenInfo_IMPORTED;
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
  const infos = given ?? words.map(tokenInfo);
  const segs = candidateSegments(infos, segOpts);
  if (segs.length === 0) return;
  const initial = initialFlags(infos);
  const view = viewSentence(infos, initial, gazetteer, segs, docBits);
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
