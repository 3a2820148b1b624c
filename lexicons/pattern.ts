import { PatternError } from './errors.js';
import { fold } from './fold.js';
import { tokenize } from './tokenize.js';

/**
 * The analyst pattern language (notes/LEXICON-FORMAT.md), parsed into elements and expanded into plain
 * token paths. No regular expression is ever built from analyst input.
 */

export type Atom =
  | { kind: 'word'; value: string }
  | { kind: 'prefix'; value: string }
  | { kind: 'num' }
  | { kind: 'cap' };

export type Element =
  | { kind: 'seq'; atoms: Atom[]; optional: boolean }
  | { kind: 'group'; alts: Atom[][]; optional: boolean }
  | { kind: 'gap'; max: number };

export type PathStep = Atom | { kind: 'gap'; max: number };

export const MAX_GAP = 8;
export const MAX_PATH_TOKENS = 16;
export const MAX_PATHS = 4096;
export const MIN_PREFIX = 3;

const SPECIAL = new Set(['(', ')', '|', '?', '~']);

function isWs(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** One written term (`explot*`, `#num`, `trata-se`, `EE.UU.`) into atoms; punctuation inside stays literal. */
function parseTerm(raw: string, col: number): Atom[] {
  if (raw === '#num') return [{ kind: 'num' }];
  if (raw === '#cap') return [{ kind: 'cap' }];
  if (raw.startsWith('#')) throw new PatternError(`unknown placeholder "${raw}" (use #num or #cap)`, col);
  const star = raw.indexOf('*');
  if (star >= 0 && star !== raw.length - 1) throw new PatternError(`"*" is only allowed at the end of a word: "${raw}"`, col + star);
  const body = star >= 0 ? raw.slice(0, -1) : raw;
  const toks = tokenize(body);
  if (toks.length === 0) throw new PatternError(`"${raw}" has no word in it`, col);
  if (star >= 0) {
    const last = toks[toks.length - 1]!;
    if (last.kind === 'punct' || last.end !== body.length) throw new PatternError(`"*" must follow letters: "${raw}"`, col + star);
    if (last.norm.length < MIN_PREFIX) {
      throw new PatternError(`wildcard prefix "${last.norm}*" is shorter than ${MIN_PREFIX} letters`, col);
    }
  }
  return toks.map((t, i) =>
    star >= 0 && i === toks.length - 1 ? { kind: 'prefix', value: t.norm } : { kind: 'word', value: t.kind === 'punct' ? t.text : fold(t.text) },
  );
}

/** Parses one pattern. Throws PatternError (with a 1-based column) on any syntax problem. */
export function parsePattern(src: string): Element[] {
  const elements: Element[] = [];
  let i = 0;
  const n = src.length;
  let lastOptionalable: Exclude<Element, { kind: 'gap' }> | null = null;
  while (i < n) {
    const ch = src[i]!;
    if (isWs(ch)) {
      i++;
      lastOptionalable = null;
      continue;
    }
    const col = i + 1;
    if (ch === '(') {
      const alts: Atom[][] = [];
      let cur: Atom[] = [];
      i++;
      let closed = false;
      while (i < n) {
        const c = src[i]!;
        if (isWs(c)) {
          i++;
          continue;
        }
        if (c === '(') throw new PatternError('groups cannot be nested', i + 1);
        if (c === '~') throw new PatternError('a gap (~N) cannot be inside a group', i + 1);
        if (c === '?') throw new PatternError('"?" inside a group: make the whole group optional instead, "(a|b)?"', i + 1);
        if (c === '|' || c === ')') {
          if (cur.length === 0) throw new PatternError('empty alternative in group', i + 1);
          alts.push(cur);
          cur = [];
          i++;
          if (c === ')') {
            closed = true;
            break;
          }
          continue;
        }
        const s = i;
        while (i < n && !isWs(src[i]!) && !SPECIAL.has(src[i]!)) i++;
        cur.push(...parseTerm(src.slice(s, i), s + 1));
      }
      if (!closed) throw new PatternError('unclosed "("', col);
      const el: Exclude<Element, { kind: 'gap' }> = { kind: 'group', alts, optional: false };
      elements.push(el);
      lastOptionalable = el;
      continue;
    }
    if (ch === ')') throw new PatternError('unmatched ")"', col);
    if (ch === '|') throw new PatternError('"|" outside a group: write alternatives as (a|b)', col);
    if (ch === '?') {
      if (!lastOptionalable) throw new PatternError('"?" must follow a word or a group', col);
      if (lastOptionalable.optional) throw new PatternError('"??" is not allowed', col);
      lastOptionalable.optional = true;
      i++;
      continue;
    }
    if (ch === '~') {
      let j = i + 1;
      while (j < n && src[j]! >= '0' && src[j]! <= '9') j++;
      const digits = src.slice(i + 1, j);
      const max = Number(digits);
      if (!digits || !Number.isInteger(max) || max < 1 || max > MAX_GAP) {
        throw new PatternError(`gap must be ~1 to ~${MAX_GAP}, got "${src.slice(i, Math.max(j, i + 1))}"`, col);
      }
      elements.push({ kind: 'gap', max });
      lastOptionalable = null;
      i = j;
      continue;
    }
    const s = i;
    while (i < n && !isWs(src[i]!) && !SPECIAL.has(src[i]!)) i++;
    const el: Exclude<Element, { kind: 'gap' }> = { kind: 'seq', atoms: parseTerm(src.slice(s, i), s + 1), optional: false };
    elements.push(el);
    lastOptionalable = el;
  }
  if (elements.length === 0) throw new PatternError('empty pattern', 1);
  return elements;
}

/** Expands optionals and alternatives into plain paths (adjacent gaps merged, leading/trailing gaps dropped). */
export function expandPattern(elements: Element[]): PathStep[][] {
  let paths: PathStep[][] = [[]];
  for (const el of elements) {
    const next: PathStep[][] = [];
    const options: PathStep[][] = el.kind === 'gap' ? [[el]] : el.kind === 'seq' ? [el.atoms] : el.alts;
    for (const p of paths) {
      if (el.kind !== 'gap' && el.optional) next.push(p);
      for (const o of options) next.push(appendSteps(p, o));
    }
    if (next.length > MAX_PATHS) throw new PatternError(`pattern expands to more than ${MAX_PATHS} alternatives`, 1);
    paths = next;
  }
  const out: PathStep[][] = [];
  for (const p of paths) {
    let a = 0;
    let b = p.length;
    while (a < b && p[a]!.kind === 'gap') a++;
    while (b > a && p[b - 1]!.kind === 'gap') b--;
    const trimmed = p.slice(a, b);
    if (trimmed.length === 0) throw new PatternError('pattern can match nothing (everything is optional)', 1);
    if (!trimmed.some((s) => s.kind === 'word' || s.kind === 'prefix')) {
      throw new PatternError('pattern needs at least one word (a path made only of #num/#cap is too broad)', 1);
    }
    if (trimmed.filter((s) => s.kind !== 'gap').length > MAX_PATH_TOKENS) {
      throw new PatternError(`pattern is longer than ${MAX_PATH_TOKENS} tokens`, 1);
    }
    out.push(trimmed);
  }
  return out;
}

function appendSteps(p: PathStep[], add: PathStep[]): PathStep[] {
  const r = p.slice();
  for (const s of add) {
    const last = r[r.length - 1];
    if (s.kind === 'gap' && last && last.kind === 'gap') r[r.length - 1] = { kind: 'gap', max: Math.min(last.max + s.max, 2 * MAX_GAP) };
    else r.push(s);
  }
  return r;
}

/** Parse and expand; throws PatternError. */
export function compilePatternPaths(src: string): PathStep[][] {
  return expandPattern(parsePattern(src));
}

/** A stable text form of a path, for duplicate/overlap detection between entries. */
export function pathKey(p: PathStep[]): string {
  return p.map((s) => (s.kind === 'word' ? s.value : s.kind === 'prefix' ? `${s.value}*` : s.kind === 'gap' ? `~${s.max}` : `#${s.kind}`)).join(' ');
}
