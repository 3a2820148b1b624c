/**
 * Full `rastro extract` throughput (everything in the contract, all languages) against wink-nlp's full English
 * pipeline alone over the same news-length texts, side by side in one process and one core.
 * Texts: our dev set (samples/dev/news.jsonl) joined into ~4 KB documents. Run: node dist/bench/extract.js [--seconds S]
 * The sides alternate pass by pass, so all see the same machine load (see `race`).
 * rastro is measured twice: document by document (createExtractor: one text at a time, as a worker with one analyze
 * job in flight) and in batches of MAX_BATCH documents (createBatchExtractor, as `rastro extract` runs the lines of
 * its input and the workers run the analyze jobs they hold together); the batched figure is the CLI's throughput.
 * bench/pipeline.ts measures the workers' analyze stage itself.
 */
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadLexicons } from '../lexicons/index.js';
import { newsDocs } from './news-docs.js';
import { createBatchExtractor, createExtractor, MAX_BATCH } from '../extractors/index.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 3) || 3;

interface Rate {
  name: string;
  docsPerSec: number;
  mbPerSec: number;
}

/**
 * The baseline (the first side) and each other side in turn, one pass over the documents each, baseline first in
 * every pair, for `seconds`: on a shared machine the load changes within seconds, and alternating passes exposes
 * both sides of a pair to the same load (and each side follows the same baseline pass, so none finds the CPU caches
 * warmed by another rastro side). Reports each side's median pass and, for each side after the first, the median
 * of its per-pair ratios to the baseline.
 */
function race(docs: Array<{ text: string }>, sides: Array<{ name: string; run: (texts: string[]) => void }>): { rates: Rate[]; ratios: number[] } {
  const texts = docs.map((d) => d.text);
  for (const side of sides) side.run(texts.slice(0, 20)); // warm-up
  const bytes = texts.reduce((a, t) => a + t.length, 0);
  const passes: number[][] = sides.map(() => []);
  const pairRatios: number[][] = sides.map(() => []);
  const pass = (k: number): number => {
    const t0 = process.hrtime.bigint();
    sides[k]!.run(texts);
    const r = texts.length / (Number(process.hrtime.bigint() - t0) / 1e9);
    passes[k]!.push(r);
    return r;
  };
  const deadline = Date.now() + seconds * 1000;
  do {
    for (let k = 1; k < sides.length; k++) {
      const base = pass(0);
      pairRatios[k]!.push(pass(k) / base);
    }
  } while (Date.now() < deadline || passes[1]!.length < 3);
  const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rates = sides.map((side, k) => {
    const med = median(passes[k]!);
    return { name: side.name, docsPerSec: med, mbPerSec: (med * bytes) / texts.length / 1e6 };
  });
  return { rates, ratios: pairRatios.map((xs) => (xs.length ? median(xs) : 1)) };
}

const docs = newsDocs();
const avgKB = docs.reduce((a, d) => a + d.text.length, 0) / docs.length / 1024;
const lexicons = loadLexicons();
const extract = createExtractor({ lexicons });
const extractBatch = createBatchExtractor({ lexicons });
const nlp = winkNLP(model);
const its = nlp.its;

// Every side does its full work per document: wink tokenises, tags POS, finds sentences and its entities.
const { rates, ratios } = race(docs, [
  {
    name: 'wink-nlp 2.x full English pipeline (readDoc + entities + pos)',
    run: (texts) => {
      for (const t of texts) {
        const doc = nlp.readDoc(t);
        void (doc.entities().out(its.type).length + doc.tokens().out(its.pos).length);
      }
    },
  },
  {
    name: 'rastro extract, document by document',
    run: (texts) => {
      for (const t of texts) extract({ text: t });
    },
  },
  {
    name: `rastro extract, batches of ${MAX_BATCH} (as the CLI runs)`,
    run: (texts) => {
      for (let i = 0; i < texts.length; i += MAX_BATCH) extractBatch(texts.slice(i, i + MAX_BATCH).map((text) => ({ text })));
    },
  },
]);

const require = createRequire(import.meta.url);
const v = (p: string) => (require(`${p}/package.json`) as { version: string }).version;
console.log(`# extraction throughput · node ${process.version} · wink-nlp ${v('wink-nlp')} · ${docs.length} docs of ~${avgKB.toFixed(1)} KB (es/pt/en) · alternating passes over ${seconds} s, medians`);
console.log('# rastro: language, indicators, entities, values, victims, places, roles, relevance');
for (const r of rates) console.log(`${r.name.padEnd(70)} ${r.docsPerSec.toFixed(0).padStart(7)} docs/s  ${r.mbPerSec.toFixed(2).padStart(6)} MB/s`);
console.log(`ratio rastro/wink, document by document (median of per-pair ratios): ${ratios[1]!.toFixed(2)}`);
console.log(`ratio rastro/wink, batched as \`rastro extract\` runs: ${ratios[2]!.toFixed(2)} (target >= 1.00)`);
