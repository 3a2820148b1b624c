/**
 * Error analysis of a NER model on a CoNLL file, as recognition reports its names (sentenceSpans: dash split,
 * quote and title rules, trims; no organisations list), with the document bits of 20-sentence documents as
 * score-ner.mjs sends them:
 *
 *   npx tsx scripts/ner-errors.ts MODEL.json.gz FILE.conll [--from 0] [--count N] [--bias '{"B-LOC":-4}'] [--top 40]
 *
 * Prints P/R/F1 per type, how the gold names fared (right, right span with the wrong type, overlapping a
 * predicted name with another span, missed) and names predicted where the gold has none, then the most frequent
 * strings of each kind. Used to find the title convention (HAREM keeps "senhor deputado" inside the name).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConll, retokenize } from './train-ner.js';
import { parseModel } from '../extractors/entities/model.js';
import { assignDocBits, modelParams } from '../extractors/entities/index.js';
import { withTagBias } from '../extractors/entities/model-tuning.js';
import { chunks, tagIndex } from '../extractors/entities/evaluate.js';
import { sentenceSpans, type NameSpan } from '../extractors/entities/recognize.js';
import { tagSentence } from '../extractors/entities/tagger.js';
import { tokenInfo } from '../extractors/entities/token-info.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string', default: '0' }, count: { type: 'string' }, bias: { type: 'string', default: '{}' }, top: { type: 'string', default: '40' } },
});
const [modelFile, file] = positionals;
if (!modelFile || !file) throw new Error('usage: ner-errors.ts MODEL.json.gz FILE.conll [--from N] [--count N] [--bias JSON] [--top N]');
const model = withTagBias(parseModel(new Uint8Array(readFileSync(modelFile))), JSON.parse(values.bias) as Record<string, number>);
const p = modelParams(model);
const all = readConll(readFileSync(file, 'utf8')).map(retokenize);
assignDocBits(all);
const from = Number(values.from);
const sents = all.slice(from, values.count ? from + Number(values.count) : undefined);
const CODE: Record<string, string> = { person: 'PER', location: 'LOC', organization: 'ORG', misc: 'MISC' };
const types = new Map<string, { tp: number; fp: number; fn: number }>();
const count = (t: string) => types.get(t) ?? (types.set(t, { tp: 0, fp: 0, fn: 0 }), types.get(t)!);
const kinds = { right: 0, wrongType: 0, wrongSpan: 0, missed: 0, spurious: 0 };
const lists = { wrongType: new Map<string, number>(), wrongSpan: new Map<string, number>(), missed: new Map<string, number>(), spurious: new Map<string, number>() };
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
for (const s of sents) {
  const spans: NameSpan[] = [];
  sentenceSpans(model, tagSentence(p, s.words, s.docBits ?? 0), s.words, s.words.map(tokenInfo), 0, spans);
  const gold = [...chunks(s.tags.map(tagIndex))].map((c) => c.split(':')).map(([a, b, t]) => ({ a: Number(a), b: Number(b), t: t! }));
  const pred = spans.map((x) => ({ a: x.start, b: x.end, t: CODE[x.type]! }));
  const text = (x: { a: number; b: number }) => s.words.slice(x.a, x.b).join(' ');
  const key = (x: { a: number; b: number; t: string }) => `${x.a}:${x.b}:${x.t}`;
  const predKeys = new Set(pred.map(key));
  const goldKeys = new Set(gold.map(key));
  for (const g of gold) {
    if (predKeys.has(key(g))) { count(g.t).tp++; kinds.right++; continue; }
    count(g.t).fn++;
    const same = pred.find((x) => x.a === g.a && x.b === g.b);
    const over = pred.filter((x) => x.a < g.b && g.a < x.b);
    if (same) { kinds.wrongType++; add(lists.wrongType, `${g.t}->${same.t} ${text(g)}`); }
    else if (over.length > 0) { kinds.wrongSpan++; add(lists.wrongSpan, `${g.t} [${text(g)}] vs ${over.map((x) => `${x.t} [${text(x)}]`).join(' + ')}`); }
    else { kinds.missed++; add(lists.missed, `${g.t} ${text(g)}`); }
  }
  for (const x of pred) {
    if (goldKeys.has(key(x))) continue;
    count(x.t).fp++;
    if (!gold.some((g) => g.a < x.b && x.a < g.b)) { kinds.spurious++; add(lists.spurious, `${x.t} ${text(x)}`); }
  }
}
const f1 = (c: { tp: number; fp: number; fn: number }) => {
  const P = c.tp / (c.tp + c.fp), R = c.tp / (c.tp + c.fn);
  return `P ${P.toFixed(4)} R ${R.toFixed(4)} F1 ${((2 * P * R) / (P + R)).toFixed(4)} (gold ${c.tp + c.fn}, predicted ${c.tp + c.fp})`;
};
const total = { tp: 0, fp: 0, fn: 0 };
for (const [t, c] of [...types].sort()) {
  console.log(`${t.padEnd(4)} ${f1(c)}`);
  total.tp += c.tp; total.fp += c.fp; total.fn += c.fn;
}
console.log(`all  ${f1(total)}\n${JSON.stringify(kinds)}`);
for (const [name, m] of Object.entries(lists)) {
  console.log(`\n${name}: ${[...m].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)).map(([k, n]) => `${n}x ${k}`).join(' | ')}`);
}
