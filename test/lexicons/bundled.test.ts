import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { lexiconFiles, loadLexicons, packageRoot } from '../../lexicons/index.js';
import type { LexiconSet } from '../../lexicons/index.js';

/**
 * Loads the REAL bundled lexicons/ folder and runs every entry's examples: each `match` example must
 * produce a hit of that entry, each `no_match` example must not. One `it` per entry, so the content
 * authors see exactly which entry fails. Negated hits count as "no hit" for examples.
 */
const dir = join(packageRoot(), 'lexicons');
const files = lexiconFiles(dir).filter((f) => !f.endsWith('taxonomy.yaml'));

describe('bundled lexicons', () => {
  it('has entry files for es, pt and en (an empty folder is reported, not passed)', () => {
    const langs = new Set(files.map((f) => f.slice(dir.length + 1).split(/[\\/]/)[0]));
    expect([...langs].sort(), `entry files found: ${files.length}`).toEqual(expect.arrayContaining(['es', 'pt', 'en']));
  });

  let set: LexiconSet | undefined;
  let loadError: unknown;
  try {
    set = loadLexicons(dir);
  } catch (e) {
    loadError = e;
  }

  it('loads without errors (schema, categories, ids, patterns)', () => {
    expect(loadError === undefined ? '' : String((loadError as Error).message)).toBe('');
  });

  if (!set) return;
  const lexicon = set;

  it('has entries', () => {
    expect(lexicon.entries.length).toBeGreaterThan(0);
  });

  for (const entry of lexicon.entries) {
    it(`${entry.id} (${entry.file}:${entry.line}) matches its examples`, () => {
      expect(entry.examples.match.length, 'needs at least one match example').toBeGreaterThan(0);
      const problems: string[] = [];
      for (const ex of entry.examples.match) {
        const hits = lexicon.match(ex, entry.lang).filter((h) => h.id === entry.id && !h.negated);
        if (hits.length === 0) problems.push(`match example did not hit: "${ex}"`);
      }
      for (const ex of entry.examples.noMatch) {
        const hits = lexicon.match(ex, entry.lang).filter((h) => h.id === entry.id && !h.negated);
        if (hits.length > 0) problems.push(`no_match example hit "${hits[0]!.text}": "${ex}"`);
      }
      expect(problems).toEqual([]);
    });
  }
});
