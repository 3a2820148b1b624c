/**
 * The `article` JSON Lines contract of ../shared/eval/README.md over extractArticle, for the scorers:
 * reads {id, html, url} lines on stdin, writes {id, title, text, publishedAt, language, author} lines.
 * Run: npx tsx bench/article-runner.ts < pages.jsonl
 */
import { createInterface } from 'node:readline';
import { extractArticle } from '../sources/index.js';

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (line.trim() === '') continue;
  let item: { id?: unknown; html?: unknown; url?: unknown };
  try {
    item = JSON.parse(line) as typeof item;
  } catch (err) {
    console.error(`article-runner: skipping a line that is not JSON (${(err as Error).message})`);
    continue;
  }
  const id = item.id;
  const html = typeof item.html === 'string' ? item.html : '';
  const url = typeof item.url === 'string' && item.url !== '' ? item.url : undefined;
  let out: Record<string, unknown>;
  try {
    const r = extractArticle(html, url);
    out = { id, title: r.title, text: r.text, publishedAt: r.publishedAt, language: r.language, author: r.author };
  } catch (err) {
    console.error(`article-runner: ${String(id)}: ${(err as Error).message}`);
    out = { id, title: null, text: null, publishedAt: null, language: null, author: null };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
