/**
 * Converts the Second HAREM golden collection (CDSegundoHAREMclassico.xml, ISO-8859-1, inline <EM>)
 * into a CoNLL IO file (token TAB PESSOA|LOCAL|ORGANIZACAO|O) that score-ner.mjs reads, as a second
 * Portuguese dev set that no model here trains on. Writes outside the repository:
 *   npx tsx bench/ner-harem2-conll.ts [--in ../shared/data/ner-pt-harem/CDSegundoHAREMclassico.xml] [--out /tmp/harem2.conll]
 * Simplifications: the first alternative of each <ALT> and the first category of "A|B" are kept;
 * <OMITIDO> passages are dropped; sentences end at . ! ? tokens and at paragraph ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tokenize } from '../extractors/entities/index.js';

const here = dirname(new URL(import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    in: { type: 'string', default: resolve(here, '../../shared/data/ner-pt-harem/CDSegundoHAREMclassico.xml') },
    out: { type: 'string', default: '/tmp/harem2.conll' },
  },
});

const KEEP = new Set(['PESSOA', 'LOCAL', 'ORGANIZACAO']);

/** First alternative of an ALT body: text up to the first "|" outside a tag. */
function firstAlternative(body: string): string {
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (ch === '|' && depth === 0) return body.slice(0, i);
  }
  return body;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const xml = new TextDecoder('latin1').decode(readFileSync(values.in));
const lines: string[] = [];
let entities = 0;
for (const doc of xml.matchAll(/<DOC\b[^>]*>([\s\S]*?)<\/DOC>/g)) {
  let body = doc[1]!.replace(/<OMITIDO>[\s\S]*?<\/OMITIDO>/g, ' ');
  body = body.replace(/<ALT>([\s\S]*?)<\/ALT>/g, (_, alt: string) => firstAlternative(alt));
  for (const para of body.split(/<\/?p>/)) {
    // Walk text and EM elements in order.
    const pieces: Array<{ text: string; tag: string }> = [];
    let last = 0;
    for (const m of para.matchAll(/<EM\b([^>]*)>([\s\S]*?)<\/EM>/g)) {
      pieces.push({ text: para.slice(last, m.index), tag: 'O' });
      const categ = /CATEG="([^"|]*)/.exec(m[1]!)?.[1] ?? '';
      pieces.push({ text: m[2]!, tag: KEEP.has(categ) ? categ : 'O' });
      if (KEEP.has(categ)) entities++;
      last = m.index + m[0].length;
    }
    pieces.push({ text: para.slice(last), tag: 'O' });
    let sentence: string[] = [];
    for (const piece of pieces) {
      for (const w of tokenize(decode(piece.text.replace(/<[^>]*>/g, ' '))).words) {
        sentence.push(`${w}\t${piece.tag}`);
        if (piece.tag === 'O' && (w === '.' || w === '!' || w === '?')) {
          lines.push(...sentence, '');
          sentence = [];
        }
      }
    }
    if (sentence.length > 0) lines.push(...sentence, '');
  }
}
writeFileSync(values.out, lines.join('\n'));
console.error(`wrote ${values.out}: ${lines.filter((l) => l === '').length} sentences, ${entities} PESSOA/LOCAL/ORGANIZACAO entities`);
