/**
 * isLikelyNotice on news pages (should be false) and on notice pages (should be true).
 * News: the Scrapinghub and LatAm benchmark HTML, read at run time (never stored); notices: our fixtures
 * and the samples/notices pages. Run: npx tsx bench/article-notices.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isLikelyNotice, noticeScore } from '../sources/index.js';

const NEWS_DIRS = ['/work/shared/data/articles-scrapinghub/html', '/work/shared/data/articles-latam-dev/html'];
const NOTICE_DIRS = ['test/fixtures/notices', 'samples/notices'].map((d) => new URL(`../${d}/`, import.meta.url).pathname);

function read(dir: string): Array<[string, string]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.html?(\.gz)?$|\.gz$/.test(f))
    .map((f) => {
      const buf = readFileSync(join(dir, f));
      return [f, (f.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')] as [string, string];
    });
}

const news = NEWS_DIRS.flatMap(read);
const notices = NOTICE_DIRS.flatMap(read);
const flagged = news.filter(([, html]) => isLikelyNotice(html));
const missed = notices.filter(([, html]) => !isLikelyNotice(html));
console.log(JSON.stringify({
  news: { pages: news.length, flaggedAsNotice: flagged.length, flagged: flagged.map(([f, h]) => [f, noticeScore(h)]) },
  notices: { pages: notices.length, recognised: notices.length - missed.length, missed: missed.map(([f]) => f) },
}, null, 2));
