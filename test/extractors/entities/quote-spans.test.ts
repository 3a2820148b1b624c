import { describe, expect, it } from 'vitest';
import { readHaremXml, TAGS } from '../../../extractors/entities/index.js';
import { QUOTED_TITLE_MAX, quoteSpans } from '../../../extractors/entities/quote-spans.js';

const tag = (t: string) => (TAGS as readonly string[]).indexOf(t);
const names = (tags: Uint8Array) => Array.from(tags, (t) => TAGS[t]);

describe('quote spans', () => {
  it('widens a name quoted as a whole to take its quote marks', () => {
    const words = ['la', 'obra', '"', 'Río', 'Hondo', '"', 'y', '«', 'Aurora', '»', '.'];
    const tags = Uint8Array.from(['O', 'O', 'O', 'B-MISC', 'I-MISC', 'O', 'O', 'O', 'B-ORG', 'O', 'O'].map(tag));
    quoteSpans(tags, words);
    expect(names(tags)).toEqual(['O', 'O', 'B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
  });

  it('leaves names that are only part of the quoted words, or mismatched quotes, alone', () => {
    const words = ['"', 'Ana', 'llegó', '"', ',', '«', 'Lima', '"'];
    const before = ['O', 'B-PER', 'O', 'O', 'O', 'O', 'B-LOC', 'O'];
    const tags = Uint8Array.from(before.map(tag));
    quoteSpans(tags, words);
    expect(names(tags)).toEqual(before);
  });

  it('widens a quoted title cut short after its first common word up to the closing quote', () => {
    const common = new Set(['la', 'del']);
    const isCommon = (w: string) => common.has(w.toLowerCase());
    const words = ['cantó', '"', 'La', 'noche', 'del', 'río', '"', 'y', '"', 'Ana', 'llegó', '"'];
    const tags = Uint8Array.from(['O', 'O', 'B-MISC', 'O', 'O', 'O', 'O', 'O', 'O', 'B-PER', 'O', 'O'].map(tag));
    quoteSpans(tags, words, isCommon);
    expect(names(tags)).toEqual(['O', 'B-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'I-MISC', 'O', 'O', 'B-PER', 'O', 'O']);
  });

  it('does not widen a name that starts with an uncommon word, nor past QUOTED_TITLE_MAX words', () => {
    const isCommon = (w: string) => w === 'El';
    const long = ['"', 'El', ...Array.from({ length: QUOTED_TITLE_MAX }, () => 'x'), '"'];
    const longTags = Uint8Array.from(long.map((_, i) => (i === 1 ? tag('B-ORG') : 0)));
    quoteSpans(longTags, long, isCommon);
    expect(names(longTags).filter((t) => t !== 'O')).toEqual(['B-ORG']);
    const words = ['"', 'Lima', 'crece', '"'];
    const tags = Uint8Array.from(['O', 'B-LOC', 'O', 'O'].map(tag));
    quoteSpans(tags, words, isCommon);
    expect(names(tags)).toEqual(['O', 'B-LOC', 'O', 'O']);
  });
});

describe('HAREM XML reader', () => {
  it('keeps PESSOA/LOCAL/ORGANIZACAO as IOB2, the first ALT and category, and drops OMITIDO', () => {
    const xml = `<DOC DOCID="x1"><p>A <EM ID="1" CATEG="PESSOA">Rita Lobo</EM> foi a <EM ID="2" CATEG="LOCAL|ORGANIZACAO">Faro</EM> em
      <EM ID="3" CATEG="TEMPO">maio</EM>. <OMITIDO><EM ID="4" CATEG="PESSOA">Zé</EM></OMITIDO>
      <ALT><EM ID="5" CATEG="ORGANIZACAO">Banco Azul</EM> | <EM ID="6" CATEG="ORGANIZACAO">Banco</EM> Azul</ALT> abriu.</p></DOC>`;
    const [doc] = readHaremXml(xml);
    expect(doc!.id).toBe('x1');
    expect(doc!.sentences.map((s) => s.words.map((w, i) => `${w}/${s.tags[i]}`).join(' '))).toEqual([
      'A/O Rita/B-PER Lobo/I-PER foi/O a/O Faro/B-LOC em/O maio/O ./O',
      'Banco/B-ORG Azul/I-ORG abriu/O ./O',
    ]);
  });
});
