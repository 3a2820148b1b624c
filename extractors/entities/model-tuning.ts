import { NT, TAGS, quantize, type NerModel } from './model.js';

/** Averages models trained on the same data with different seeds (same bits, gazetteer and windows). */
export function averageModels(models: readonly NerModel[]): NerModel {
  const first = models[0];
  if (!first) throw new Error('averageModels: no models');
  const w = new Float64Array(first.weights.length);
  const tr = new Float64Array(first.transitions.length);
  for (const m of models) {
    if (m.bits !== first.bits) throw new Error('averageModels: models differ in bits');
    for (let i = 0; i < w.length; i++) w[i] = w[i]! + (m.weights[i]! * m.scale) / models.length;
    for (let i = 0; i < tr.length; i++) tr[i] = tr[i]! + m.transitions[i]! / models.length;
  }
  const q = quantize(w, 0);
  return {
    ...first,
    weights: q.weights,
    scale: q.scale,
    transitions: Float32Array.from(tr),
    meta: { ...first.meta, seeds: models.map((m) => m.meta.seed) },
  };
}

/**
 * Adds `bias` to every transition into each named tag (e.g. { 'B-LOC': -16 }): a per-tag prior that
 * trades one type's precision for recall, tuned on dev data. Returns a new model.
 */
export function withTagBias(model: NerModel, bias: Readonly<Record<string, number>>): NerModel {
  const tr = Float32Array.from(model.transitions);
  for (const [tag, b] of Object.entries(bias)) {
    const t = (TAGS as readonly string[]).indexOf(tag);
    if (t < 0) throw new Error(`withTagBias: unknown tag ${tag}`);
    for (let p = 0; p < NT; p++) tr[p * NT + t] = tr[p * NT + t]! + b;
  }
  return { ...model, transitions: tr, meta: { ...model.meta, tagBias: bias } };
}
