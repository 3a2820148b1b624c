import type { Entity } from '../../core/index.js';
import type { AnalysisDoc, Extractor } from '../types.js';
import { shareWordTokens } from '../places/index.js';
import { extractAges } from './ages.js';
import { extractDates } from './dates.js';
import { extractMoney } from './money.js';
import { extractNationalities } from './nationalities.js';
import { extractPhones } from './phones.js';

type ValueOptions = { publishedAt?: string | null | undefined; countryHint?: string | undefined };

/** Each kind of value entity of a text. */
function valuesByKind(text: string, lang: string, opts: ValueOptions): { all: Entity[]; ages: Entity[]; nationalities: Entity[] } {
  const dates = extractDates(text, lang, opts.publishedAt ?? null);
  const ages = extractAges(text);
  const money = extractMoney(text, lang, opts.countryHint);
  const phones = extractPhones(text, [...dates, ...money]);
  const nats = extractNationalities(text);
  return { all: [...dates, ...ages, ...money, ...phones, ...nats].sort((a, b) => a.start - b.start || a.end - b.end), ages, nationalities: nats };
}

/** All value entities of a text: dates, ages, money, phones, nationalities (sorted by offset). */
export function extractValues(text: string, lang: string, opts: ValueOptions = {}): Entity[] {
  return valuesByKind(text, lang, opts).all;
}

/**
 * The ages and nationalities `values` found in each document (`extractAges`, `extractNationalities` of its text).
 * `victims` reads them from the document's entities, and when there are none would look for them again.
 */
const foundByDocument = new WeakMap<object, { ages: readonly Entity[]; nationalities: readonly Entity[] }>();

export function valuesFound(doc: object): { ages: readonly Entity[]; nationalities: readonly Entity[] } | undefined {
  return foundByDocument.get(doc);
}

/** Appends value entities to `doc.entities`. Runs after NER (`entities`), before `victims`. */
export const values: Extractor = {
  name: 'values',
  // 2 (2026-11-29): 78 more demonyms, and hyphenated Portuguese ones ("cabo-verdianas", "norte-americano") read at last.
  // 3 (2026-11-29): age pairs with an article or pronoun before the second ("entre os 16 e os 19 anos", "una de 17 y otra de 20 años").
  version: '3',
  extract(doc: AnalysisDoc): void {
    shareWordTokens(doc);
    const found = valuesByKind(doc.text, doc.language, { publishedAt: doc.input.publishedAt, countryHint: doc.input.countryHint });
    foundByDocument.set(doc, { ages: found.ages, nationalities: found.nationalities });
    doc.entities.push(...found.all);
  },
};
