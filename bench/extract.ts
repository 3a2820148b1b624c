/**
 * Full `rastro extract` throughput (everything in the contract, all languages) against wink-nlp's full English
 * pipeline alone over the same news-length texts, side by side in one process and one core.
 * Texts: our dev set (samples/dev/news.jsonl) joined into ~4 KB documents. Run: node dist/bench/extract.js [--seconds S]
 * The two sides alternate pass by pass, so both see the same machine load (see `race`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadLexicons, packageRoot } from '../lexicons/index.js';
import { createExtractor } from '../extractors/index.js';
import { join } from 'node:path';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 3) || 3;
const root = packageRoot();
const lines = readFileSync(join(root, 'samples', 'dev', 'news.jsonl'), 'utf8').split('\n').filter(Boolean);
const items = lines.map((l) => JSON.parse(l) as { text: string; lang: string });

/** ~4 KB documents of one language each, like a news article. */
function buildDocs(): Array<{ text: string; lang: string }> {
  const docs: Array<{ text: string; lang: string }> = [];
  for (const lang of ['es', 'pt', 'en']) {
    let cur = '';
    for (const it of items.filter((i) => i.lang === lang)) {
      cur += (cur ? '\n\n' : '') + it.text;
      if (cur.length >= 4000) {
        docs.push({ text: cur, lang });
        cur = '';
      }
    }
  }
  return docs;
}

interface Rate {
  name: string;
  docsPerSec: number;
  mbPerSec: number;
}

/**
 * Both pipelines, one pass over the documents each in turn (wink first in every pair), for `seconds`:
 * on a shared machine the load changes within seconds, and alternating passes exposes both sides to the
 * same load. Reports each side's median pass and the median of the per-pair ratios.
 */
function race(docs: Array<{ text: string }>, sides: Array<{ name: string; fn: (t: string) => unknown }>): { rates: Rate[]; ratio: number } {
  for (const side of sides) for (const d of docs.slice(0, 20)) side.fn(d.text); // warm-up
  const bytes = docs.reduce((a, d) => a + d.text.length, 0);
  const passes: number[][] = sides.map(() => []);
  const pairRatios: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  do {
    const pair = sides.map((side, k) => {
      const t0 = process.hrtime.bigint();
      for (const d of docs) side.fn(d.text);
      const r = docs.length / (Number(process.hrtime.bigint() - t0) / 1e9);
      passes[k]!.push(r);
      return r;
    });
    pairRatios.push(pair[1]! / pair[0]!);
  } while (Date.now() < deadline || pairRatios.length < 3);
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rates = sides.map((side, k) => {
    const med = median(passes[k]!);
    return { name: side.name, docsPerSec: med, mbPerSec: (med * bytes) / docs.length / 1e6 };
  });
  return { rates, ratio: median(pairRatios) };
}

const docs = buildDocs();
const avgKB = docs.reduce((a, d) => a + d.text.length, 0) / docs.length / 1024;
const extract = createExtractor({ lexicons: loadLexicons() });
const nlp = winkNLP(model);
const its = nlp.its;

// Both sides do their full work per document: wink tokenises, tags POS, finds sentences and its entities.
const { rates, ratio } = race(docs, [
  {
    name: 'wink-nlp 2.x full English pipeline (readDoc + entities + pos)',
    fn: (t) => {
      const doc = nlp.readDoc(t);
      return doc.entities().out(its.type).length + doc.tokens().out(its.pos).length;
    },
  },
  { name: 'rastro extract (language, indicators, entities, values, victims, places, roles, relevance)', fn: (t) => extract({ text: t }) },
]);

const require = createRequire(import.meta.url);
const v = (p: string) => (require(`${p}/package.json`) as { version: string }).version;
console.log(`# extraction throughput · node ${process.version} · wink-nlp ${v('wink-nlp')} · ${docs.length} docs of ~${avgKB.toFixed(1)} KB (es/pt/en) · alternating passes over ${seconds} s, medians`);
for (const r of rates) console.log(`${r.name.padEnd(95)} ${r.docsPerSec.toFixed(0).padStart(7)} docs/s  ${r.mbPerSec.toFixed(2).padStart(6)} MB/s`);
console.log(`ratio rastro/wink (median of per-pair ratios): ${ratio.toFixed(2)} (target >= 1.00)`);
