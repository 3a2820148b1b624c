import { docTopicBits } from './sentence-view.js';
import type { Gazetteer } from './gazetteer.js';
import { NT, TAGS, quantize, type NerModel } from './model.js';
import { DEFAULT_SEGMENTS, type SegmentOptions } from './segments.js';
import { chunks, evaluate, tagIndex } from './evaluate.js';
import { decodeSegment, sentenceFeatures, type DecodeParams, type SegmentFeatures } from './tagger.js';

/** A tokenised sentence with one BIO tag (from TAGS) per token. */
export interface TaggedSentence {
  words: string[];
  tags: string[];
  /** Document topic bits; trainNer fills it from groups of `docSentences` consecutive sentences when absent. */
  docBits?: number;
}

/** Sets docBits on sentences that lack it, treating each run of `size` consecutive sentences as a document. */
export function assignDocBits(sentences: readonly TaggedSentence[], size = 20): void {
  for (let i = 0; i < sentences.length; i += size) {
    const group = sentences.slice(i, i + size);
    const bits = docTopicBits(group.flatMap((s) => s.words));
    for (const s of group) s.docBits ??= bits;
  }
}

export interface TrainOptions {
  lang: string;
  gazetteer: Gazetteer;
  epochs?: number;
  seed?: number;
  /** log2 of the number of feature buckets. */
  bits?: number;
  /** Averaged weights below this magnitude are dropped from the saved model. */
  minWeight?: number;
  segments?: SegmentOptions;
  dev?: TaggedSentence[];
  meta?: Record<string, unknown>;
  onProgress?: (msg: string) => void;
}

interface Unit extends SegmentFeatures {
  gold: Uint8Array;
}

/** Deterministic PRNG (mulberry32) so training is reproducible from a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of `order` in place, drawing from `random` (the training epochs' example order). */
export function shuffleInPlace(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}


/** Trains an averaged structured perceptron (first-order Viterbi over BIO tags) on candidate segments. */
export function trainNer(sentences: readonly TaggedSentence[], opts: TrainOptions): NerModel {
  const epochs = opts.epochs ?? 8;
  const bits = opts.bits ?? 20;
  const segments = opts.segments ?? DEFAULT_SEGMENTS;
  const log = opts.onProgress ?? (() => {});
  const random = rng(opts.seed ?? 1);
  assignDocBits(sentences);
  if (opts.dev) assignDocBits(opts.dev);
  const units: Unit[] = [];
  let goldTotal = 0;
  let goldCovered = 0;
  for (const s of sentences) {
    const gold = Uint8Array.from(s.tags.map(tagIndex));
    const all = chunks(gold);
    goldTotal += all.size;
    for (const seg of sentenceFeatures(s.words, opts.gazetteer, segments, s.docBits ?? 0)) {
      const g = gold.slice(seg.start, seg.end);
      if (g.length > 0 && TAGS[g[0]!]!.startsWith('I-')) g[0] = g[0]! - 1; // clipped entity: I-X -> B-X
      for (const c of all) {
        const [a, b] = c.split(':').map(Number) as [number, number];
        if (a >= seg.start && b <= seg.end) goldCovered++;
      }
      units.push({ ...seg, gold: g });
    }
  }
  log(`${sentences.length} sentences, ${units.length} segments, ${goldCovered}/${goldTotal} gold entities inside segments`);

  const size = (1 << bits) * NT;
  const mask = (1 << bits) - 1;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const tr = new Float64Array(NT * NT);
  const tu = new Float64Array(NT * NT);
  let c = 1;
  const params: DecodeParams = { weights: w, scale: 1, bits, transitions: tr, gazetteer: opts.gazetteer, segments };
  const averaged = (): { weights: Float64Array; transitions: Float64Array } => {
    const aw = new Float64Array(size);
    for (let i = 0; i < size; i++) aw[i] = w[i]! - u[i]! / c;
    const at = new Float64Array(NT * NT);
    for (let i = 0; i < NT * NT; i++) at[i] = tr[i]! - tu[i]! / c;
    return { weights: aw, transitions: at };
  };
  const order = units.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, random);
    let errors = 0;
    for (const idx of order) {
      const unit = units[idx]!;
      const n = unit.end - unit.start;
      const pred = new Uint8Array(n);
      decodeSegment(params, unit, pred);
      let same = true;
      for (let j = 0; j < n; j++) if (pred[j] !== unit.gold[j]) same = false;
      if (!same) {
        errors++;
        for (let j = 0; j < n; j++) {
          const g = unit.gold[j]!;
          const p = pred[j]!;
          if (g !== p) {
            for (let k = unit.offs[j]!; k < unit.offs[j + 1]!; k++) {
              const base = (unit.feats[k]! & mask) * NT;
              w[base + g] = w[base + g]! + 1;
              u[base + g] = u[base + g]! + c;
              w[base + p] = w[base + p]! - 1;
              u[base + p] = u[base + p]! - c;
            }
          }
        }
        for (let j = 0; j <= n; j++) {
          const gi = (j === 0 ? 0 : unit.gold[j - 1]!) * NT + (j === n ? 0 : unit.gold[j]!);
          const pi = (j === 0 ? 0 : pred[j - 1]!) * NT + (j === n ? 0 : pred[j]!);
          if (gi === pi) continue;
          tr[gi] = tr[gi]! + 1;
          tu[gi] = tu[gi]! + c;
          tr[pi] = tr[pi]! - 1;
          tu[pi] = tu[pi]! - c;
        }
      }
      c++;
    }
    let msg = `epoch ${epoch}/${epochs}: ${errors} of ${units.length} segments wrong`;
    if (opts.dev && opts.dev.length > 0 && (epoch === epochs || epoch % 2 === 0)) {
      const avg = averaged();
      const r = evaluate({ ...params, weights: avg.weights, transitions: avg.transitions }, opts.dev);
      msg += `; dev P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)}`;
    }
    log(msg);
  }
  const avg = averaged();
  const q = quantize(avg.weights, opts.minWeight ?? 0);
  return {
    lang: opts.lang,
    bits,
    weights: q.weights,
    scale: q.scale,
    transitions: Float32Array.from(avg.transitions),
    gazetteer: opts.gazetteer,
    segments,
    meta: { ...opts.meta, epochs, seed: opts.seed ?? 1, trainSentences: sentences.length },
  };
}
