/**
 * `npm run eval`: scores the extractor on our development news sets, in process: every samples/dev/*.jsonl
 * (news.jsonl, tuned on; news-b.jsonl, written blind to the system), one report each. Definitions follow
 * ../shared/eval/score-news.mjs so the figures compare. Options: --data FILE (one set, e.g. samples/check/news.jsonl),
 * --json (one summary line per set), --misses (the cases whose label is wrong).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExtractor } from '../extractors/index.js';
import { loadLexicons, packageRoot } from '../lexicons/index.js';
import { prf, round, scoreNews } from './news-score.js';
import type { NewsCase } from './news-score.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const devDir = join(packageRoot(), 'samples', 'dev');
const given = arg('--data');
const files = given ? [given] : readdirSync(devDir).filter((f) => f.endsWith('.jsonl')).sort((a, b) => a.length - b.length || a.localeCompare(b)).map((f) => join(devDir, f));
const lexicons = loadLexicons();
const extract = createExtractor({ lexicons });

for (const file of files) {
  const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as NewsCase);
  const t0 = Date.now();
  const { metrics, inc, confusion, perType, misses } = scoreNews(cases, extract);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ data: file, n: cases.length, lexiconVersion: lexicons.version, metrics }));
    continue;
  }
  console.log(`# news set ${file}: ${cases.length} cases, lexicon ${lexicons.version}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log('lang  precision  recall  f1');
  for (const k of ['es', 'pt', 'en', 'all']) {
    if (!inc[k]) continue;
    const { p, r, f } = prf(inc[k]!.tp, inc[k]!.fp, inc[k]!.fn);
    console.log(`${k.padEnd(5)} ${String(round(p)).padEnd(10)} ${String(round(r)).padEnd(7)} ${round(f)}`);
  }
  for (const [k, v] of Object.entries(metrics)) if (!k.startsWith('incident')) console.log(`${k.padEnd(20)} ${v}`);
  console.log('confusion (gold → predicted):', JSON.stringify(confusion));
  console.log('types (right/spurious/missed):', Object.entries(perType).map(([t, a]) => `${t} ${a.tp}/${a.fp}/${a.fn}`).join(', '));
  if (process.argv.includes('--misses')) for (const m of misses) console.log('  ' + m);
}
