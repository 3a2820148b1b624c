import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addEntry, LexiconError, LexiconProvider, lexiconStats, loadLexicons, testPattern, validateLexicons } from '../../lexicons/index.js';
import { tmpLexicon } from './helpers/tmp-lexicon.js';

const FIXTURE = resolve('test/fixtures/lexicons/basic');

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rastro-lexcopy-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('validateLexicons', () => {
  it('passes the fixture folder and counts its examples', () => {
    const r = validateLexicons(FIXTURE);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.examples.checked).toBeGreaterThan(5);
    expect(r.examples.failed).toBe(0);
  });

  it('reports failing examples, duplicate patterns across entries and unknown keys', () => {
    const dir = tmpLexicon({
      'es/offence.yaml': `lang: es
group: offence
entries:
  - id: es.offence.a
    category: offence.trafficking
    weight: 0.9
    patterns: [trata de personas]
    examples:
      match: [La trata creció.]
      no_match: [Hay trata de personas.]
  - id: es.offence.b
    category: offence.trafficking
    weight: 0.5
    patern: typo
    patterns: [TRATA DE PERSONAS]
    examples:
      match: [trata de personas]
`,
    });
    const r = validateLexicons(dir);
    expect(r.ok).toBe(false);
    const reasons = r.errors.map((e) => e.reason).join('\n');
    expect(reasons).toMatch(/es.offence.a: match example did not hit: "La trata creció."/);
    expect(reasons).toMatch(/es.offence.a: no_match example hit "trata de personas"/);
    expect(reasons).toMatch(/duplicates one of es.offence.a/);
    expect(r.warnings.map((w) => w.reason).join('\n')).toMatch(/unknown key "patern"/);
  });

  it('warns that "palabras?" makes the whole word optional', () => {
    const dir = tmpLexicon({
      'es/offence.yaml': `lang: es
group: offence
entries:
  - id: es.offence.a
    category: offence.trafficking
    weight: 0.9
    patterns: [víctimas? de trata, (trata|tratas)? de personas]
    examples:
      match: [víctimas de trata]
`,
    });
    const warnings = validateLexicons(dir).warnings.map((w) => w.reason);
    expect(warnings.filter((w) => w.includes('optional'))).toEqual([
      'pattern "víctimas? de trata": "víctimas?" makes the whole word optional; for singular or plural write (víctima|víctimas)',
    ]);
  });
});

describe('testPattern', () => {
  it('returns each hit with its context, longest first-come', () => {
    const r = testPattern('(pasaporte|documentos) ~3 retenid*', 'es', [
      { id: 'a', text: 'Según la fiscalía, el pasaporte le fue retenido por el patrón.' },
      { id: 'b', text: 'Renovó su pasaporte.' },
    ]);
    expect(r[0]!.hits.map((h) => h.text)).toEqual(['pasaporte le fue retenido']);
    expect(r[0]!.hits[0]!.context).toContain('el pasaporte le fue retenido por');
    expect(r[1]!.hits).toEqual([]);
  });

  it('throws on a bad pattern', () => {
    expect(() => testPattern('(a|(b))', 'es', [])).toThrow(/nested/);
  });
});

describe('addEntry', () => {
  const entry = {
    id: 'es.offence.trata_laboral',
    category: 'offence.trafficking',
    weight: 0.8,
    patterns: ['trata laboral'],
    examples: { match: ['Un caso de trata laboral en el campo.'] },
  };

  it('appends to the group file keeping comments, and the entry then matches', () => {
    const dir = copyFixture();
    const file = join(dir, 'es/offence.yaml');
    writeFileSync(file, `# analysts' comment stays\n${readFileSync(file, 'utf8')}`);
    expect(addEntry(dir, 'es', 'offence', entry).file).toBe(file);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain("# analysts' comment stays");
    expect(after).toContain('es.offence.trata_laboral');
    expect(loadLexicons(dir).match('Denuncian trata laboral.', 'es').map((h) => h.id)).toContain('es.offence.trata_laboral');
  });

  it('refuses a duplicate id, an unknown category or failing examples and leaves the file unchanged', () => {
    const dir = copyFixture();
    const file = join(dir, 'es/offence.yaml');
    const before = readFileSync(file, 'utf8');
    expect(() => addEntry(dir, 'es', 'offence', { ...entry, id: 'es.offence.trata' })).toThrow(/duplicate entry id/);
    expect(() => addEntry(dir, 'es', 'offence', { ...entry, category: 'offence.nope' })).toThrow(/unknown category/);
    expect(() => addEntry(dir, 'es', 'offence', { ...entry, examples: { match: ['nada que ver'] } })).toThrow(LexiconError);
    expect(() => addEntry(dir, 'es', 'offence', { ...entry, patterns: ['ab*'] })).toThrow(/bad pattern/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('lexiconStats', () => {
  it('counts entries per language and category and precision from reviewed leads', () => {
    const set = loadLexicons(FIXTURE);
    const rows = lexiconStats(set, [
      { indicatorIds: ['es.offence.trata', 'es.event.detenidos'], status: 'confirmed' },
      { indicatorIds: ['es.offence.trata'], status: 'dismissed' },
      { indicatorIds: ['es.offence.trata'], status: 'new' },
    ]);
    const trata = rows.find((r) => r.lang === 'es' && r.category === 'offence.trafficking');
    expect(trata).toEqual({ lang: 'es', category: 'offence.trafficking', entries: 1, hits: 3, confirmed: 1, dismissed: 1, precision: 0.5 });
    expect(rows.find((r) => r.lang === 'en' && r.category === 'offence.trafficking')?.precision).toBeNull();
  });
});

describe('LexiconProvider', () => {
  it('reloads when the content changes and keeps the old set when the edit is broken', () => {
    const dir = copyFixture();
    const errors: unknown[] = [];
    const p = new LexiconProvider(dir, { onError: (e) => errors.push(e) });
    const v1 = p.current.version;
    expect(p.refresh()).toBe(false);
    const file = join(dir, 'es/offence.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('red de trata', 'red de tratantes'));
    expect(p.refresh()).toBe(true);
    expect(p.current.version).not.toBe(v1);
    const v2 = p.current.version;
    writeFileSync(file, readFileSync(file, 'utf8').replace('weight: 0.9', 'weight: 9'));
    expect(p.refresh()).toBe(false);
    expect(p.current.version).toBe(v2);
    expect(errors).toHaveLength(1);
  });
});
