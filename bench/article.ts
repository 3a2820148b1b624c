/**
 * Throughput of extractArticle against @mozilla/readability + linkedom on the same pages, in one run.
 * Pages: the Scrapinghub benchmark HTML (gunzipped at run time, never stored) or, when that folder is
 * missing, our own samples/articles pages. Quality is measured elsewhere (score-articles.mjs); this
 * only times the work. Run: npx tsx bench/article.ts [--rounds N] [--pages DIR]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../sources/index.js';
import { packageRoot } from '../lexicons/index.js';

const SHARED = '/work/shared/data/articles-scrapinghub/html';
const SAMPLES = join(packageRoot(), 'samples', 'articles');

function loadPages(dir: string | undefined): { source: string; pages: string[] } {
  if (dir) {
    const files = readdirSync(dir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort();
    const read = (f: string): string => {
      const buf = readFileSync(join(dir, f));
      return (f.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
    };
    return { source: dir, pages: files.map(read) };
  }
  if (existsSync(SHARED)) {
    const files = readdirSync(SHARED).filter((f) => f.endsWith('.html.gz')).sort();
    return { source: SHARED, pages: files.map((f) => gunzipSync(readFileSync(join(SHARED, f))).toString('utf8')) };
  }
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.html')).sort();
  return { source: SAMPLES, pages: files.map((f) => readFileSync(join(SAMPLES, f), 'utf8')) };
}

function runReadability(html: string): number {
  const { document } = parseHTML(html);
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return parsed?.textContent?.length ?? 0;
}

function runOurs(html: string): number {
  return extractArticle(html).text?.length ?? 0;
}

/**
 * Pages per second of each extractor: one warm-up pass each, then `rounds` passes alternating between
 * the two so that load from other processes on a shared machine hits both alike; the median pass.
 */
function race(pages: string[], fns: Array<(html: string) => number>, rounds: number): Array<{ pagesPerSec: number; chars: number }> {
  const chars = fns.map((fn) => pages.reduce((a, p) => a + fn(p), 0));
  const rates: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t0 = process.hrtime.bigint();
      for (const p of pages) fn(p);
      rates[i]!.push(pages.length / (Number(process.hrtime.bigint() - t0) / 1e9));
    });
  }
  return rates.map((rs, i) => {
    rs.sort((a, b) => a - b);
    return { pagesPerSec: rs[Math.floor(rs.length / 2)]!, chars: chars[i]! };
  });
}

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 3) : 3;
const require = createRequire(import.meta.url);
const version = (pkg: string): string => {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

const pagesArg = process.argv.indexOf('--pages');
const { source, pages } = loadPages(pagesArg > 0 ? process.argv[pagesArg + 1] : undefined);
const mb = pages.reduce((a, p) => a + Buffer.byteLength(p), 0) / 1e6;
const [ours, theirs] = race(pages, [runOurs, runReadability], rounds) as [{ pagesPerSec: number; chars: number }, { pagesPerSec: number; chars: number }];
const result = {
  pages: pages.length,
  megabytes: +mb.toFixed(2),
  source,
  rounds,
  node: process.version,
  versions: { cheerio: version('cheerio'), '@mozilla/readability': version('@mozilla/readability'), linkedom: version('linkedom') },
  extractArticle: { pagesPerSec: +ours.pagesPerSec.toFixed(1), textChars: ours.chars },
  readabilityLinkedom: { pagesPerSec: +theirs.pagesPerSec.toFixed(1), textChars: theirs.chars },
  ratio: +(ours.pagesPerSec / theirs.pagesPerSec).toFixed(2),
};
console.log(JSON.stringify(result, null, 2));
