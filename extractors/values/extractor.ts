import type { Entity } from '../../core/index.js';
import type { AnalysisDoc, Extractor } from '../types.js';
import { shareWordTokens } from '../places/index.js';
import { extractAges } from './ages.js';
import { extractDates } from './dates.js';
import { extractMoney } from './money.js';
import { extractNationalities } from './nationalities.js';
import { extractPhones } from './phones.js';

/** All value entities of a text: dates, ages, money, phones, nationalities (sorted by offset). */
export function extractValues(text: string, lang: string, opts: { publishedAt?: string | null | undefined; countryHint?: string | undefined } = {}): Entity[] {
  const dates = extractDates(text, lang, opts.publishedAt ?? null);
  const ages = extractAges(text);
  const money = extractMoney(text, lang, opts.countryHint);
  const phones = extractPhones(text, [...dates, ...money]);
  const nats = extractNationalities(text);
  return [...dates, ...ages, ...money, ...phones, ...nats].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Appends value entities to `doc.entities`. Runs after NER (`entities`), before `victims`. */
export const values: Extractor = {
  name: 'values',
  version: '1',
  extract(doc: AnalysisDoc): void {
    shareWordTokens(doc);
    const found = extractValues(doc.text, doc.language, { publishedAt: doc.input.publishedAt, countryHint: doc.input.countryHint });
    doc.entities.push(...found);
  },
};
