import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ExploitationType, Indicator, Relevance, RelevanceReason } from '../core/index.js';
import { fold, packageRoot } from '../lexicons/index.js';
import { documentWords, forEachWord } from './relevance-words.js';

/**
 * A learned second opinion on the incident label: logistic regression over the document's words and the
 * categories of its counted indicators, trained on our development news sets (scripts/train-relevance.ts).
 *
 * Why: the rules (relevance.ts) are precise but only see what the lexicons name; a case told in plain words that
 * no entry covers ("foram encontradas numa casa onde eram obrigadas a ...") falls through to none or awareness.
 * The model only ever turns such a document into an incident, never the reverse, and only above the threshold the
 * training script chose by cross-validation on the dev sets. It stays explainable: a linear model's reasons are the
 * words and indicator categories that pushed it, each with its weight and (for words) its span in the text.
 */
export interface RelevanceModel {
  /** Bias term and one weight per feature ("w:<folded word>", "c:<indicator category>", "r:<rule id>"). */
  bias: number;
  weights: Record<string, number>;
  /** Probability from which a non-incident becomes an incident. */
  threshold: number;
  /** Provenance: the files and counts it was trained on, and the cross-validation figures. */
  meta: Record<string, unknown>;
  /** One-vs-rest models of the exploitation type, for incidents the rules can only call `unspecified`. */
  types?: Partial<Record<ExploitationType, { bias: number; weights: Record<string, number> }>>;
}

const MODEL_FILE = 'relevance-lr.json.gz';
let cached: RelevanceModel | null | undefined;

/** The bundled model (models/relevance-lr.json.gz), or null when the package has none. */
export function bundledRelevanceModel(): RelevanceModel | null {
  if (cached !== undefined) return cached;
  const path = join(packageRoot(), 'models', MODEL_FILE);
  cached = existsSync(path) ? (JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as RelevanceModel) : null;
  return cached;
}

export interface Feature {
  name: string;
  start?: number;
  end?: number;
}

const WORD = /[\p{L}\p{N}]+/gu;


/**
 * The features of one document, each once (first occurrence): folded words of three or more letters (not bare
 * numbers), the categories of counted (not negated) indicators, and the rule the hand-written decision took.
 */
export function relevanceFeatures(text: string, indicators: readonly Indicator[], ruleId: string | undefined): Feature[] {
  const seen = new Map<string, Feature>();
  for (const m of text.matchAll(WORD)) {
    if (m[0].length < 3 || /^\p{N}+$/u.test(m[0])) continue;
    const name = `w:${fold(m[0])}`;
    if (!seen.has(name)) seen.set(name, { name, start: m.index, end: m.index + m[0].length });
  }
  for (const i of indicators) {
    if (i.negated) continue;
    const name = `c:${i.category}`;
    if (!seen.has(name)) seen.set(name, { name });
  }
  if (ruleId) seen.set(`r:${ruleId}`, { name: `r:${ruleId}` });
  return [...seen.values()];
}

/**
 * The same feature names as `relevanceFeatures`, without spans, at a fraction of the cost: the text is folded once
 * (folding is per character, so word by word or whole gives the same words) and no span objects are made.
 */
export function relevanceFeatureNames(text: string, indicators: readonly Indicator[], ruleId: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const w of documentWords(text)) names.add(`w:${w}`);
  for (const i of indicators) if (!i.negated) names.add(`c:${i.category}`);
  if (ruleId) names.add(`r:${ruleId}`);
  return names;
}

/** P(incident) under the model. */
export function incidentProbability(model: Pick<RelevanceModel, 'bias' | 'weights'>, features: Iterable<Feature | string>): number {
  let z = model.bias;
  for (const f of features) z += model.weights[typeof f === 'string' ? f : f.name] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Each model's `w:` weights by bare word, so that scoring a document's words builds no `w:` strings. */
const wordWeightsOf = new WeakMap<Record<string, number>, Map<string, number>>();

function wordWeights(weights: Record<string, number>): Map<string, number> {
  let m = wordWeightsOf.get(weights);
  if (!m) {
    m = new Map();
    for (const [k, v] of Object.entries(weights)) if (k.startsWith('w:')) m.set(k.slice(2), v);
    wordWeightsOf.set(weights, m);
  }
  return m;
}

/**
 * `incidentProbability(model, relevanceFeatureNames(text, indicators, ruleId))`, computed without the names: the same
 * weights added in the same order (words, then categories, then the rule), features without a weight skipped (they
 * add 0), so the sum and the probability are the same numbers.
 */
function documentProbability(model: Pick<RelevanceModel, 'bias' | 'weights'>, text: string, indicators: readonly Indicator[], ruleId: string | undefined): number {
  const byWord = wordWeights(model.weights);
  let z = model.bias;
  for (const w of documentWords(text)) {
    const x = byWord.get(w);
    if (x !== undefined) z += x;
  }
  const categories = new Set<string>();
  for (const i of indicators) {
    if (i.negated || categories.has(i.category)) continue;
    categories.add(i.category);
    z += model.weights[`c:${i.category}`] ?? 0;
  }
  if (ruleId) z += model.weights[`r:${ruleId}`] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The features of `relevanceFeatures` that have a positive weight, each with it, in the same order (spans of first
 * occurrences): what a learned decision shows as its reasons, without a span object for every word of the text.
 */
function positiveFeatures(model: RelevanceModel, text: string, indicators: readonly Indicator[], ruleId: string | undefined): Array<{ f: Feature; w: number }> {
  const byWord = wordWeights(model.weights);
  const out: Array<{ f: Feature; w: number }> = [];
  const seen = new Set<string>();
  forEachWord(text, (start, end) => {
    const word = fold(text.slice(start, end));
    const w = byWord.get(word);
    if (w === undefined || !(w > 0) || seen.has(word)) return;
    seen.add(word);
    out.push({ f: { name: `w:${word}`, start, end }, w });
  });
  const named = (name: string): void => {
    const w = model.weights[name] ?? 0;
    if (w > 0) out.push({ f: { name }, w });
  };
  const categories = new Set<string>();
  for (const i of indicators) {
    if (i.negated || categories.has(i.category)) continue;
    categories.add(i.category);
    named(`c:${i.category}`);
  }
  if (ruleId) named(`r:${ruleId}`);
  return out;
}

/** Another crime or story the rules recognised: the backstop does not second-guess them there. */
const EXPLAINED_BY = new Set([
  'context.migrant_smuggling',
  'context.drug_trafficking',
  'context.arms_trafficking',
  'context.ransom_kidnapping',
  'context.domestic_violence',
  'context.ruled_out',
  'context.sex_work_policy',
  'context.fiction_history',
  'context.labour_dispute',
  'context.online_grooming',
]);

/**
 * Where the backstop may second-guess the rules: not where they recognised another crime or story (smuggling,
 * drugs, arms, ransom, domestic violence, a ruled-out hypothesis, the sex-work debate, fiction, a labour dispute,
 * an online-grooming complaint).
 */
export function backstopAllowed(indicators: readonly Indicator[]): boolean {
  return !indicators.some((i) => !i.negated && EXPLAINED_BY.has(i.category));
}

/** How many of the strongest positive contributions a learned decision shows as its reasons. */
const SHOWN = 8;

/**
 * The rules' decision, or an incident when the model is confident the rules missed one. Pure given the model.
 */
export function withLearnedBackstop(
  rules: Relevance,
  text: string,
  indicators: readonly Indicator[],
  model: RelevanceModel | null,
): Relevance {
  if (!model || rules.label === 'incident' || !backstopAllowed(indicators)) return rules;
  const ruleId = rules.reasons.find((r) => r.category === 'rule')?.id;
  const p = documentProbability(model, text, indicators, ruleId);
  if (p < model.threshold) return rules;
  // spans only for the (few) documents the model turns into incidents
  const pushed: RelevanceReason[] = positiveFeatures(model, text, indicators, ruleId)
    .sort((a, b) => b.w - a.w)
    .slice(0, SHOWN)
    .map(({ f, w }) => ({
      // a word's reason carries it only as a span of the text, which redaction masks when it is a victim's name
      id: f.start !== undefined ? 'learned.word' : `learned.${f.name}`,
      category: 'learned',
      weight: Math.round(w * 1000) / 1000,
      ...(f.start !== undefined ? { start: f.start, end: f.end!, text: text.slice(f.start, f.end) } : { text: f.name.slice(2) }),
    }));
  const score = Math.round(p * 1000) / 1000;
  return {
    label: 'incident',
    score,
    reasons: [{ id: 'rule.learned_backstop', category: 'rule', weight: score }, ...pushed, ...rules.reasons.filter((r) => r.category !== 'rule')],
  };
}

/** A type model's probability from which it names the type of an incident the rules left `unspecified`. */
export const TYPE_THRESHOLD = 0.5;

/**
 * The rules' types, except that an incident they can only call `unspecified` (no purpose named or described) gets
 * the type model's most probable type when that probability reaches TYPE_THRESHOLD.
 */
export function refineUnspecified(
  types: ExploitationType[],
  text: string,
  indicators: readonly Indicator[],
  ruleId: string | undefined,
  model: RelevanceModel | null,
): ExploitationType[] {
  if (!model?.types || types.length !== 1 || types[0] !== 'unspecified') return types;
  let best: ExploitationType | null = null;
  let bestP = TYPE_THRESHOLD;
  for (const [t, m] of Object.entries(model.types) as Array<[ExploitationType, { bias: number; weights: Record<string, number> }]>) {
    const p = documentProbability(m, text, indicators, ruleId);
    if (p >= bestP) {
      best = t;
      bestP = p;
    }
  }
  return best ? [best] : types;
}
