// Enforces the import direction of GUIDE.md: core <- lexicons, extractors, sources, store, queues <- workers <- cli, web.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const layers = {
  core: [],
  lexicons: ['core'],
  extractors: ['core', 'lexicons'],
  sources: ['core'],
  store: ['core'],
  queues: ['core'],
  workers: ['core', 'lexicons', 'extractors', 'sources', 'store', 'queues'],
  web: ['core', 'lexicons', 'extractors', 'sources', 'store', 'queues', 'workers'],
  cli: ['core', 'lexicons', 'extractors', 'sources', 'store', 'queues', 'workers', 'web'],
  bench: ['core', 'lexicons', 'extractors', 'sources', 'store', 'queues', 'workers'],
};
const forbiddenInExtractors = ['bullmq', 'mongodb', 'undici', 'better-sqlite3', 'ioredis'];
const problems = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts')) check(p);
  }
}
function check(file) {
  const rel = relative(root, file);
  const folder = rel.split('/')[0];
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(dirname(file), spec)).split('/')[0];
      if (target !== folder) {
        if (!layers[folder]?.includes(target)) problems.push(`${rel}: ${folder} may not import ${target} (${spec})`);
        else if (!/\/index\.js$/.test(spec)) problems.push(`${rel}: cross-folder import must go through ${target}/index.js (${spec})`);
      }
    } else if (folder === 'extractors' && forbiddenInExtractors.some((f) => spec === f || spec.startsWith(f + '/'))) {
      problems.push(`${rel}: extractors must stay pure, no ${spec}`);
    }
  }
}
for (const folder of Object.keys(layers)) {
  try { walk(join(root, folder)); } catch (e) { if (e.code !== 'ENOENT') throw e; }
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`imports ok (${Object.keys(layers).length} folders)`);
