import type { Indicator } from '../core/index.js';
import { splitSentences } from '../lexicons/index.js';
import type { LexiconHit, LexiconSet } from '../lexicons/index.js';
import type { AnalysisDoc, ExtractContext, Extractor } from './types.js';

/** An indicator with the hedge flag the lexicon engine adds ("presunta red de trata": counts, half weight). */
export type IndicatorHit = Indicator & { hedged?: boolean };

/** True when `x` looks like a compiled LexiconSet (ctx.lexicons is typed `unknown` in extractors/types.ts). */
export function isLexiconSet(x: unknown): x is LexiconSet {
  return !!x && typeof x === 'object' && typeof (x as LexiconSet).match === 'function' && Array.isArray((x as LexiconSet).entries);
}

/** Maps one lexicon hit to the core Indicator shape. */
export function toIndicator(h: LexiconHit): IndicatorHit {
  const ind: IndicatorHit = {
    id: h.id,
    category: h.category,
    group: h.group,
    weight: h.weight,
    start: h.start,
    end: h.end,
    text: h.text,
    sentence: { start: h.sentence.start, end: h.sentence.end },
  };
  if (h.negated) ind.negated = true;
  if (h.hedged) ind.hedged = true;
  return ind;
}

/**
 * Fills `doc.sentences` (when empty) and `doc.indicators` from the lexicon of `doc.language`; a language
 * without its own lexicon is matched against every language's entries.
 */
export const indicatorsExtractor: Extractor = {
  name: 'indicators',
  version: '1',
  extract(doc: AnalysisDoc, ctx: ExtractContext): void {
    if (doc.sentences.length === 0) doc.sentences = splitSentences(doc.text);
    if (!isLexiconSet(ctx.lexicons)) return;
    const lex = ctx.lexicons;
    doc.indicators = lex.matchIndicators ? lex.matchIndicators(doc.text, doc.language, doc.sentences) : lex.match(doc.text, doc.language, doc.sentences).map(toIndicator);
  },
};
