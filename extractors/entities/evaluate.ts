import { TAGS } from './model.js';
import { tagSentence, type DecodeParams } from './tagger.js';
import type { TaggedSentence } from './train.js';

/** Index of a tag in TAGS (unknown tags count as O). */
export function tagIndex(tag: string): number {
  const i = (TAGS as readonly string[]).indexOf(tag);
  return i < 0 ? 0 : i;
}

/** Entity chunks "start:end:type" of a tag-index sequence. */
export function chunks(tags: ArrayLike<number>): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = '';
  const close = (i: number) => {
    if (start >= 0) out.add(`${start}:${i}:${type}`);
    start = -1;
  };
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]!]!;
    if (t === 'O') close(i);
    else if (t.startsWith('B-') || t.slice(2) !== type || start < 0) {
      close(i);
      start = i;
      type = t.slice(2);
    }
  }
  close(tags.length);
  return out;
}

export interface ChunkScore {
  precision: number;
  recall: number;
  f1: number;
  /** Counts behind the figures: names right, names predicted, gold names (for pooling several sets). */
  tp: number;
  np: number;
  ng: number;
}

/** Micro P/R/F1 over gold and predicted chunk sets (one pair per sentence). */
export function scoreChunks(pairs: Iterable<readonly [gold: Set<string>, pred: Set<string>]>): ChunkScore {
  let tp = 0;
  let np = 0;
  let ng = 0;
  for (const [gold, pred] of pairs) {
    ng += gold.size;
    np += pred.size;
    for (const c of pred) if (gold.has(c)) tp++;
  }
  const precision = np ? tp / np : 0;
  const recall = ng ? tp / ng : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, np, ng };
}

/** Micro entity P/R/F1 of `p` on tagged sentences. */
export function evaluate(p: DecodeParams, sentences: readonly TaggedSentence[]): ChunkScore {
  return scoreChunks(sentences.map((s) => [chunks(s.tags.map(tagIndex)), chunks(tagSentence(p, s.words, s.docBits ?? 0))] as const));
}
