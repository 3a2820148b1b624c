/**
 * Scores extractor output on a labelled news set (the held-out scorer's format, ../shared/eval/score-news.mjs):
 * incident precision/recall/F1 per language, negatives flagged, types (also per language and per type),
 * countries, event country, victims. Used by bench/eval-dev.ts.
 */
import type { Extraction } from '../core/index.js';

export interface NewsCase {
  id: string;
  lang: string;
  label: 'incident' | 'awareness' | 'negative';
  types: string[];
  countries: string[];
  event_country: string | null;
  victims: { count: number | null; minors: boolean | null; nationalities: string[] };
  text: string;
}

type Counts = { tp: number; fp: number; fn: number };

export interface NewsScore {
  metrics: Record<string, number | null>;
  /** Incident counts per language and 'all'. */
  inc: Record<string, Counts>;
  confusion: Record<string, Record<string, number>>;
  /** Per exploitation type: right, spurious, missed (on gold incidents). */
  perType: Record<string, Counts>;
  misses: string[];
}

export const prf = (tp: number, fp: number, fn: number) => {
  const p = tp + fp ? tp / (tp + fp) : null;
  const r = tp + fn ? tp / (tp + fn) : null;
  const f = p !== null && r !== null && p + r ? (2 * p * r) / (p + r) : null;
  return { p, r, f };
};
export const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

export function scoreNews(cases: readonly NewsCase[], extract: (input: { text: string }) => Extraction): NewsScore {
  const inc: Record<string, Counts> = {};
  const setAcc = { types: { tp: 0, fp: 0, fn: 0 }, countries: { tp: 0, fp: 0, fn: 0 } };
  const typesByLang: Record<string, { tp: number; fp: number; fn: number }> = {};
  const negByLang: Record<string, { n: number; flagged: number }> = {};
  const perType: Record<string, { tp: number; fp: number; fn: number }> = {};
  let negatives = 0, negFlagged = 0, acc3 = 0, evN = 0, evOk = 0, vcN = 0, vcOk = 0, mnN = 0, mnOk = 0, langOk = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const misses: string[] = [];
  for (const c of cases) {
    const x = extract({ text: c.text });
    const gold = c.label === 'negative' ? 'none' : c.label;
    const pred = x.relevance.label;
    (confusion[gold] ??= {})[pred] = (confusion[gold]![pred] ?? 0) + 1;
    if (gold === pred) acc3++;
    if (x.language.split('-')[0] === c.lang) langOk++;
    for (const k of [c.lang, 'all']) {
      const s = (inc[k] ??= { tp: 0, fp: 0, fn: 0 });
      if (gold === 'incident' && pred === 'incident') s.tp++;
      else if (gold !== 'incident' && pred === 'incident') s.fp++;
      else if (gold === 'incident') s.fn++;
    }
    if (gold !== pred) misses.push(`${c.id}: gold ${gold}, got ${pred} (${x.relevance.score.toFixed(2)})`);
    if (c.label === 'negative') {
      negatives++;
      if (pred === 'incident') negFlagged++;
      const nl = (negByLang[c.lang] ??= { n: 0, flagged: 0 });
      nl.n++;
      if (pred === 'incident') nl.flagged++;
    }
    const cmp = (acc: { tp: number; fp: number; fn: number }, g: string[], p: string[]) => {
      const G = new Set(g.map((s) => s.toUpperCase()));
      const P = new Set(p.map((s) => s.toUpperCase()));
      for (const v of P) G.has(v) ? acc.tp++ : acc.fp++;
      for (const v of G) if (!P.has(v)) acc.fn++;
    };
    if (c.label === 'incident') {
      cmp(setAcc.types, c.types, x.types);
      cmp((typesByLang[c.lang] ??= { tp: 0, fp: 0, fn: 0 }), c.types, x.types);
      const predicted: readonly string[] = x.types;
      for (const t of new Set([...c.types, ...predicted])) {
        const a = (perType[t] ??= { tp: 0, fp: 0, fn: 0 });
        if (c.types.includes(t) && predicted.includes(t)) a.tp++;
        else if (predicted.includes(t)) a.fp++;
        else a.fn++;
      }
    }
    cmp(setAcc.countries, c.countries, x.countries);
    if (c.label === 'incident' && c.event_country) {
      evN++;
      if (x.eventCountry === c.event_country) evOk++;
    }
    if (c.victims.count !== null) {
      vcN++;
      if (x.victims.count === c.victims.count) vcOk++;
    }
    if (c.victims.minors !== null) {
      mnN++;
      if (x.victims.minors === c.victims.minors) mnOk++;
    }
  }
  const metrics: Record<string, number | null> = {};
  for (const [k, s] of Object.entries(inc)) {
    const { p, r, f } = prf(s.tp, s.fp, s.fn);
    const key = k === 'all' ? 'incident' : `incident_${k}`;
    metrics[`${key}_precision`] = round(p);
    metrics[`${key}_recall`] = round(r);
    metrics[`${key}_f1`] = round(f);
  }
  metrics.accuracy3 = round(acc3 / cases.length);
  metrics.fpr_negatives = round(negatives ? negFlagged / negatives : null);
  metrics.types_f1 = round(prf(setAcc.types.tp, setAcc.types.fp, setAcc.types.fn).f);
  for (const [k, s] of Object.entries(typesByLang)) metrics[`types_f1_${k}`] = round(prf(s.tp, s.fp, s.fn).f);
  for (const [k, s] of Object.entries(negByLang)) metrics[`fpr_negatives_${k}`] = round(s.n ? s.flagged / s.n : null);
  metrics.countries_f1 = round(prf(setAcc.countries.tp, setAcc.countries.fp, setAcc.countries.fn).f);
  metrics.event_country_acc = round(evN ? evOk / evN : null);
  metrics.victim_count_acc = round(vcN ? vcOk / vcN : null);
  metrics.minors_acc = round(mnN ? mnOk / mnN : null);
  metrics.language_acc = round(langOk / cases.length);
  return { metrics, inc, confusion, perType, misses };
}
