/**
 * `extract`-contract runner for the geo scorers: fills `places` (plus countries, eventCountry and victims
 * from our extractors), leaves the rest empty. Usage: npx tsx bench/geo-runner.ts < items.jsonl
 */
import { createInterface } from 'node:readline';
import { resolvePlaces } from '../extractors/places/index.js';

interface Item { id: string; text: string; lang?: string; countryHint?: string }

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const item = JSON.parse(line) as Item;
  const places = resolvePlaces(item.text, item.lang ?? 'en', { countryHint: item.countryHint });
  const out = {
    id: item.id, language: item.lang ?? 'en', relevance: { label: 'none', score: 0 }, types: [], indicators: [], entities: [],
    places: places.map((p) => ({ text: p.text, start: p.start, end: p.end, name: p.name, countryCode: p.countryCode, admin1: p.admin1, lat: p.lat, lon: p.lon, confidence: p.confidence })),
    countries: [], eventCountry: null, victims: { count: null, minors: null, nationalities: [] },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
