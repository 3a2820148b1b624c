import { gunzipSync } from 'node:zlib';
import { Gazetteer } from './gazetteer.js';
import { DEFAULT_SEGMENTS, type SegmentOptions } from './segments.js';

/** BIO tags over the four CoNLL types; index 0 is O. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NT = TAGS.length;

export const MODEL_FORMAT = 'rastro-ner/1';

/** A trained averaged-perceptron tagger over hashed features. */
export interface NerModel {
  readonly lang: string;
  /** log2 of the number of feature buckets. */
  readonly bits: number;
  /** Emission weights, bucket-major: weights[bucket * NT + tag] * scale. */
  readonly weights: Int16Array;
  readonly scale: number;
  /** Transition scores, prev * NT + cur (index 0 = O also stands for the segment boundaries). */
  readonly transitions: Float32Array;
  readonly gazetteer: Gazetteer;
  readonly segments: SegmentOptions;
  readonly meta: Record<string, unknown>;
}

interface ModelJson {
  format: string;
  lang: string;
  bits: number;
  scale: number;
  /** Sparse weights: varint deltas of flat indices, then little-endian int16 values; base64. */
  weightIndex: string;
  weightValue: string;
  transitions: number[];
  gazetteer: Record<string, string>;
  segments: SegmentOptions;
  meta: Record<string, unknown>;
}

/** Quantises dense float weights to int16 and drops those that round to zero. */
export function quantize(dense: Float64Array | Float32Array, minAbs: number): { weights: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < dense.length; i++) max = Math.max(max, Math.abs(dense[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const weights = new Int16Array(dense.length);
  for (let i = 0; i < dense.length; i++) {
    const w = dense[i]!;
    if (Math.abs(w) >= minAbs) weights[i] = Math.round(w / scale);
  }
  return { weights, scale };
}

export function serializeModel(m: NerModel): ModelJson {
  const idx: number[] = [];
  const vals: number[] = [];
  let last = 0;
  for (let i = 0; i < m.weights.length; i++) {
    const w = m.weights[i]!;
    if (w === 0) continue;
    let d = i - last;
    last = i;
    while (d >= 0x80) {
      idx.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    idx.push(d);
    vals.push(w);
  }
  const v = Int16Array.from(vals);
  return {
    format: MODEL_FORMAT,
    lang: m.lang,
    bits: m.bits,
    scale: m.scale,
    weightIndex: Buffer.from(Uint8Array.from(idx)).toString('base64'),
    weightValue: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'),
    transitions: Array.from(m.transitions, (x) => Math.round(x * 1e4) / 1e4),
    gazetteer: m.gazetteer.toJSON(),
    segments: m.segments,
    meta: m.meta,
  };
}

export function deserializeModel(json: ModelJson): NerModel {
  if (json.format !== MODEL_FORMAT) throw new Error(`ner model: unknown format ${String(json.format)}`);
  const weights = new Int16Array((1 << json.bits) * NT);
  const idx = Buffer.from(json.weightIndex, 'base64');
  const valBuf = Buffer.from(json.weightValue, 'base64');
  const vals = new Int16Array(valBuf.buffer.slice(valBuf.byteOffset, valBuf.byteOffset + valBuf.byteLength));
  let pos = 0;
  let cur = 0;
  for (let k = 0; k < vals.length; k++) {
    let d = 0;
    let shift = 0;
    for (;;) {
      const b = idx[pos++]!;
      d += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    cur += d;
    weights[cur] = vals[k]!;
  }
  return {
    lang: json.lang,
    bits: json.bits,
    weights,
    scale: json.scale,
    transitions: Float32Array.from(json.transitions),
    gazetteer: Gazetteer.fromJSON(json.gazetteer),
    segments: json.segments ?? DEFAULT_SEGMENTS,
    meta: json.meta ?? {},
  };
}

/** Reads a model from JSON bytes, gunzipping when they start with the gzip magic number. */
export function parseModel(bytes: Uint8Array): NerModel {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return deserializeModel(JSON.parse(Buffer.from(raw).toString('utf8')) as ModelJson);
}
