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

  it('keeps a spaced-out hyphenated place name that the gazetteer knows as one name', () => {
    const withPlace = { meta: {}, gazetteer: Gazetteer.build({ country: ['Timor-Leste'] }) } as unknown as NerModel;
    const words = ['Timor', '-', 'Leste', 'e', 'Famalicão', '-', 'Espinho'];
    const tagsOf = () => Uint8Array.from(['B-LOC', 'I-LOC', 'I-LOC', 'O', 'B-ORG', 'I-ORG', 'I-ORG'].map(tag));
    const out: NameSpan[] = [];
    sentenceSpans(withPlace, tagsOf(), words, words.map(tokenInfo), 0, out);
    expect(out.map((s) => words.slice(s.start, s.end).join(' '))).toEqual(['Timor - Leste', 'Famalicão', 'Espinho']);
    const plain: NameSpan[] = [];
    sentenceSpans(model, tagsOf(), words, words.map(tokenInfo), 0, plain);
    expect(plain.map((s) => words.slice(s.start, s.end).join(' '))).toEqual(['Timor', 'Leste', 'Famalicão', 'Espinho']);
  });

  it('widens a person name over the titles right before it when the model keeps titles inside (Portuguese)', () => {
    const words = ['o', 'senhor', 'deputado', 'Wurtz', ',', 'o', 'sr', '.', 'Gustavo', 'Capanema', 'e', 'a', 'Senhora', 'Presidente', 'em', 'Dona', 'Maria', 'e', 'Leiria'];
    const tagsOf = () => Uint8Array.from(['O', 'O', 'O', 'B-PER', 'O', 'O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'O', 'O', 'B-PER', 'O', 'B-ORG', 'B-PER', 'O', 'B-LOC'].map(tag));
    const infos = words.map(tokenInfo);
    const titled = { ...model, meta: { titlesInside: true } } as NerModel;
    const out: NameSpan[] = [];
    sentenceSpans(titled, tagsOf(), words, infos, 0, out);
    expect(out.map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`)).toEqual([
      'person:senhor deputado Wurtz',
      'person:sr . Gustavo Capanema',
      'person:Senhora Presidente',
      'organization:Dona', // a title already inside another name stays there
      'person:Maria',
      'location:Leiria',
    ]);
    const plain: NameSpan[] = [];
    sentenceSpans(model, tagsOf(), words, infos, 0, plain);
    expect(plain.map((s) => words.slice(s.start, s.end).join(' '))).toEqual(['Wurtz', 'Gustavo Capanema', 'Presidente', 'Dona', 'Maria', 'Leiria']);
  });

  it('reads an interview\'s speaker labels the model left untagged as people, and keeps a tagged one', () => {
    const name = (words: string[], tags: string[]) => {
      const out: NameSpan[] = [];
      sentenceSpans(model, Uint8Array.from(tags.map(tag)), words, words.map(tokenInfo), 0, out);
      return out.map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
    };
    const turn = ['DRV', ':', 'E', 'depois', '?', 'A', '.', 'H', '.', ':', 'Não', '.'];
    expect(name(turn, turn.map(() => 'O'))).toEqual(['person:DRV', 'person:A . H .']);
    expect(name(['A.H.', ':', 'Sim'], ['O', 'O', 'O'])).toEqual(['person:A.H.']);
    // A headline's acronym that the model read as an organisation stays one.
    expect(name(['ONU', ':', 'tráfico', 'cresce'], ['B-ORG', 'O', 'O', 'O'])).toEqual(['organization:ONU']);
    // Not labels: a word in lower case, a capital run inside the sentence, a single letter, five capitals, a colon at the end.
    for (const words of [['Tel', ':', '123'], ['o', 'ACTV', 'para', ':', 'x'], ['P', ':', 'Porquê'], ['OBRAS', ':', 'x'], ['DRV', ':']]) {
      expect(name(words, words.map(() => 'O'))).toEqual([]);
    }
  });
});
