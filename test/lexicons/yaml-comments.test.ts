import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconFiles, packageRoot } from '../../lexicons/index.js';

/**
 * In YAML a plain (unquoted) scalar ends at " #": `- captaba a #num mujeres` silently becomes the pattern
 * "captaba a", which matches far too much. Patterns and examples that use #num / #cap or a hashtag must be quoted.
 */
describe('lexicon YAML', () => {
  const dir = join(packageRoot(), 'lexicons');
  it('has no list item cut short by a " #" comment', () => {
    const cut: string[] = [];
    for (const file of lexiconFiles(dir)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = /^\s*- (.*)$/.exec(line);
          if (m && !/^['"]/.test(m[1]!) && / #/.test(m[1]!)) cut.push(`${file.slice(dir.length + 1)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(cut).toEqual([]);
  });
});
