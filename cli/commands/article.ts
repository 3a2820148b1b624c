import { createInterface } from 'node:readline';
import { describeError } from '../../core/index.js';
import { detectLanguage } from '../../extractors/index.js';
import { extractArticle } from '../../sources/index.js';

/** JSON Lines `{id, html, url}` in, `{id, title, text, publishedAt, language, author}` out, in order. */
export async function articleStream(): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const input = JSON.parse(line) as { id?: unknown; html?: unknown; url?: unknown };
      id = input.id ?? null;
      const a = extractArticle(typeof input.html === 'string' ? input.html : '', typeof input.url === 'string' && input.url ? input.url : undefined);
      const language = a.language ?? (a.text ? detectLanguage(a.text) : null);
      process.stdout.write(
        JSON.stringify({ id, title: a.title, text: a.text, publishedAt: a.publishedAt, language: language && language !== 'und' ? language : null, author: a.author }) + '\n',
      );
    } catch (err) {
      process.stdout.write(JSON.stringify({ id, title: null, text: null, publishedAt: null, language: null, author: null, error: describeError(err) }) + '\n');
    }
  }
  return 0;
}
