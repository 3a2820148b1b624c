/**
 * NER-only command speaking the `extract` contract of ../shared/eval/README.md, for score-ner.mjs:
 *   node ../shared/eval/score-ner.mjs --cmd "npx tsx bench/ner-runner.ts" --data FILE --lang es
 * Reads JSON Lines {id, text, lang} on stdin, prints one {id, entities, ...empty fields} per line.
 */
import { createInterface } from 'node:readline';
import { recognizeEntities } from '../extractors/index.js';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line.trim() === '') continue;
  const item = JSON.parse(line) as { id: string; text: string; lang?: string };
  const entities = recognizeEntities(item.text, item.lang ?? 'es').map(({ type, text, start, end, ref }) =>
    ref === undefined ? { type, text, start, end } : { type, text, start, end, ref },
  );
  const out = {
    id: item.id,
    language: item.lang ?? 'es',
    relevance: { label: 'none', score: 0 },
    types: [],
    indicators: [],
    entities,
    places: [],
    countries: [],
    eventCountry: null,
    victims: { count: null, minors: null, nationalities: [] },
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}
