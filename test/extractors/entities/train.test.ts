import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  deserializeModel,
  Gazetteer,
  loadModel,
  modelParams,
  parseModel,
  serializeModel,
  tagSentence,
  TAGS,
  trainNer,
  type TaggedSentence,
} from '../../../extractors/entities/index.js';
import { upperCopies } from '../../../scripts/train-ner.js';
import { scoreChunks } from '../../../extractors/entities/evaluate.js';

/** A tiny invented corpus in CoNLL form (token, tag). */
const CORPUS: Array<Array<[string, string]>> = [
  [['La', 'O'], ['Fundación', 'B-ORG'], ['Lirio', 'I-ORG'], ['ayudó', 'O'], ['a', 'O'], ['Tomás', 'B-PER'], ['Quiroga', 'I-PER'], ['en', 'O'], ['Pasto', 'B-LOC'], ['.', 'O']],
  [['Tomás', 'B-PER'], ['Quiroga', 'I-PER'], ['viajó', 'O'], ['a', 'O'], ['Ibagué', 'B-LOC'], ['con', 'O'], ['la', 'O'], ['Fundación', 'B-ORG'], ['Lirio', 'I-ORG'], ['.', 'O']],
  [['En', 'O'], ['Pasto', 'B-LOC'], ['vive', 'O'], ['Elena', 'B-PER'], ['Varela', 'I-PER'], ['.', 'O']],
  [['La', 'O'], ['Copa', 'B-MISC'], ['Andina', 'I-MISC'], ['empieza', 'O'], ['en', 'O'], ['Ibagué', 'B-LOC'], ['.', 'O']],
];
const conll = CORPUS.map((s) => s.map(([w, t]) => `${w} ${t}`).join('\n')).join('\n\n') + '\n';
const sentences: TaggedSentence[] = CORPUS.map((s) => ({ words: s.map(([w]) => w), tags: s.map(([, t]) => t) }));

describe('NER training', () => {
  it('learns to tag its training sentences (in process)', () => {
    const gazetteer = Gazetteer.build({ city: ['Pasto'], firstname: ['Elena'] });
    const model = trainNer(sentences, { lang: 'es', gazetteer, epochs: 10, bits: 14, seed: 3 });
    const p = modelParams(model);
    for (const s of sentences) expect(Array.from(tagSentence(p, s.words), (t) => TAGS[t])).toEqual(s.tags);
    const again = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model))));
    expect(again.weights).toEqual(model.weights);
    again.transitions.forEach((x, i) => expect(x).toBeCloseTo(model.transitions[i]!, 3));
  });

  it('is deterministic for a seed', () => {
    const gazetteer = Gazetteer.build({});
    const a = trainNer(sentences, { lang: 'es', gazetteer, epochs: 3, bits: 12, seed: 7 });
    const b = trainNer(sentences, { lang: 'es', gazetteer, epochs: 3, bits: 12, seed: 7 });
    expect(a.weights).toEqual(b.weights);
  });

  it('adds upper-case copies of every k-th sentence that holds an entity, tags unchanged', () => {
    const plain: TaggedSentence = { words: ['sin', 'nombres', '.'], tags: ['O', 'O', 'O'] };
    const copies = upperCopies([sentences[0]!, sentences[1]!, plain, sentences[3]!], 2);
    expect(copies.map((c) => c.words.join(' '))).toEqual(['LA FUNDACIÓN LIRIO AYUDÓ A TOMÁS QUIROGA EN PASTO .']);
    expect(copies[0]!.tags).toEqual(sentences[0]!.tags);
  });

  it('runs scripts/train-ner.ts on a CoNLL file and writes a model that tags the training text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rastro-ner-'));
    const data = join(dir, 'tiny.conll');
    const out = join(dir, 'tiny.json.gz');
    writeFileSync(data, conll);
    // (--extra: the tiny file again instead of our Spanish training set, so that the test stays small)
    await promisify(execFile)('npx', ['tsx', 'scripts/train-ner.ts', '--lang', 'es', '--train', data, '--extra', data, '--extra-repeat', '2', '--upper-every', '0', '--epochs', '10', '--bits', '14', '--out', out], {
      cwd: join(import.meta.dirname, '../../..'),
    });
    const model = parseModel(readFileSync(out));
    expect(model.lang).toBe('es');
    expect(model.meta).toMatchObject({ extraFiles: [data], extraRepeat: 2, trainSentences: 3 * sentences.length });
    const p = modelParams(model);
    for (const s of sentences) expect(Array.from(tagSentence(p, s.words), (t) => TAGS[t])).toEqual(s.tags);
  }, 120_000);

  it('holds out a block in the middle of the last file (--holdout-at, for cross-validation) and keeps it out of training', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rastro-ner-'));
    const data = join(dir, 'tiny.conll');
    const out = join(dir, 'tiny.json.gz');
    writeFileSync(data, conll);
    const { stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/train-ner.ts', '--lang', 'es', '--train', data, '--extra', '', '--holdout', '1', '--holdout-at', '3',
      '--epochs', '2', '--bits', '12', '--seeds', '1', '--doc-folds', '0', '--upper-every', '0', '--out', out], { cwd: join(import.meta.dirname, '../../..') });
    expect(stderr).toContain('train 3 sentences');
    expect(stderr).toContain('dev 1 sentences (sentences 3..3 of the last file)');
    // The held-out sentence is the only one with MISC: a model that never saw it has no MISC weights.
    const model = parseModel(readFileSync(out));
    const misc = TAGS.indexOf('B-MISC');
    let miscWeights = 0;
    for (let i = misc; i < model.weights.length; i += TAGS.length) if (model.weights[i] !== 0) miscWeights++;
    expect(miscWeights).toBe(0);
  }, 120_000);
});

describe('scoreChunks', () => {
  it('gives the counts behind its figures, for pooling several sets', () => {
    const r = scoreChunks([[new Set(['0:2:PER', '3:4:LOC']), new Set(['0:2:PER', '5:6:ORG', '7:8:ORG'])]]);
    expect(r).toMatchObject({ tp: 1, np: 3, ng: 2 });
    expect(r.f1).toBeCloseTo((2 * 1) / (3 + 2), 10);
  });
});

describe('bundled models', () => {
  it('load for es and pt with their training metadata', () => {
    for (const lang of ['es', 'pt'] as const) {
      const m = loadModel(lang);
      expect(m.lang).toBe(lang);
      expect(m.weights.length).toBe((1 << m.bits) * TAGS.length);
      expect(m.weights.some((w) => w !== 0)).toBe(true);
      expect(m.meta.trainSentences).toBeGreaterThan(1000);
    }
  });
});
