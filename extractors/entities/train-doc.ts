/**
 * Training of the document stage (see doc-stage.ts). The first-stage outputs it learns from must come
 * from models that did not see the sentence (cross-validation folds), or the hints look better than
 * they will be at run time.
 */
import { viterbi } from './decode.js';
import { docHints } from './doc-hints.js';
import { firstStage, hasDocEvidence, segmentHintFeatures, tagDocument, type DocModel } from './doc-stage.js';
import { chunks, scoreChunks, tagIndex, type ChunkScore } from './evaluate.js';
import { NT, TAGS } from './model.js';
import type { DecodeParams } from './tagger.js';
import { rng, shuffleInPlace, type TaggedSentence } from './train.js';

/** A document-stage training unit: one segment with its first-stage emissions and hint features. */
export interface DocUnit {
  emis: Float64Array;
  trans: Float64Array;
  feats: Uint32Array;
  offs: Int32Array;
  gold: Uint8Array;
}

/** Splits sentences into documents of `size` consecutive sentences (the grouping assignDocBits uses). */
export function documents<T>(sentences: readonly T[], size = 20): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < sentences.length; i += size) out.push(sentences.slice(i, i + size));
  return out;
}

/** Document-stage units of the documents `docs`, with first-stage outputs from `p`. */
export function docUnits(p: DecodeParams, docs: readonly (readonly TaggedSentence[])[], bits: number): DocUnit[] {
  const units: DocUnit[] = [];
  const mask = (1 << bits) - 1;
  const trans = Float64Array.from(p.transitions);
  for (const doc of docs) {
    const words = doc.map((s) => s.words);
    const first = firstStage(p, words, doc[0]?.docBits ?? 0);
    const hints = docHints(first.infos, first.tags);
    for (const seg of first.segments) {
      if (!hasDocEvidence(seg, hints[seg.sentence]!)) continue;
      const n = seg.end - seg.start;
      const hf = segmentHintFeatures(seg, hints[seg.sentence]!);
      const feats = Uint32Array.from(hf.feats.subarray(0, hf.offs[n]!), (f) => f & mask);
      const gold = Uint8Array.from(doc[seg.sentence]!.tags.slice(seg.start, seg.end), tagIndex);
      if (n > 0 && TAGS[gold[0]!]!.startsWith('I-')) gold[0] = gold[0]! - 1;
      units.push({ emis: seg.emis, trans, feats, offs: hf.offs.slice(0, n + 1), gold });
    }
  }
  return units;
}


function decodeUnit(u: DocUnit, w: ArrayLike<number>, dt: ArrayLike<number>, out: Uint8Array, emis: Float64Array): void {
  const n = u.gold.length;
  for (let j = 0; j < n; j++) {
    for (let t = 0; t < NT; t++) {
      let s = u.emis[j * NT + t]!;
      for (let k = u.offs[j]!; k < u.offs[j + 1]!; k++) s += w[u.feats[k]! * NT + t]!;
      emis[j * NT + t] = s;
    }
  }
  const tr = new Float64Array(NT * NT);
  for (let i = 0; i < NT * NT; i++) tr[i] = u.trans[i]! + dt[i]!;
  viterbi(emis, n, tr, out, false, 0);
}

/** Averaged perceptron over the hint features, with the first-stage scores fixed. */
export function trainDocModel(
  units: readonly DocUnit[],
  opts: { bits: number; epochs: number; seed: number; rate?: number; onProgress?: (m: string) => void },
): DocModel {
  const size = (1 << opts.bits) * NT;
  const rate = opts.rate ?? 1;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const dt = new Float64Array(NT * NT);
  const du = new Float64Array(NT * NT);
  let c = 1;
  const random = rng(opts.seed);
  const order = units.map((_, i) => i);
  let emis = new Float64Array(256 * NT);
  let pred = new Uint8Array(256);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(order, random);
    let errors = 0;
    for (const idx of order) {
      const unit = units[idx]!;
      const n = unit.gold.length;
      if (emis.length < n * NT) emis = new Float64Array(n * NT * 2);
      if (pred.length < n) pred = new Uint8Array(n * 2);
      decodeUnit(unit, w, dt, pred, emis);
      let same = true;
      for (let j = 0; j < n; j++) if (pred[j] !== unit.gold[j]) same = false;
      if (!same) {
        errors++;
        for (let j = 0; j < n; j++) {
          const g = unit.gold[j]!;
          const p = pred[j]!;
          if (g === p) continue;
          for (let k = unit.offs[j]!; k < unit.offs[j + 1]!; k++) {
            const base = unit.feats[k]! * NT;
            w[base + g] = w[base + g]! + rate;
            u[base + g] = u[base + g]! + c * rate;
            w[base + p] = w[base + p]! - rate;
            u[base + p] = u[base + p]! - c * rate;
          }
        }
        for (let j = 0; j <= n; j++) {
          const gi = (j === 0 ? 0 : unit.gold[j - 1]!) * NT + (j === n ? 0 : unit.gold[j]!);
          const pi = (j === 0 ? 0 : pred[j - 1]!) * NT + (j === n ? 0 : pred[j]!);
          if (gi === pi) continue;
          dt[gi] = dt[gi]! + rate;
          du[gi] = du[gi]! + c * rate;
          dt[pi] = dt[pi]! - rate;
          du[pi] = du[pi]! - c * rate;
        }
      }
      c++;
    }
    opts.onProgress?.(`doc stage epoch ${epoch}/${opts.epochs}: ${errors} of ${units.length} segments wrong`);
  }
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = w[i]! - u[i]! / c;
  const transitions = new Float32Array(NT * NT);
  for (let i = 0; i < NT * NT; i++) transitions[i] = dt[i]! - du[i]! / c;
  return { bits: opts.bits, weights, transitions, meta: { epochs: opts.epochs, seed: opts.seed, rate } };
}

/** Micro entity P/R/F1 of first stage + document stage over documents. */
export function evaluateDocs(p: DecodeParams, doc: DocModel | undefined, docs: readonly (readonly TaggedSentence[])[]): ChunkScore {
  return scoreChunks(
    docs.flatMap((d) => {
      const tags = tagDocument(p, doc, d.map((s) => s.words), d[0]?.docBits ?? 0);
      return d.map((s, k) => [chunks(s.tags.map(tagIndex)), chunks(tags[k]!)] as const);
    }),
  );
}
