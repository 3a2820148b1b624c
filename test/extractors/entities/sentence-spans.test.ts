import { describe, expect, it } from 'vitest';
import { Gazetteer, TAGS, type NerModel } from '../../../extractors/entities/index.js';
import { sentenceSpans, type NameSpan } from '../../../extractors/entities/recognize.js';
import { tokenInfo } from '../../../extractors/entities/token-info.js';

const model = { meta: {}, gazetteer: Gazetteer.build({}) } as unknown as NerModel;
const tag = (t: string) => (TAGS as readonly string[]).indexOf(t);

describe('sentenceSpans', () => {
  it('splits at a spaced dash, trims lower-case ends and shifts by the sentence offset', () => {
    const before = ['Ontem', ':'];
    const words = ['o', 'Famalicão', '-', 'Espinho', 'empatou', 'com', 'Ana', 'Lima'];
    const tags = Uint8Array.from(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'B-PER', 'I-PER'].map(tag));
    const infos = [...before, ...words].map(tokenInfo);
    const out: NameSpan[] = [];
    sentenceSpans(model, tags, words, infos, before.length, out);
    expect(out).toEqual([
      { start: 3, end: 4, type: 'organization' },
      { start: 5, end: 6, type: 'organization' },
      { start: 8, end: 10, type: 'person' },
    ]);
    expect(Array.from(tags, (t) => TAGS[t])).toEqual(['O', 'B-ORG', 'O', 'B-ORG', 'I-ORG', 'O', 'B-PER', 'I-PER']);
  });
});
