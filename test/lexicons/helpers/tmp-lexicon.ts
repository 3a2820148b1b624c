import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const TAXONOMY = `version: 1
categories:
  - id: offence.trafficking
    group: offence
  - id: purpose.sexual_exploitation
    group: purpose
    type: sexual_exploitation
  - id: event.arrest_raid
    group: event
  - id: context.road_traffic
    group: context
`;

/** Writes a lexicon folder to a fresh temp dir: { 'es/offence.yaml': '...' }; taxonomy added unless given. */
export function tmpLexicon(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rastro-lex-'));
  const all = { 'taxonomy.yaml': TAXONOMY, ...files };
  for (const [rel, content] of Object.entries(all)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

/** One-entry es lexicon with the given patterns (and optional exclude / cues). */
export function entryLexicon(patterns: string[], opts: { exclude?: string[]; lang?: string; cues?: string } = {}): string {
  const lang = opts.lang ?? 'es';
  const yamlList = (xs: string[]): string => xs.map((p) => `      - ${JSON.stringify(p)}`).join('\n');
  const files: Record<string, string> = {
    [`${lang}/offence.yaml`]: `lang: ${lang}
group: offence
entries:
  - id: ${lang}.offence.t
    category: offence.trafficking
    weight: 0.9
    patterns:
${yamlList(patterns)}
${opts.exclude ? `    exclude:\n${yamlList(opts.exclude)}\n` : ''}`,
  };
  if (opts.cues) files[`${lang}/cues.yaml`] = opts.cues;
  return tmpLexicon(files);
}
