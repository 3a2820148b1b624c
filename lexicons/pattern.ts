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

export const MAX_GAP = 8;
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
      const prev = elements[elements.length - 1];
      if (prev && prev.kind === 'gap') prev.max = Math.min(prev.max + max, 2 * MAX_GAP);
      else elements.push({ kind: 'gap', max });
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

export interface PatternShape {
  /** Fewest tokens a match can have. */
  minTokens: number;
  /** Most tokens a match can span, gaps included. */
  maxSpan: number;
  /** How many distinct token paths the pattern stands for (capped at 1e9). */
  alternatives: number;
}

/** The largest span a pattern may cover (tokens, gaps included); the automaton relies on it. */
export const MAX_SPAN = 64;

/**
 * Checks a parsed pattern without expanding it: it cannot start or end with a gap, cannot match nothing,
 * every alternative path has at least one word, and it spans at most MAX_SPAN tokens.
 */
export function checkPattern(elements: Element[]): PatternShape {
  const first = elements[0]!;
  const last = elements[elements.length - 1]!;
  if (first.kind === 'gap' || last.kind === 'gap') throw new PatternError('a pattern cannot start or end with a gap (~N)', 1);
  let minTokens = 0;
  let maxSpan = 0;
  let alternatives = 1;
  let wordlessPath = true;
  for (const el of elements) {
    if (el.kind === 'gap') {
      maxSpan += el.max;
      continue;
    }
    const options = el.kind === 'seq' ? [el.atoms] : el.alts;
    const lens = options.map((o) => o.length);
    minTokens += el.optional ? 0 : Math.min(...lens);
    maxSpan += Math.max(...lens);
    alternatives = Math.min(1e9, alternatives * (options.length + (el.optional ? 1 : 0)));
    const hasWordless = el.optional || options.some((o) => !o.some((a) => a.kind === 'word' || a.kind === 'prefix'));
    if (!hasWordless) wordlessPath = false;
  }
  if (minTokens === 0) throw new PatternError('pattern can match nothing (everything is optional)', 1);
  if (wordlessPath) throw new PatternError('pattern needs at least one word on every alternative (#num/#cap alone is too broad)', 1);
  if (maxSpan > MAX_SPAN) throw new PatternError(`pattern spans up to ${maxSpan} tokens; the limit is ${MAX_SPAN}`, 1);
  return { minTokens, maxSpan, alternatives };
}

/** Parses and checks one pattern; throws PatternError. */
export function compilePattern(src: string): Element[] {
  const elements = parsePattern(src);
  checkPattern(elements);
  return elements;
}

function atomKey(a: Atom): string {
  return a.kind === 'word' ? a.value : a.kind === 'prefix' ? `${a.value}*` : `#${a.kind}`;
}

/** A canonical text form of a parsed pattern (folded, spaced), for duplicate detection between entries. */
export function patternKey(elements: Element[]): string {
  return elements
    .map((el) => {
      if (el.kind === 'gap') return `~${el.max}`;
      const opt = el.optional ? '?' : '';
      if (el.kind === 'seq') return el.atoms.map(atomKey).join(' ') + opt;
      return `(${el.alts.map((alt) => alt.map(atomKey).join(' ')).sort().join('|')})${opt}`;
    })
    .join(' ');
}
