import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indicatorsExtractor, newAnalysisDoc, toIndicator } from '../../extractors/index.js';
import type { AnalysisDoc } from '../../extractors/index.js';
import { loadLexicons, splitSentences } from '../../lexicons/index.js';

const lexicons = loadLexicons(resolve('test/fixtures/lexicons/basic'));

function doc(text: string, language: string): AnalysisDoc {
  return { ...newAnalysisDoc({ text }), language };
}

describe('indicators extractor', () => {
  it('fills sentences and indicators with category, group, weight, span and sentence', () => {
    const d = doc('Cayó una red de trata. Eran explotadas sexualmente en un bar.', 'es');
    indicatorsExtractor.extract(d, { lexicons, keepVictimNames: false });
    expect(d.sentences).toHaveLength(2);
    expect(d.indicators.map((i) => [i.id, i.category, i.group, i.text])).toEqual([
      ['es.offence.trata', 'offence.trafficking', 'offence', 'red de trata'],
      ['es.purpose.explotacion_sexual', 'purpose.sexual_exploitation', 'purpose', 'explotadas sexualmente'],
    ]);
    const second = d.indicators[1]!;
    expect(d.text.slice(second.start, second.end)).toBe('explotadas sexualmente');
    expect(second.sentence).toEqual(d.sentences[1]);
  });

  it('keeps sentences an earlier extractor set', () => {
    const d = doc('Red de trata. Otra frase.', 'es');
    d.sentences = [{ start: 0, end: 25 }];
    indicatorsExtractor.extract(d, { lexicons, keepVictimNames: false });
    expect(d.sentences).toEqual([{ start: 0, end: 25 }]);
  });

  it('keeps negated hits, flagged, and marks hedged ones', () => {
    const d = doc('La fiscalía descartó que se tratara de una red de trata. La presunta red de trata cayó.', 'es');
    indicatorsExtractor.extract(d, { lexicons, keepVictimNames: false });
    expect(d.indicators.map((i) => [i.text, i.negated ?? false, (i as { hedged?: boolean }).hedged ?? false])).toEqual([
      ['red de trata', true, false],
      ['red de trata', false, true],
    ]);
  });

  it('matches every language when the document language has no lexicon', () => {
    const d = doc('Una red de trata y una red de human trafficking.', 'it');
    indicatorsExtractor.extract(d, { lexicons, keepVictimNames: false });
    expect(d.indicators.map((i) => i.id).sort()).toEqual(['en.offence.human_trafficking', 'es.offence.trata']);
  });

  it('leaves indicators empty without a lexicon set', () => {
    const d = doc('Una red de trata.', 'es');
    indicatorsExtractor.extract(d, { lexicons: undefined, keepVictimNames: false });
    expect(d.indicators).toEqual([]);
    expect(d.sentences).toHaveLength(1);
  });
});

describe('LexiconSet.matchIndicators', () => {
  it('gives exactly match().map(toIndicator), fields in the same order', () => {
    const lex = loadLexicons();
    const lines = readFileSync('samples/dev/news.jsonl', 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const { text, lang } = JSON.parse(line) as { text: string; lang: string };
      const sentences = splitSentences(text);
      const want = JSON.stringify(lex.match(text, lang, sentences).map(toIndicator));
      expect(JSON.stringify(lex.matchIndicators!(text, lang, sentences))).toBe(want);
    }
  });
});
