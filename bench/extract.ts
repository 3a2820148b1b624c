/**
 * Full `rastro extract` throughput (everything in the contract, all languages) against wink-nlp's full English
 * pipeline alone over the same news-length texts, side by side in one process and one core.
 * Texts: our dev set (samples/dev/news.jsonl) joined into ~4 KB documents. Run: node dist/bench/extract.js [--seconds S]
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

function rate(name: string, docs: Array<{ text: string }>, fn: (t: string) => unknown): { name: string; docsPerSec: number; mbPerSec: number } {
  for (const d of docs.slice(0, 20)) fn(d.text); // warm-up
  const bytes = docs.reduce((a, d) => a + d.text.length, 0);
  const rates: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  do {
    const t0 = process.hrtime.bigint();
    for (const d of docs) fn(d.text);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(docs.length / s);
  } while (Date.now() < deadline || rates.length < 3);
  rates.sort((a, b) => a - b);
  const med = rates[Math.floor(rates.length / 2)]!;
  return { name, docsPerSec: med, mbPerSec: (med * bytes) / docs.length / 1e6 };
}

const docs = buildDocs();
const avgKB = docs.reduce((a, d) => a + d.text.length, 0) / docs.length / 1024;
const extract = createExtractor({ lexicons: loadLexicons() });
const nlp = winkNLP(model);
const its = nlp.its;

// Both sides do their full work per document: wink tokenises, tags POS, finds sentences and its entities.
const wink = rate('wink-nlp 2.x full English pipeline (readDoc + entities + pos)', docs, (t) => {
  const doc = nlp.readDoc(t);
  return doc.entities().out(its.type).length + doc.tokens().out(its.pos).length;
});
const ours = rate('rastro extract (language, indicators, entities, values, victims, places, roles, relevance)', docs, (t) => extract({ text: t }));

const require = createRequire(import.meta.url);
const v = (p: string) => (require(`${p}/package.json`) as { version: string }).version;
console.log(`# extraction throughput · node ${process.version} · wink-nlp ${v('wink-nlp')} · ${docs.length} docs of ~${avgKB.toFixed(1)} KB (es/pt/en) · median of passes over ${seconds} s`);
for (const r of [wink, ours]) console.log(`${r.name.padEnd(95)} ${r.docsPerSec.toFixed(0).padStart(7)} docs/s  ${r.mbPerSec.toFixed(2).padStart(6)} MB/s`);
console.log(`ratio rastro/wink: ${(ours.docsPerSec / wink.docsPerSec).toFixed(2)} (target >= 1.00)`);
