import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultLexiconDir, LexiconError, loadLexicons, packageRoot, readLexiconSource } from '../../lexicons/index.js';
import type { LexiconProblem } from '../../lexicons/index.js';
import { tmpLexicon } from './helpers/tmp-lexicon.js';

const FIXTURE = resolve('test/fixtures/lexicons/basic');

function loadError(files: Record<string, string>): LexiconError {
  const dir = tmpLexicon(files);
  try {
    loadLexicons(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(LexiconError);
    return e as LexiconError;
  }
  throw new Error('expected a LexiconError');
}

const entry = (body: string): string => `lang: es
group: offence
entries:
  - id: es.offence.a
    category: offence.trafficking
    weight: 0.9
    patterns:
      - trata de personas
${body}`;

describe('loadLexicons', () => {
  it('loads the fixture folder: entries, languages, taxonomy and a 12-hex version', () => {
    const set = loadLexicons(FIXTURE);
    expect(set.languages).toEqual(['en', 'es', 'pt']);
    expect(set.entries.map((e) => e.id)).toContain('es.purpose.explotacion_sexual');
    expect(set.categories.get('purpose.forced_labour')?.type).toBe('forced_labour');
    expect(set.version).toMatch(/^[0-9a-f]{12}$/);
    expect(set.entries.find((e) => e.id === 'es.purpose.explotacion_sexual')?.type).toBe('sexual_exploitation');
  });

  it('changes the version when a file changes and keeps it when nothing changes', () => {
    const dir = tmpLexicon({ 'es/offence.yaml': entry('') });
    const v1 = loadLexicons(dir).version;
    expect(loadLexicons(dir).version).toBe(v1);
    writeFileSync(join(dir, 'es/offence.yaml'), entry('    notes: changed\n'));
    expect(loadLexicons(dir).version).not.toBe(v1);
  });

  it('finds the bundled folder from the package root', () => {
    expect(defaultLexiconDir()).toBe(join(packageRoot(), 'lexicons'));
    expect(packageRoot()).toBe(resolve('.'));
  });

  it('names file and line of a bad pattern', () => {
    const e = loadError({ 'es/offence.yaml': entry('      - (trata|(de|x))\n') });
    expect(e.file).toMatch(/es[\\/]offence\.yaml$/);
    expect(e.line).toBe(9);
    expect(e.reason).toMatch(/bad pattern .*nested/);
    expect(e.message).toMatch(/offence\.yaml:9: bad pattern/);
  });

  it('names file and line of an unknown category', () => {
    const e = loadError({ 'es/offence.yaml': entry('').replace('offence.trafficking', 'offence.nope') });
    expect([e.line, e.reason]).toEqual([5, 'unknown category "offence.nope" (not in taxonomy.yaml)']);
  });

  it('rejects a duplicate entry id across files', () => {
    const e = loadError({ 'es/offence.yaml': entry(''), 'es/purpose.yaml': entry('').replace('group: offence', 'group: purpose') });
    expect(e.reason).toMatch(/duplicate entry id "es.offence.a"/);
    expect(e.file).toMatch(/purpose\.yaml$/);
    expect(e.line).toBe(4);
  });

  it('rejects a weight outside 0..1 at its line', () => {
    const e = loadError({ 'es/offence.yaml': entry('').replace('weight: 0.9', 'weight: 1.5') });
    expect([e.line, e.reason]).toEqual([6, 'weight must be between 0 and 1 (at entries.0.weight)']);
  });

  it('rejects a YAML syntax error at its line', () => {
    const e = loadError({ 'es/offence.yaml': 'lang: es\ngroup: offence\nentries:\n  - id: [unclosed\n' });
    expect(e.reason).toMatch(/YAML syntax/);
    expect(e.line).toBeGreaterThanOrEqual(4);
  });

  it('rejects a file whose lang does not match its folder', () => {
    const e = loadError({ 'pt/offence.yaml': entry('').replace('es.offence.a', 'pt.offence.a') });
    expect([e.line, e.reason]).toEqual([1, 'lang "es" does not match the folder "pt"']);
  });

  it('rejects a purpose category without an exploitation type', () => {
    const e = loadError({ 'taxonomy.yaml': 'categories:\n  - id: purpose.x\n    group: purpose\n' });
    expect([e.line, e.reason]).toEqual([2, 'purpose category "purpose.x" needs a type (an exploitation type)']);
  });

  it('collects every problem instead of throwing when asked', () => {
    const dir = tmpLexicon({
      'es/offence.yaml': entry('      - ex*\n').replace('offence.trafficking', 'offence.nope'),
      'es/cues.yaml': 'lang: es\nnegation:\n  - (no|\n',
    });
    const problems: LexiconProblem[] = [];
    readLexiconSource(dir, { problems });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3, 5]);
  });
});

describe('YAML pitfalls', () => {
  it('explains that a pattern starting with # must be quoted', () => {
    const e = loadError({ 'es/offence.yaml': entry('      - #num víctimas\n') });
    expect(e.line).toBe(9);
    expect(e.reason).toMatch(/must be quoted/);
  });
});
