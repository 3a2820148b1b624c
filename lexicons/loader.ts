import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { ExploitationType, IndicatorGroup } from '../core/index.js';
import { LexiconError, PatternError } from './errors.js';
import { compilePattern } from './pattern.js';
import type { Element } from './pattern.js';
import { cuesFileSchema, entryFileSchema, taxonomySchema } from './schema.js';
import type { CategoryDef } from './schema.js';

/** One entry as loaded, with where it came from. */
export interface LexiconEntry {
  id: string;
  category: string;
  group: IndicatorGroup;
  weight: number;
  lang: string;
  /** For purpose.* categories: the exploitation type the taxonomy maps it to. */
  type?: ExploitationType;
  patterns: string[];
  exclude: string[];
  notes?: string;
  examples: { match: string[]; noMatch: string[] };
  file: string;
  line: number;
  /** Line of each pattern / exclude pattern, same order. */
  patternLines: number[];
  excludeLines: number[];
  /** Parsed form of each pattern (parallel to `patterns`) and of each exclude pattern. */
  compiled: Element[][];
  excludeCompiled: Element[][];
}

export interface LexiconCues {
  lang: string;
  file: string;
  negation: Element[][];
  hedge: Element[][];
  postNegation: Element[][];
  clauseBreaks: Element[][];
}

export interface LexiconSource {
  dir: string;
  version: string;
  taxonomy: CategoryDef[];
  entries: LexiconEntry[];
  cues: Map<string, LexiconCues>;
  languages: string[];
  files: string[];
}

export interface LexiconProblem {
  file: string;
  line: number;
  reason: string;
  severity: 'error' | 'warning';
}

/** The package root (the folder holding package.json) above this module, from source or from dist/. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new LexiconError(from, 0, 'cannot find package.json above this module to locate lexicons/');
    dir = up;
  }
}

/** The bundled lexicons folder. */
export function defaultLexiconDir(): string {
  return join(packageRoot(), 'lexicons');
}

function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

interface Parsed {
  file: string;
  doc: Document;
  lc: LineCounter;
}

function lineOf(p: Parsed, path: ReadonlyArray<PropertyKey>): number {
  for (let k = path.length; k >= 0; k--) {
    const node = p.doc.getIn(path.slice(0, k) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return p.lc.linePos(node.range[0]).line;
  }
  return 1;
}

/** Lexicon YAML files under `dir`: taxonomy.yaml plus <lang>/*.yaml, sorted. */
export function lexiconFiles(dir: string): string[] {
  const out: string[] = [];
  const tax = join(dir, 'taxonomy.yaml');
  if (existsSync(tax)) out.push(tax);
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const sub = join(dir, name);
    if (!/^[a-z]{2,3}$/.test(name) || !statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub).sort()) if (f.endsWith('.yaml') || f.endsWith('.yml')) out.push(join(sub, f));
  }
  return out;
}

/** sha256 over the sorted files' relative paths and contents, first 12 hex digits. */
export function lexiconVersion(dir: string, files: string[] = lexiconFiles(dir)): string {
  const h = createHash('sha256');
  for (const f of files.slice().sort()) {
    h.update(relative(dir, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

export interface ReadOptions {
  /** Collect problems here instead of throwing the first error. */
  problems?: LexiconProblem[];
}

/**
 * Reads and checks a lexicon folder: YAML syntax, schema, known categories, unique ids, patterns that
 * compile. Throws a LexiconError (file:line: reason) on the first error unless `problems` is given.
 */
export function readLexiconSource(dirIn?: string, options: ReadOptions = {}): LexiconSource {
  const dir = resolve(dirIn ?? defaultLexiconDir());
  const problems = options.problems;
  const fail = (file: string, line: number, reason: string): void => {
    if (problems) problems.push({ file, line, reason, severity: 'error' });
    else throw new LexiconError(file, line, reason);
  };
  const warn = (file: string, line: number, reason: string): void => {
    problems?.push({ file, line, reason, severity: 'warning' });
  };
  const files = lexiconFiles(dir);
  const taxFile = join(dir, 'taxonomy.yaml');
  const source: LexiconSource = { dir, version: lexiconVersion(dir, files), taxonomy: [], entries: [], cues: new Map(), languages: [], files };
  if (!existsSync(taxFile)) {
    fail(displayPath(taxFile), 0, 'taxonomy.yaml is missing');
    return source;
  }

  const parse = (abs: string): Parsed | null => {
    const file = displayPath(abs);
    const lc = new LineCounter();
    const doc = parseDocument(readFileSync(abs, 'utf8'), { lineCounter: lc, prettyErrors: false });
    const err = doc.errors[0];
    if (err) {
      fail(file, lc.linePos(err.pos[0]).line, `YAML syntax: ${err.message.split('\n')[0]}`);
      return null;
    }
    return { file, doc, lc };
  };
  const check = <S extends z.ZodType>(p: Parsed, schema: S): z.infer<S> | null => {
    const r = schema.safeParse(p.doc.toJS());
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
      const hint = /received null/.test(issue.message)
        ? ': an empty item; a pattern starting with # must be quoted ("#num víctimas") because YAML reads # as a comment'
        : '';
      fail(p.file, lineOf(p, issue.path), `${issue.message}${where}${hint}`);
    }
    return null;
  };

  const tp = parse(taxFile);
  const tax = tp ? check(tp, taxonomySchema) : null;
  const categories = new Map<string, CategoryDef>();
  if (tp && tax) {
    tax.categories.forEach((c, i) => {
      const line = lineOf(tp, ['categories', i]);
      if (categories.has(c.id)) fail(tp.file, line, `duplicate category id "${c.id}"`);
      if (!c.id.startsWith(`${c.group}.`)) fail(tp.file, line, `category "${c.id}" does not start with its group "${c.group}."`);
      if (c.group === 'purpose' && !c.type) fail(tp.file, line, `purpose category "${c.id}" needs a type (an exploitation type)`);
      categories.set(c.id, c);
    });
    source.taxonomy = [...categories.values()];
  }

  const seenIds = new Map<string, string>();
  const langs = new Set<string>();
  for (const abs of files) {
    if (abs === taxFile) continue;
    const dirLang = relative(dir, abs).split(/[\\/]/)[0]!;
    const p = parse(abs);
    if (!p) continue;
    const base = abs.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    if (base === 'cues') {
      const c = check(p, cuesFileSchema);
      if (!c) continue;
      if (c.lang !== dirLang) fail(p.file, lineOf(p, ['lang']), `lang "${c.lang}" does not match the folder "${dirLang}"`);
      const lists = { negation: c.negation, hedge: c.hedge, post_negation: c.post_negation, clause_breaks: c.clause_breaks };
      const compiled: Record<string, Element[][]> = {};
      for (const [key, list] of Object.entries(lists)) {
        compiled[key] = [];
        (list ?? []).forEach((pat, i) => {
          try {
            compiled[key]!.push(compilePattern(pat));
          } catch (e) {
            fail(p.file, lineOf(p, [key, i]), patternReason(pat, e));
          }
        });
      }
      source.cues.set(dirLang, {
        lang: dirLang,
        file: p.file,
        negation: compiled.negation!,
        hedge: compiled.hedge!,
        postNegation: compiled.post_negation!,
        clauseBreaks: compiled.clause_breaks!,
      });
      langs.add(dirLang);
      continue;
    }
    const ef = check(p, entryFileSchema);
    if (!ef) continue;
    if (ef.lang !== dirLang) fail(p.file, lineOf(p, ['lang']), `lang "${ef.lang}" does not match the folder "${dirLang}"`);
    langs.add(dirLang);
    ef.entries.forEach((e, i) => {
      const line = lineOf(p, ['entries', i]);
      const prev = seenIds.get(e.id);
      if (prev) fail(p.file, lineOf(p, ['entries', i, 'id']), `duplicate entry id "${e.id}" (first in ${prev})`);
      seenIds.set(e.id, `${p.file}:${line}`);
      const cat = categories.get(e.category);
      if (!cat) {
        fail(p.file, lineOf(p, ['entries', i, 'category']), `unknown category "${e.category}" (not in taxonomy.yaml)`);
        return;
      }
      if (!e.id.startsWith(`${dirLang}.`)) warn(p.file, line, `entry id "${e.id}" does not start with "${dirLang}."`);
      if (cat.group !== ef.group) warn(p.file, line, `category "${e.category}" belongs to group "${cat.group}", file group is "${ef.group}"`);
      const compiled: Element[][] = [];
      const excludeCompiled: Element[][] = [];
      const patternLines = e.patterns.map((_, k) => lineOf(p, ['entries', i, 'patterns', k]));
      const excludeLines = (e.exclude ?? []).map((_, k) => lineOf(p, ['entries', i, 'exclude', k]));
      let ok = true;
      e.patterns.forEach((pat, k) => {
        try {
          compiled.push(compilePattern(pat));
        } catch (err) {
          ok = false;
          fail(p.file, patternLines[k]!, patternReason(pat, err));
        }
      });
      (e.exclude ?? []).forEach((pat, k) => {
        try {
          excludeCompiled.push(compilePattern(pat));
        } catch (err) {
          ok = false;
          fail(p.file, excludeLines[k]!, patternReason(pat, err));
        }
      });
      if (!ok) return;
      const entry: LexiconEntry = {
        id: e.id,
        category: e.category,
        group: cat.group,
        weight: e.weight,
        lang: dirLang,
        patterns: e.patterns,
        exclude: e.exclude ?? [],
        examples: { match: e.examples?.match ?? [], noMatch: e.examples?.no_match ?? [] },
        file: p.file,
        line,
        patternLines,
        excludeLines,
        compiled,
        excludeCompiled,
      };
      if (cat.type) entry.type = cat.type;
      if (e.notes !== undefined) entry.notes = e.notes;
      source.entries.push(entry);
    });
  }
  source.languages = [...langs].sort();
  return source;
}

function patternReason(pattern: string, err: unknown): string {
  if (err instanceof PatternError) return `bad pattern "${pattern}" (column ${err.column}): ${err.message}`;
  return `bad pattern "${pattern}": ${err instanceof Error ? err.message : String(err)}`;
}
