import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { TokenAutomaton } from './automaton.js';
import { LexiconError, PatternError } from './errors.js';
import { buildLexiconSet } from './lexicon-set.js';
import type { LexiconSet } from './lexicon-set.js';
import { readLexiconSource } from './loader.js';
import type { LexiconProblem } from './loader.js';
import { numberWords } from './numbers.js';
import { compilePattern, patternKey } from './pattern.js';
import { entrySchema, GROUPS, KNOWN_KEYS } from './schema.js';
import type { EntryDef } from './schema.js';
import { splitSentences } from './sentences.js';
import { tokenStream } from './token-stream.js';
import { sentenceTokenRanges } from './lexicon-set.js';

/** Tools for analysts (the `rastro lexicon ...` commands wrap these). */

const PLURAL_OPTIONAL = /(?<![\p{L}|(])(\p{L}{2,}s)\?/gu;

export interface ValidationReport {
  ok: boolean;
  dir: string;
  version: string;
  languages: string[];
  entries: number;
  errors: LexiconProblem[];
  warnings: LexiconProblem[];
  /** Examples checked / failed. */
  examples: { checked: number; failed: number };
}

/**
 * Checks a lexicon folder the way CI does: schema, categories, duplicate ids, patterns, duplicate patterns
 * across entries (error), same-category entries hitting the same span (warning), unknown keys (warning),
 * and every example (`match` must hit its entry, `no_match` must not).
 */
export function validateLexicons(dirIn: string): ValidationReport {
  const dir = resolve(dirIn);
  const problems: LexiconProblem[] = [];
  const source = readLexiconSource(dir, { problems });
  const report: ValidationReport = {
    ok: false,
    dir,
    version: source.version,
    languages: source.languages,
    entries: source.entries.length,
    errors: [],
    warnings: [],
    examples: { checked: 0, failed: 0 },
  };
  unknownKeyWarnings(source.files, problems);

  // duplicate patterns across entries of one language
  // Same words twice in one category is an error; in two categories it is a deliberate double mapping
  // (e.g. "trabalho escravo" is both the named offence and the forced-labour purpose), reported as a warning.
  const seen = new Map<string, { id: string; category: string; file: string; line: number }>();
  for (const e of source.entries) {
    e.compiled.forEach((els, k) => {
      const key = `${e.lang}\u0000${patternKey(els)}`;
      const prev = seen.get(key);
      if (prev && prev.id !== e.id) {
        const same = prev.category === e.category;
        problems.push({
          file: e.file,
          line: e.patternLines[k] ?? e.line,
          reason: same
            ? `pattern "${e.patterns[k]}" duplicates one of ${prev.id} (${prev.file}:${prev.line})`
            : `pattern "${e.patterns[k]}" is also in ${prev.id} (${prev.file}:${prev.line}): it maps to both ${prev.category} and ${e.category}`,
          severity: same ? 'error' : 'warning',
        });
      } else if (!prev) seen.set(key, { id: e.id, category: e.category, file: e.file, line: e.patternLines[k] ?? e.line });
    });
  }

  // `víctimas?` makes the whole word optional (it is not a regex "optional s"): usually a mistake
  for (const e of source.entries) {
    e.patterns.forEach((pat, k) => {
      for (const m of pat.matchAll(PLURAL_OPTIONAL)) {
        const w = m[1]!;
        problems.push({
          file: e.file,
          line: e.patternLines[k] ?? e.line,
          reason: `pattern "${pat}": "${w}?" makes the whole word optional; for singular or plural write (${w.slice(0, -1)}|${w})`,
          severity: 'warning',
        });
      }
    });
  }

  const set = buildLexiconSet(source);
  for (const e of source.entries) {
    if (e.examples.match.length === 0) problems.push({ file: e.file, line: e.line, reason: `entry ${e.id} has no match example`, severity: 'error' });
    for (const ex of e.examples.match) {
      report.examples.checked++;
      const hits = set.match(ex, e.lang);
      const own = hits.filter((h) => h.id === e.id);
      if (!own.some((h) => !h.negated)) {
        report.examples.failed++;
        const why = own.length ? ' (the hit is negated by a cue)' : '';
        problems.push({ file: e.file, line: e.line, reason: `entry ${e.id}: match example did not hit${why}: "${ex}"`, severity: 'error' });
      }
      for (const o of own) {
        const twin = hits.find((h) => h.id !== e.id && h.category === e.category && h.start === o.start && h.end === o.end);
        if (twin) problems.push({ file: e.file, line: e.line, reason: `entry ${e.id} overlaps ${twin.id} (same category, same span "${o.text}")`, severity: 'warning' });
      }
    }
    for (const ex of e.examples.noMatch) {
      report.examples.checked++;
      const own = set.match(ex, e.lang).filter((h) => h.id === e.id && !h.negated);
      if (own.length) {
        report.examples.failed++;
        problems.push({ file: e.file, line: e.line, reason: `entry ${e.id}: no_match example hit "${own[0]!.text}": "${ex}"`, severity: 'error' });
      }
    }
  }
  report.errors = problems.filter((p) => p.severity === 'error');
  report.warnings = problems.filter((p) => p.severity === 'warning');
  report.ok = report.errors.length === 0;
  return report;
}

function unknownKeyWarnings(files: string[], problems: LexiconProblem[]): void {
  for (const f of files) {
    if (f.endsWith('taxonomy.yaml')) continue;
    const doc = parseDocument(readFileSync(f, 'utf8'));
    const data = doc.toJS() as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') continue;
    const isCues = /[\\/]cues\.ya?ml$/.test(f);
    const top = isCues ? KNOWN_KEYS.cues : KNOWN_KEYS.entryFile;
    for (const k of Object.keys(data)) if (!(top as readonly string[]).includes(k)) problems.push({ file: f, line: 0, reason: `unknown key "${k}"`, severity: 'warning' });
    if (isCues || !Array.isArray(data.entries)) continue;
    (data.entries as Array<Record<string, unknown>>).forEach((e, i) => {
      if (!e || typeof e !== 'object') return;
      for (const k of Object.keys(e)) {
        if (!(KNOWN_KEYS.entry as readonly string[]).includes(k)) problems.push({ file: f, line: 0, reason: `entries[${i}] (${String(e.id)}): unknown key "${k}"`, severity: 'warning' });
      }
    });
  }
}

export interface PatternTestHit {
  start: number;
  end: number;
  text: string;
  /** Up to 40 characters each side, for reading the hit in place. */
  context: string;
}

/** Runs one pattern (no entry needed) over texts; throws PatternError for a bad pattern. */
export function testPattern(pattern: string, lang: string, texts: Array<{ id: string; text: string }>): Array<{ id: string; hits: PatternTestHit[] }> {
  const a = new TokenAutomaton(numberWords([lang]));
  a.add(compilePattern(pattern), 0);
  return texts.map(({ id, text }) => {
    const tokens = tokenStream(text, true);
    const spans: Array<[number, number]> = [];
    for (const [from, to] of sentenceTokenRanges(tokens, splitSentences(text))) {
      a.run(tokens, from, to, (h) => spans.push([h.tokenStart, h.tokenEnd]));
    }
    spans.sort((x, y) => y[1] - y[0] - (x[1] - x[0]) || x[0] - y[0]);
    const kept: Array<[number, number]> = [];
    for (const s of spans) if (!kept.some((k) => k[0] < s[1] && s[0] < k[1])) kept.push(s);
    kept.sort((x, y) => x[0] - y[0]);
    const hits = kept.map(([ts, te]) => {
      const start = tokens.starts[ts]!;
      const end = tokens.ends[te - 1]!;
      const context = text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40)).replace(/\s+/g, ' ');
      return { start, end, text: text.slice(start, end), context };
    });
    return { id, hits };
  });
}

/**
 * Appends an entry to `<dir>/<lang>/<group>.yaml` (created when absent), keeping comments and layout.
 * The entry is validated (schema, category, unique id, patterns, its own examples); on any problem the
 * file is left as it was and a LexiconError is thrown.
 */
export function addEntry(dirIn: string, lang: string, group: string, entry: EntryDef): { file: string } {
  const dir = resolve(dirIn);
  if (!/^[a-z]{2,3}$/.test(lang)) throw new LexiconError(lang, 0, `bad language "${lang}"`);
  if (!(GROUPS as readonly string[]).includes(group)) throw new LexiconError(group, 0, `unknown group "${group}" (one of ${GROUPS.join(', ')})`);
  const file = join(dir, lang, `${group}.yaml`);
  const parsed = entrySchema.safeParse(entry);
  if (!parsed.success) throw new LexiconError(file, 0, `entry: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const p of [...entry.patterns, ...(entry.exclude ?? [])]) {
    try {
      compilePattern(p);
    } catch (e) {
      throw new LexiconError(file, 0, `bad pattern "${p}": ${e instanceof PatternError ? e.message : String(e)}`);
    }
  }
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const doc = parseDocument(before ?? `lang: ${lang}\ngroup: ${group}\nentries: []\n`);
  const plain = JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>;
  const node = doc.createNode(plain);
  const entries = doc.get('entries', true) as { items?: unknown[]; flow?: boolean } | undefined;
  if (entries && Array.isArray(entries.items)) {
    entries.flow = false;
    doc.addIn(['entries'], node);
  } else doc.set('entries', doc.createNode([plain]));
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  try {
    const set = buildLexiconSet(readLexiconSource(dir));
    const missed = (entry.examples?.match ?? []).filter((ex) => !set.match(ex, lang).some((h) => h.id === entry.id && !h.negated));
    const wrong = (entry.examples?.no_match ?? []).filter((ex) => set.match(ex, lang).some((h) => h.id === entry.id && !h.negated));
    if (missed.length || wrong.length) {
      throw new LexiconError(file, 0, `entry ${entry.id}: ${missed.map((x) => `match example did not hit: "${x}"`).concat(wrong.map((x) => `no_match example hit: "${x}"`)).join('; ')}`);
    }
  } catch (err) {
    if (before === null) writeFileSync(file, `lang: ${lang}\ngroup: ${group}\nentries: []\n`);
    else writeFileSync(file, before);
    throw err;
  }
  return { file };
}

export interface ReviewedLead {
  indicatorIds: string[];
  status: string;
}

export interface LexiconStatRow {
  lang: string;
  category: string;
  entries: number;
  /** Reviewed leads holding at least one indicator of this (lang, category). */
  hits: number;
  confirmed: number;
  dismissed: number;
  /** confirmed / (confirmed + dismissed), null when none reviewed. */
  precision: number | null;
}

/** Entries per category and language, with hits and precision over reviewed leads (confirmed vs dismissed). */
export function lexiconStats(set: LexiconSet, reviewed: readonly ReviewedLead[] = []): LexiconStatRow[] {
  const rows = new Map<string, LexiconStatRow>();
  const byId = new Map(set.entries.map((e) => [e.id, e]));
  const row = (lang: string, category: string): LexiconStatRow => {
    const key = `${lang}\u0000${category}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { lang, category, entries: 0, hits: 0, confirmed: 0, dismissed: 0, precision: null }));
    return r;
  };
  for (const e of set.entries) row(e.lang, e.category).entries++;
  for (const lead of reviewed) {
    const keys = new Set<string>();
    for (const id of lead.indicatorIds) {
      const e = byId.get(id);
      if (e) keys.add(`${e.lang}\u0000${e.category}`);
    }
    for (const k of keys) {
      const [lang, category] = k.split('\u0000') as [string, string];
      const r = row(lang, category);
      r.hits++;
      if (lead.status === 'confirmed') r.confirmed++;
      else if (lead.status === 'dismissed') r.dismissed++;
    }
  }
  for (const r of rows.values()) r.precision = r.confirmed + r.dismissed > 0 ? r.confirmed / (r.confirmed + r.dismissed) : null;
  return [...rows.values()].sort((a, b) => a.lang.localeCompare(b.lang) || a.category.localeCompare(b.category));
}
