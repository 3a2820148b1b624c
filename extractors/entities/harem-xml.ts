import { tokenize } from './tokenize.js';
import type { TaggedSentence } from './train.js';

/** HAREM categories kept, and the NER type each maps to (the rest, e.g. TEMPO, OBRA, VALOR, become O). */
const CATEGORIES: Readonly<Record<string, string>> = { PESSOA: 'PER', LOCAL: 'LOC', ORGANIZACAO: 'ORG' };

/** One document of a HAREM golden collection: its DOCID and its sentences with IOB2 tags. */
export interface HaremDoc {
  id: string;
  sentences: TaggedSentence[];
}

/** The first alternative of an <ALT> body: the text up to the first "|" outside a tag. */
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

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * Reads a HAREM golden collection in its inline-XML form (e.g. CDSegundoHAREMclassico.xml, already
 * decoded to a string) into tokenised documents for training. The same simplifications as the
 * Second HAREM dev conversion (bench/ner-harem2-conll.ts), so training and scoring agree: the first
 * alternative of each <ALT>, the first category of "A|B", <OMITIDO> passages dropped, sentences
 * ending at . ! ? and at paragraph ends; unlike it, every <EM> starts a new entity (B- tag).
 */
export function readHaremXml(xml: string): HaremDoc[] {
  const docs: HaremDoc[] = [];
  for (const doc of xml.matchAll(/<DOC\b([^>]*)>([\s\S]*?)<\/DOC>/g)) {
    const id = /DOCID="([^"]*)"/.exec(doc[1]!)?.[1] ?? String(docs.length);
    let body = doc[2]!.replace(/<OMITIDO>[\s\S]*?<\/OMITIDO>/g, ' ');
    body = body.replace(/<ALT>([\s\S]*?)<\/ALT>/g, (_, alt: string) => firstAlternative(alt));
    const sentences: TaggedSentence[] = [];
    for (const para of body.split(/<\/?p>/)) {
      const pieces: Array<{ text: string; type: string }> = [];
      let last = 0;
      for (const m of para.matchAll(/<EM\b([^>]*)>([\s\S]*?)<\/EM>/g)) {
        pieces.push({ text: para.slice(last, m.index), type: '' });
        const categ = /CATEG="([^"|]*)/.exec(m[1]!)?.[1] ?? '';
        pieces.push({ text: m[2]!, type: CATEGORIES[categ] ?? '' });
        last = m.index + m[0].length;
      }
      pieces.push({ text: para.slice(last), type: '' });
      let words: string[] = [];
      let tags: string[] = [];
      const flush = () => {
        if (words.length > 0) sentences.push({ words, tags });
        words = [];
        tags = [];
      };
      for (const piece of pieces) {
        tokenize(decodeEntities(piece.text.replace(/<[^>]*>/g, ' '))).words.forEach((w, k) => {
          words.push(w);
          tags.push(piece.type ? `${k === 0 ? 'B' : 'I'}-${piece.type}` : 'O');
          if (!piece.type && (w === '.' || w === '!' || w === '?')) flush();
        });
      }
      flush();
    }
    docs.push({ id, sentences });
  }
  return docs;
}

/** Writes tagged sentences as CoNLL lines (token TAB tag, blank line between sentences). */
export function toConll(sentences: readonly TaggedSentence[]): string {
  return sentences.map((s) => s.words.map((w, i) => `${w}\t${s.tags[i]!}\n`).join('')).join('\n');
}
