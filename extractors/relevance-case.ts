import type { Indicator } from '../core/index.js';
import type { AnalysisDoc } from './types.js';

/** What makes a document a specific case, for the relevance rules (extractors/relevance.ts). */

/** How much each event category says "a specific case happened" (hotlines and job-offer warnings say little). */
export const CASE_WEIGHTS: Readonly<Record<string, number>> = {
  'event.arrest_raid': 1,
  'event.rescue': 1,
  'event.charge_conviction': 1,
  'event.complaint_report': 0.5,
  'event.escape': 0.5,
  'event.investigation': 0.25,
  'event.missing_person': 0.5,
  'event.recruitment_offer': 0.25,
};

/** ILO indicators that ordinary labour disputes share with forced labour (wages, hours, conditions). */
export const LABOUR_STANDARDS: ReadonlySet<string> = new Set(['ilo.withholding_wages', 'ilo.excessive_overtime', 'ilo.abusive_conditions']);

/** Event categories by which a case surfaces before any arrest or rescue. */
export const REPORT_EVENTS: ReadonlySet<string> = new Set(['event.complaint_report', 'event.escape', 'event.investigation']);

/** Beside an awareness frame, only a group this small reads as one case's victims. */
export const SMALL_GROUP_MAX = 60;

/** A counted group up to this size can be one case's victims (mass rescues of a few hundred workers happen, e.g. in
 * Brazil); "more than 1,000 victims" is a statistic. */
export const SPECIFIC_VICTIM_MAX = 500;

/** An age bound ("menores de 18 años", "under 18", "entre 18 y 25") describes a population, not a person. */
const AGE_BOUND = /^(menores|menor|mayores|mayor|menos|mas|más|hasta|entre|maiores|maior|até|under|over|above|below|between|up to|at least|older|younger)\b/i;

/** A victim the text makes specific: a counted group, or one person (an age, a name). */
export interface SpecificVictim {
  text: string;
  kind: 'count' | 'person';
  start?: number;
  end?: number;
}

/**
 * The specific victim of a case, if the text gives one: a person's age ("una joven de 19 años", "a 15-year-old"),
 * a small counted group of victims, or a person named as the victim.
 */
export function specificVictim(doc: Pick<AnalysisDoc, 'victims' | 'entities'>): SpecificVictim | null {
  const count = doc.victims?.count ?? null;
  if (count !== null && count > 0 && count <= SPECIFIC_VICTIM_MAX) {
    const ev = doc.victims?.evidence?.find((e) => e.supports === 'count');
    return ev ? { start: ev.start, end: ev.end, text: ev.text, kind: 'count' } : { text: String(count), kind: 'count' };
  }
  for (const e of doc.entities ?? []) {
    const person = e.type === 'person' && e.role === 'victim';
    const age = e.type === 'age' && typeof e.value === 'number' && e.value > 0 && e.value < 100 && !AGE_BOUND.test(e.text);
    if (person || age) return { start: e.start, end: e.end, text: e.text, kind: 'person' };
  }
  return null;
}

/** True when every longer word of the hit is capitalised and the hit does not open its sentence (a name). */
export function isNameLike(i: Indicator): boolean {
  if (i.sentence && i.sentence.start === i.start) return false;
  let capitalised = capitalisedTexts.get(i.text);
  if (capitalised === undefined) {
    const words = i.text.split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
    capitalised = words.length > 0 && words.every((w) => w[0] !== w[0]!.toLowerCase());
    if (capitalisedTexts.size >= 10_000) capitalisedTexts.clear();
    capitalisedTexts.set(i.text, capitalised);
  }
  return capitalised;
}

/** Whether every longer word of a hit's text is capitalised, by text: hits repeat the same few phrases. */
const capitalisedTexts = new Map<string, boolean>();
