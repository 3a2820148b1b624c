/**
 * Throughput of our geo/victims/values part of extraction vs a baseline measured in the same run.
 *   node --expose-gc --import tsx bench/geo.ts [seconds-per-case=3]   (without --expose-gc the heap figure includes garbage)
 * Rates are per second of this process's CPU time (the machine is shared). Texts: samples/dev/news.jsonl joined into ~4 KB docs (ours, es/pt/en news-length). Also reports gazetteer load time and heap.
 * Baseline: one pass of a capitalised-word RegExp with a Set lookup of country names (the keyword scorer's
 * approach), i.e. the cheapest possible "find country names" pass over the same texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../lexicons/index.js';
import type { AnalysisDoc } from '../extractors/index.js';
import { extractValues, getGazetteer, places, resolvePlaces, roles, values, victims } from '../extractors/index.js';

const seconds = Number(process.argv[2] ?? 3);
const mem0 = process.memoryUsage();
const heap0 = mem0.heapUsed;
const t0 = performance.now();
const gaz = getGazetteer();
const loadMs = performance.now() - t0;
(globalThis as { gc?: () => void }).gc?.();
const mem1 = process.memoryUsage();
const heapMB = (mem1.heapUsed - heap0) / 1e6;
const externalMB = (mem1.external + mem1.arrayBuffers - mem0.external - mem0.arrayBuffers) / 1e6;
const rssMB = mem1.rss / 1e6;

const samples = readFileSync(join(packageRoot(), 'samples', 'dev', 'news.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; lang: string });
// 4 KB documents: consecutive samples of one language joined by blank lines, as long news pages are.
const docs: Array<{ text: string; lang: string }> = [];
for (const lang of ['es', 'pt', 'en']) {
  const same = samples.filter((d) => d.lang === lang);
  let buf: string[] = [];
  let size = 0;
  for (const d of [...same, ...same]) {
    buf.push(d.text);
    size += Buffer.byteLength(d.text) + 2;
    if (size >= 4096) {
      docs.push({ text: buf.join('\n\n'), lang });
      buf = [];
      size = 0;
    }
  }
}
const meanBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0) / docs.length;

const countryNames = new Set<string>();
for (const [key, v] of gaz.byKey) if ((typeof v === 'number' ? [v] : v).some((i) => i >= 0 && gaz.entry(i).kind === 'country')) countryNames.add(key);
const CAP = /\p{Lu}[\p{L}]+/gu;
function baseline(text: string): number {
  let n = 0;
  for (const m of text.matchAll(CAP)) if (countryNames.has(m[0].toLowerCase())) n++;
  return n;
}

function fullDoc(d: { text: string; lang: string }): number {
  const doc: AnalysisDoc = {
    text: d.text, input: { text: d.text }, language: d.lang, sentences: [], indicators: [], entities: [], places: [], countries: [],
    eventCountry: null, victims: { count: null, minors: null, nationalities: [] }, relevance: { label: 'none', score: 0, reasons: [] }, types: [],
  };
  for (const x of [values, victims, places, roles]) x.extract(doc, { lexicons: null, keepVictimNames: false });
  return doc.places.length;
}

function run(name: string, fn: (d: { text: string; lang: string }) => number): number {
  let i = 0;
  let sink = 0;
  for (let w = 0; w < 200; w++) sink += fn(docs[w % docs.length]!);
  // Process CPU time, not wall time: the machine is shared, and CPU time is what one core spends on us.
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < seconds * 1000) {
    for (let k = 0; k < 50; k++) sink += fn(docs[(i++) % docs.length]!);
  }
  const used = process.cpuUsage(cpu0);
  const el = (used.user + used.system) / 1e6;
  const rate = i / el;
  const msPer4k = (1000 / rate) * (4096 / meanBytes);
  console.log(`${name.padEnd(34)} ${rate.toFixed(0).padStart(7)} docs/s  ${msPer4k.toFixed(3)} ms per 4 KB  (sink ${sink % 7})`);
  return rate;
}

console.log(`gazetteer: ${gaz.size} entries, ${gaz.byKey.size} keys, load ${loadMs.toFixed(0)} ms, heap +${heapMB.toFixed(0)} MB, typed arrays +${externalMB.toFixed(0)} MB, rss ${rssMB.toFixed(0)} MB`);
console.log(`texts: ${docs.length} docs, mean ${meanBytes.toFixed(0)} bytes`);
const base = run('baseline (country-name regex)', (d) => baseline(d.text));
const pl = run('resolvePlaces', (d) => resolvePlaces(d.text, d.lang).length);
run('extractValues', (d) => extractValues(d.text, d.lang).length);
const full = run('values+victims+places+roles', fullDoc);
console.log(`ratio to baseline: places ${(pl / base).toFixed(2)}x, full ${(full / base).toFixed(2)}x`);
