/**
 * How well simhash64 + maxDistance 3 separates copies of one story from different stories.
 * Copies: a body with a new headline, a footer sentence and three words replaced. Bodies: the Scrapinghub
 * gold texts (read at run time, never stored) or, when that folder is missing, the samples/ texts.
 * Run: npx tsx bench/article-simhash.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { simhash64, hammingDistance } from '../sources/index.js';

const GOLD = '/work/shared/data/articles-scrapinghub/ground-truth.json';
if (!existsSync(GOLD)) {
  console.error(`article-simhash: ${GOLD} not found`);
  process.exit(2);
}
const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as Record<string, { articleBody: string }>;
const bodies = Object.values(gold).map((v) => v.articleBody).filter((b) => b.length > 800);
let seed = 7;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function copyOf(body: string): string {
  const w = body.split(' ');
  for (let i = 0; i < 3; i++) w[Math.floor(rnd() * w.length)] = 'changed';
  return `A different headline for this copy\n\n${w.join(' ')}\n\nReproduced with permission of the partner agency, all rights reserved.`;
}
const hashes = bodies.map((b) => simhash64(b));
const dup = bodies.map((b, i) => hammingDistance(hashes[i]!, simhash64(copyOf(b)))).sort((a, b) => a - b);
const diff: number[] = [];
for (let i = 0; i < hashes.length; i++) for (let j = i + 1; j < hashes.length; j++) diff.push(hammingDistance(hashes[i]!, hashes[j]!));
diff.sort((a, b) => a - b);
const q = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
console.log(JSON.stringify({
  bodies: bodies.length,
  copies: { median: q(dup, 0.5), p90: q(dup, 0.9), withinK3: +(dup.filter((d) => d <= 3).length / dup.length).toFixed(3) },
  differentPairs: { n: diff.length, min: diff[0], p01: q(diff, 0.01), withinK3: diff.filter((d) => d <= 3).length },
}));
