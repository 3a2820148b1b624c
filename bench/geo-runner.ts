/**
 * `extract`-contract runner for the geo and news scorers: runs our extractors (values -> victims -> places -> roles)
 * and fills places, countries, eventCountry, victims and value entities; relevance, types and indicators stay empty.
 * Usage: npx tsx bench/geo-runner.ts [--ner] < items.jsonl   (`--ner` runs the NER extractor first, as the full pipeline does)
 */
import { createInterface } from 'node:readline';
import type { AnalysisDoc, Extractor } from '../extractors/index.js';
import { entitiesExtractor, places, roles, values, victims } from '../extractors/index.js';

interface Item { id: string; text: string; lang?: string; countryHint?: string; publishedAt?: string }

/** Stop-word vote, good enough to pick es/pt/en for number and date formats in this runner. */
function guessLang(text: string): string {
  const sample = text.slice(0, 2000).toLowerCase();
  const count = (re: RegExp): number => (sample.match(re) ?? []).length;
  const es = count(/\b(?:el|los|las|del|que|por|una|con|fue|para|según)\b/g);
  const pt = count(/\b(?:os|das|dos|não|uma|com|foi|pela|pelo|em|são)\b/g);
  const en = count(/\b(?:the|and|of|was|were|with|that|for|from|by)\b/g);
  return en >= es && en >= pt ? 'en' : pt > es ? 'pt' : 'es';
}

const ctx = { lexicons: null, keepVictimNames: false };
const list: Extractor[] = [...(process.argv.includes('--ner') ? [entitiesExtractor] : []), values, victims, places, roles];
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const item = JSON.parse(line) as Item;
  const input = { text: item.text, ...(item.lang ? { lang: item.lang } : {}), ...(item.countryHint ? { countryHint: item.countryHint } : {}), ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}) };
  const doc: AnalysisDoc = {
    text: item.text, input, language: item.lang ?? guessLang(item.text), sentences: [], indicators: [], entities: [], places: [],
    countries: [], eventCountry: null, victims: { count: null, minors: null, nationalities: [] },
    relevance: { label: 'none', score: 0, reasons: [] }, types: [],
  };
  for (const x of list) x.extract(doc, ctx);
  const out = {
    id: item.id, language: doc.language, relevance: { label: 'none', score: 0 }, types: [], indicators: [],
    entities: doc.entities.map((e) => ({ type: e.type, text: e.text, start: e.start, end: e.end, value: e.value })),
    places: doc.places.map((p) => ({ text: p.text, start: p.start, end: p.end, name: p.name, countryCode: p.countryCode, admin1: p.admin1, lat: p.lat, lon: p.lon, confidence: p.confidence })),
    countries: doc.countries, eventCountry: doc.eventCountry,
    victims: { count: doc.victims.count, minors: doc.victims.minors, nationalities: doc.victims.nationalities },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
