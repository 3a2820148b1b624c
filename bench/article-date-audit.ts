/**
 * Date pipeline audit: how often the visible-text path alone (byline, <time>, URL) finds a page's gold
 * publication day once JSON-LD and date meta tags are removed. Prints hits/total and the misses.
 * Run: npx tsx bench/article-date-audit.ts [DATA_DIR]   (a trafilatura-format dir with evaldata-latam.json)
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../sources/index.js';

const dir = process.argv[2] ?? '../shared/data/articles-latam-dev';
const ev = JSON.parse(readFileSync(`${dir}/evaldata-latam.json`, 'utf8')) as Record<string, { file: string; date?: string }>;
let hits = 0;
let total = 0;
for (const [key, item] of Object.entries(ev)) {
  if (!item.date) continue;
  const html = gunzipSync(readFileSync(`${dir}/html/${item.file}.gz`))
    .toString('utf8')
    .replace(/<script[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<meta[^>]*(?:published|modified|date|time)[^>]*>/gi, '');
  const got = extractArticle(html, key.startsWith('http') ? key : undefined).publishedAt?.slice(0, 10) ?? null;
  total++;
  if (got === item.date.slice(0, 10)) hits++;
  else console.log(`miss ${item.file}: gold ${item.date.slice(0, 10)} got ${got}`);
}
console.log(`visible-path date accuracy ${hits}/${total}`);
