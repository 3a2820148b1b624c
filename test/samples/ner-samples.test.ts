import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../samples/ner');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.conll')).sort();
const TAG = /^(?:O|[BI]-(?:PER|LOC|ORG|MISC))$/;
const EXPECTED_FILES = ['en-dev.conll', 'en-train-a.conll', 'en-train-b.conll', 'es-dev.conll', 'es-train.conll', 'pt-dev.conll', 'pt-train.conll'];
const DEV_FILES = EXPECTED_FILES.filter((f) => f.endsWith('-dev.conll'));

interface Row {
  line: number;
  cols: string[];
}

/** Sentences as blocks of token rows; -DOCSTART- lines end a block like a blank line (as the scorer reads them). */
function readSentences(text: string): Row[][] {
  const sentences: Row[][] = [];
  let current: Row[] = [];
  const flush = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('-DOCSTART-')) return flush();
    current.push({ line: i + 1, cols: raw.split(' ') });
  });
  flush();
  return sentences;
}

describe.each(FILES)('samples/ner/%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const sentences = readSentences(text);
  const rows = sentences.flat();

  it('has at least 400 sentences, split into documents', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(400);
    expect(text.startsWith('-DOCSTART- -X- -X- O\n\n')).toBe(true);
  });

  it('has four space-separated columns with a non-empty token on every row', () => {
    const bad = rows.filter(({ cols }) => cols.length !== 4 || cols.some((c) => c === ''));
    expect(bad.map((r) => r.line)).toEqual([]);
  });

  it('uses only O and B-/I- PER, LOC, ORG, MISC tags', () => {
    const bad = rows.filter(({ cols }) => !TAG.test(cols[3] ?? ''));
    expect(bad.map((r) => `${r.line}: ${r.cols[3]}`)).toEqual([]);
  });

  it('is IOB2: every I- tag continues an entity of the same type', () => {
    const bad: string[] = [];
    for (const sentence of sentences) {
      let previous = 'O';
      for (const { line, cols } of sentence) {
        const tag = cols[3] ?? 'O';
        if (tag.startsWith('I-') && previous.slice(2) !== tag.slice(2)) bad.push(`${line}: ${previous} -> ${tag}`);
        previous = tag;
      }
    }
    expect(bad).toEqual([]);
  });

  it('annotates every type of its language (Portuguese has no MISC, as in HAREM)', () => {
    const types = new Set(rows.map(({ cols }) => cols[3] ?? 'O').filter((t) => t.startsWith('B-')));
    expect([...types].sort()).toEqual(file.startsWith('pt-') ? ['B-LOC', 'B-ORG', 'B-PER'] : ['B-LOC', 'B-MISC', 'B-ORG', 'B-PER']);
  });
});

describe('samples/ner sets', () => {
  it('holds a dev set and training sets per language', () => {
    expect(FILES).toEqual(EXPECTED_FILES);
  });

  it.each(DEV_FILES)('shares no sentence between %s and the training sets of its language (its figure is measured on unseen text)', (devFile) => {
    const key = (s: Row[]): string => s.map(({ cols }) => cols[0]).join(' ');
    const dev = new Set(readSentences(readFileSync(join(DIR, devFile), 'utf8')).filter((s) => s.length >= 6).map(key));
    const lang = devFile.slice(0, 3);
    const shared = FILES.filter((f) => f !== devFile && f.startsWith(lang)).flatMap((f) =>
      readSentences(readFileSync(join(DIR, f), 'utf8')).map(key).filter((k) => dev.has(k)),
    );
    expect(shared).toEqual([]);
  });
});
