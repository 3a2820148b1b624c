/**
 * The document stage: the first-stage model tags a whole document, docHints() summarises what it said
 * about each word elsewhere in the document, and a small second model adds emission scores from those
 * hints (and transition deltas) on top of the first stage's own scores before a second Viterbi pass.
 * The first stage's emissions are computed once and reused, so the extra cost is one Viterbi pass
 * and a few features per token.
 */
import type { Arena } from './arena.js';
import { emissions, viterbi } from './decode.js';
import { HINT, docHints } from './doc-hints.js';
import { mix as mixHash } from './hash.js';
import { NT as NUM_TAGS } from './model.js';
import type { SentenceView } from './sentence-view.js';
import { forEachSegment, segmentEmissions, sentenceSegments, type DecodeParams } from './tagger.js';
import { F_ALLCAPS as F_ALLCAPS_IMPORTED, F_CAP as F_CAP_IMPORTED, tokenInfo, type TokenInfo } from './token-info.js';
const F_ALLCAPS = F_ALLCAPS_IMPORTED;
const F_CAP = F_CAP_IMPORTED;

const NT = NUM_TAGS;
const mix = mixHash;

export const DOC_MODEL_FORMAT = 'rastro-ner-doc/1';

/** Second-stage weights: dense emission weights over 2^bits hint-feature buckets × NT, and transition deltas. */
export interface DocModel {
  readonly bits: number;
  readonly weights: Float32Array;
  readonly transitions: Float32Array;
  readonly meta: Record<string, unknown>;
}

/** Upper bound of hint features per token. */
export const MAX_HINT_FEATURES = 8;

const H = { bias: 101, tok: 102, tokSelf: 103, sup: 104, supSelf: 105, ent: 106, self: 107, tokInit: 108 } as const;

/** Hashed hint features of token i (appended to out from len); returns the new length. */
export function hintFeatures(v: SentenceView, hints: Int32Array, i: number, out: Uint32Array, len: number): number {
  const h = hints[i]!;
  const tok = HINT.tokMaj(h);
  const self = HINT.self(h);
  const sup = HINT.superMaj(h);
  const cap = v.infos[i]!.flags & (F_CAP | F_ALLCAPS);
  const single = v.runStart[i]! >= 0 && v.runEnd[i]! - v.runStart[i]! === 1 ? 1 : 0;
  out[len++] = mix(H.bias, 0);
  out[len++] = mix(H.self, self);
  out[len++] = mix(H.tok, tok * 4 + HINT.tokN(h));
  out[len++] = mix(H.tokSelf, tok * 16 + self);
  out[len++] = mix(H.tokInit, tok * 8 + (v.initial[i] ?? 0) * 4 + cap);
  out[len++] = mix(H.sup, sup * 2 + single);
  out[len++] = mix(H.supSelf, sup * 16 + self);
  out[len++] = mix(H.ent, HINT.entMaj(h) * 16 + self);
  return len;
}

/** One candidate segment with the first stage's emissions kept for the second pass. */
export interface StagedSegment {
  sentence: number;
  start: number;
  end: number;
  emis: Float64Array;
  view: SentenceView;
}

/**
 * First-stage pass over a document: tags (all O outside segments) and the segments with their
 * emissions, for the document stage. With an `arena`, the tags, views and emissions are views of its
 * pools, valid until its next reset.
 */
export function firstStage(
  p: DecodeParams,
  sentences: readonly (readonly string[])[],
  docBits: number,
  sentenceInfos?: readonly (readonly TokenInfo[])[],
  arena?: Arena,
): { tags: Uint8Array[]; segments: StagedSegment[]; infos: (readonly TokenInfo[] | undefined)[] } {
  const mask = (1 << p.bits) - 1;
  const tags: Uint8Array[] = [];
  const segments: StagedSegment[] = [];
  const infos: (readonly TokenInfo[] | undefined)[] = [];
  // A trained model's weights do not change, so the per-form cache of segmentEmissions() applies (it keeps
  // one sum per (sentence start, topic bit) variant, hence docBits 0 or 1).
  const cached = p.frozen === true && (docBits === 0 || docBits === 1);
  const wide = p.segments.wideContext === true;
  sentences.forEach((words, s) => {
    const t = arena ? arena.u8Array(words.length) : new Uint8Array(words.length);
    tags.push(t);
    infos.push(undefined);
    if (cached) {
      const sv = sentenceSegments(sentenceInfos?.[s] ?? words.map(tokenInfo), p.gazetteer, p.segments, docBits, arena);
      if (sv === undefined) return;
      const { segs, view } = sv;
      infos[s] = view.infos;
      for (let k = 0; k + 1 < segs.length; k += 2) {
        const start = segs[k]!;
        const end = segs[k + 1]!;
        const n = end - start;
        const emis = arena ? arena.f64Array(n * NT) : new Float64Array(n * NT);
        segmentEmissions(p, view, start, end, wide, emis);
        viterbi(emis, n, p.transitions, t, true, start);
        segments.push({ sentence: s, start, end, emis, view });
      }
      return;
    }
    forEachSegment(words, p.gazetteer, p.segments, docBits, (seg, view) => {
      infos[s] = view.infos;
      const n = seg.end - seg.start;
      const emis = new Float64Array(n * NT);
      emissions(p.weights, p.scale, mask, seg.feats, seg.offs, n, emis);
      viterbi(emis, n, p.transitions, t, p.frozen === true, seg.start);
      segments.push({ sentence: s, start: seg.start, end: seg.end, emis, view });
    }, sentenceInfos?.[s]);
  });
  return { tags, segments, infos };
}

let hintBuf = new Uint32Array(256 * MAX_HINT_FEATURES);
let hintOffs = new Int32Array(257);

/** Hint features of a staged segment, in shared buffers (overwritten by the next call). */
export function segmentHintFeatures(seg: StagedSegment, hints: Int32Array): { feats: Uint32Array; offs: Int32Array } {
  const n = seg.end - seg.start;
  if (hintBuf.length < n * MAX_HINT_FEATURES) hintBuf = new Uint32Array(n * MAX_HINT_FEATURES * 2);
  if (hintOffs.length < n + 1) hintOffs = new Int32Array((n + 1) * 2);
  let len = 0;
  for (let i = seg.start; i < seg.end; i++) {
    hintOffs[i - seg.start] = len;
    len = hintFeatures(seg.view, hints, i, hintBuf, len);
  }
  hintOffs[n] = len;
  return { feats: hintBuf, offs: hintOffs };
}

/**
 * True when some token of the segment has evidence from elsewhere in the document; segments without
 * any keep their first-stage tags (in training too), which saves most of the second pass.
 */
export function hasDocEvidence(seg: StagedSegment, hints: Int32Array): boolean {
  for (let i = seg.start; i < seg.end; i++) if ((hints[i]! & 0x7e7) !== 0) return true;
  return false;
}

const transCache = new WeakMap<object, Float32Array>();

/** First-stage transitions plus the document model's deltas (cached per pair for frozen models). */
function combinedTransitions(base: ArrayLike<number>, doc: DocModel): Float32Array {
  let byBase = transCache.get(doc) as (Float32Array & { base?: unknown }) | undefined;
  if (byBase !== undefined && byBase.base === base) return byBase;
  byBase = Float32Array.from(doc.transitions, (d, i) => d + base[i]!) as Float32Array & { base?: unknown };
  byBase.base = base;
  transCache.set(doc, byBase);
  return byBase;
}

let emis2 = new Float64Array(256 * NT);

/**
 * Tags of every sentence of a document: the first stage, then (with `doc`) the document stage.
 * `sentenceInfos`: each sentence's token infos when the caller has them already.
 */
export function tagDocument(
  p: DecodeParams,
  doc: DocModel | undefined,
  sentences: readonly (readonly string[])[],
  docBits: number,
  sentenceInfos?: readonly (readonly TokenInfo[])[],
  arena?: Arena,
): Uint8Array[] {
  const first = firstStage(p, sentences, docBits, sentenceInfos, arena);
  if (doc === undefined || first.segments.length === 0) return first.tags;
  const hints = docHints(first.infos, first.tags, first.segments, arena);
  const trans = combinedTransitions(p.transitions, doc);
  const mask = (1 << doc.bits) - 1;
  for (const seg of first.segments) {
    const sh = hints[seg.sentence]!;
    if (!hasDocEvidence(seg, sh)) continue;
    const n = seg.end - seg.start;
    if (emis2.length < n * NT) emis2 = new Float64Array(n * NT * 2);
    emis2.fill(0, 0, n * NT);
    const hf = segmentHintFeatures(seg, sh);
    emissions(doc.weights, 1, mask, hf.feats, hf.offs, n, emis2);
    for (let k = 0; k < n * NT; k++) emis2[k] = emis2[k]! + seg.emis[k]!;
    viterbi(emis2, n, trans, first.tags[seg.sentence]!, true, seg.start);
  }
  return first.tags;
}

export function serializeDocModel(m: DocModel): Record<string, unknown> {
  const round = (x: number) => Math.round(x * 1e3) / 1e3;
  const idx: number[] = [];
  const val: number[] = [];
  m.weights.forEach((w, i) => {
    if (Math.abs(w) >= 5e-4) {
      idx.push(i);
      val.push(round(w));
    }
  });
  return { format: DOC_MODEL_FORMAT, bits: m.bits, index: idx, values: val, transitions: Array.from(m.transitions, round), meta: m.meta };
}

export function deserializeDocModel(json: Record<string, unknown>): DocModel {
  if (json.format !== DOC_MODEL_FORMAT) throw new Error(`ner doc model: unknown format ${String(json.format)}`);
  const bits = Number(json.bits);
  const weights = new Float32Array((1 << bits) * NT);
  const idx = json.index as number[];
  const val = json.values as number[];
  idx.forEach((i, k) => (weights[i] = val[k]!));
  return { bits, weights, transitions: Float32Array.from(json.transitions as number[]), meta: (json.meta ?? {}) as Record<string, unknown> };
}
