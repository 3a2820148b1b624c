import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../lexicons/index.js';

/**
 * The benches' news-length texts: our dev set (samples/dev/news.jsonl) joined into ~4 KB documents of one language
 * each (es, pt, en), like news articles. Joined, not built with `+=`: `rastro extract` and the workers get flat strings
 * (from JSON.parse or the store), while `+=` makes a rope that V8 reads through an extra indirection at every character
 * until something copies it. Every side of a race reads the same strings.
 */
export function newsDocs(): Array<{ text: string; lang: string }> {
  const items = readFileSync(join(packageRoot(), 'samples', 'dev', 'news.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; lang: string });
  const docs: Array<{ text: string; lang: string }> = [];
  for (const lang of ['es', 'pt', 'en']) {
    let parts: string[] = [];
    let length = 0;
    for (const it of items.filter((i) => i.lang === lang)) {
      parts.push(it.text);
      length += it.text.length + 2;
      if (length >= 4002) {
        docs.push({ text: parts.join('\n\n'), lang });
        parts = [];
        length = 0;
      }
    }
  }
  return docs;
}
