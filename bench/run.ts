/**
 * `npm run bench`: every benchmark, one after another, each comparing against a baseline measured in the same run.
 * Speed lives here, never in timed tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES: Array<{ file: string; args: string[]; what: string }> = [
  { file: 'extract.js', args: ['--seconds', '10'], what: 'full extraction vs wink-nlp' },
  { file: 'pipeline.js', args: ['--seconds', '10'], what: 'analyze stage (runner + SQLite), batched vs document by document' },
  { file: 'article.js', args: ['--rounds', '3'], what: 'article text vs readability + linkedom' },
  { file: 'lexicon.js', args: ['es', '4'], what: 'lexicon matching vs one big RegExp' },
  { file: 'ner.js', args: ['--seconds', '2'], what: 'NER vs tokenizer pass' },
  { file: 'geo.js', args: ['3'], what: 'places/victims/values vs baseline' },
];
const only = process.argv.slice(2);
let failed = 0;
for (const b of BENCHES) {
  if (only.length && !only.some((o) => b.file.startsWith(o))) continue;
  const path = join(here, b.file);
  if (!existsSync(path)) {
    console.log(`\n## ${b.what}: ${b.file} not built`);
    failed++;
    continue;
  }
  console.log(`\n## ${b.what}`);
  const r = spawnSync(process.execPath, [path, ...b.args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
