/**
 * Stand-in for `rastro extract` until the CLI is wired: reads {id, text, lang?} JSON Lines on stdin and
 * writes the extract contract with language, indicators, relevance and types filled (other fields empty).
 *   node /work/shared/eval/score-news.mjs --cmd "npx tsx bench/news-dev-runner.ts" --data samples/dev/news.jsonl
 * Env LEXICONS=<dir> points at another lexicon folder.
 */
import { createInterface } from 'node:readline';
import { loadLexicons } from '../lexicons/index.js';
import { detectLanguage, indicatorsExtractor, relevanceExtractor } from '../extractors/index.js';
import type { AnalysisDoc, ExtractContext } from '../extractors/index.js';

const lexicons = loadLexicons(process.env.LEXICONS || undefined);
const ctx: ExtractContext = { lexicons, keepVictimNames: false };
process.stderr.write(`lexicons ${lexicons.version}: ${lexicons.entries.length} entries, ${lexicons.languages.join(',')}\n`);

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  const item = JSON.parse(line) as { id: string; text: string; lang?: string };
  const doc: AnalysisDoc = {
    text: item.text,
    input: item.lang ? { text: item.text, lang: item.lang } : { text: item.text },
    language: detectLanguage(item.text, item.lang),
    sentences: [],
    indicators: [],
    entities: [],
    places: [],
    countries: [],
    eventCountry: null,
    victims: { count: null, minors: null, nationalities: [] },
    relevance: { label: 'none', score: 0, reasons: [] },
    types: [],
  };
  indicatorsExtractor.extract(doc, ctx);
  relevanceExtractor.extract(doc, ctx);
  const out = {
    id: item.id,
    language: doc.language,
    relevance: { label: doc.relevance.label, score: doc.relevance.score, reasons: doc.relevance.reasons },
    types: doc.types,
    indicators: doc.indicators.map((i) => ({ id: i.id, category: i.category, start: i.start, end: i.end, text: i.text, ...(i.negated ? { negated: true } : {}) })),
    entities: [],
    places: [],
    countries: [],
    eventCountry: null,
    victims: { count: null, minors: null, nationalities: [] },
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
