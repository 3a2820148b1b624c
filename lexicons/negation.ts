import { formGeneration, normCount, normOf } from './forms.js';
import { KIND_PUNCT } from './token-stream.js';
import type { TokenStream } from './token-stream.js';

/**
 * Clause-scoped negation and hedging. A negation cue negates hits that start within `window` tokens after it
 * in the same clause; a post-negation cue negates hits that end within `window` tokens before it; a hedge cue
 * marks the hit hedged. Clauses end at the sentence end, at clause punctuation, at clause-break cues and (for
 * negation that precedes the hit) at a comma or a conjunction followed by a determiner ("… y las familias …").
 */

export type CueKind = 'negation' | 'hedge' | 'post_negation' | 'clause_break';

export interface CueHit {
  kind: CueKind;
  tokenStart: number;
  tokenEnd: number;
  sentenceIndex: number;
}

export interface Scoped {
  tokenStart: number;
  tokenEnd: number;
  sentenceIndex: number;
  negated?: boolean;
  hedged?: boolean;
  /** The cue that negated or hedged the hit (token range). */
  cue?: { kind: CueKind; tokenStart: number; tokenEnd: number };
}

export const CUE_WINDOW = 8;

/** Reused prefix-count buffers (matching is synchronous). */
let scratch = new Int32Array(2 * 1024);
/** 1 on the tokens of clause-break cues during applyCues, all 0 between calls. */
let cueBreak = new Uint8Array(1024);

/** Punctuation that ends a clause for pre-negation; commas do not end a post-negation scope. */
const STRONG_BREAK = new Set([';', ':', '(', ')', '[', ']', '—', '–', '•']);
const WEAK_BREAK = new Set([',']);
/** "si no pagaba", "se não pagasse", "if she did not pay": a condition (typical of threats), not a negation. */
const CONDITIONALS = new Set(['si', 'se', 'if', 'unless', 'caso']);
/** "… y las familias …": a coordinating conjunction followed by a determiner opens a new clause (es/pt/en). */
const CONJUNCTIONS = new Set(['y', 'e', 'and', 'ou']);
const DETERMINERS = new Set([
  'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'su', 'sus', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esos', 'esas',
  'os', 'as', 'um', 'uma', 'uns', 'umas', 'seu', 'sua', 'seus', 'suas', 'esse', 'essa', 'esses', 'essas',
  'the', 'an', 'his', 'her', 'their', 'its', 'this', 'these', 'those',
]);

// What a form is to clause splitting, by norm id (forms.ts): looked up once per distinct form instead of three Set
// lookups per token.
const STRONG = 1;
const WEAK = 2;
const CONJUNCTION = 4;
const DETERMINER = 8;
const KNOWN = 16;
let classes = new Uint8Array(0);
let classesGeneration = -1;

function formClass(id: number): number {
  let c = classes[id]!;
  if (c === 0) {
    const norm = normOf(id);
    c = KNOWN | (STRONG_BREAK.has(norm) ? STRONG : 0) | (WEAK_BREAK.has(norm) ? WEAK : 0);
    c |= (CONJUNCTIONS.has(norm) ? CONJUNCTION : 0) | (DETERMINERS.has(norm) ? DETERMINER : 0);
    classes[id] = c;
  }
  return c;
}

/**
 * Marks `hits` negated/hedged in place. `tokens` are the tokens the hits and cues index into.
 *
 * A cue only acts on hits of its own sentence, so the clause-break counts are computed sentence by sentence, and only
 * over the tokens that a sentence's hits and cues span, in the sentences that have both (a text has a few cues; counting
 * breaks over every token of the text was most of this function's time).
 */
export function applyCues(hits: Scoped[], cues: CueHit[], tokens: TokenStream, window = CUE_WINDOW): void {
  if (hits.length === 0 || cues.length === 0) return;
  const n = tokens.length;
  if (scratch.length < 2 * (n + 1)) scratch = new Int32Array(Math.max(2 * (n + 1), 2 * scratch.length));
  if (cueBreak.length < n + 1) cueBreak = new Uint8Array(Math.max(n + 1, 2 * cueBreak.length));
  // prefix counts of clause breaks: strong (any scope) and all (pre-negation / hedge scope), valid on the current segment
  const strong = scratch.subarray(0, n + 1);
  const all = scratch.subarray(n + 1, 2 * (n + 1));
  if (classesGeneration !== formGeneration()) {
    classes = new Uint8Array(0);
    classesGeneration = formGeneration();
  }
  if (classes.length < normCount()) {
    const bigger = new Uint8Array(Math.max(normCount(), 2 * classes.length));
    bigger.set(classes);
    classes = bigger;
  }
  for (const c of cues) if (c.kind === 'clause_break') for (let k = c.tokenStart; k < c.tokenEnd; k++) cueBreak[k] = 1;

  // the sentences with a cue that acts on hits, each once
  const done: number[] = [];
  for (const sc of cues) {
    const si = sc.sentenceIndex;
    if (sc.kind === 'clause_break' || done.includes(si)) continue;
    done.push(si);
    // the token span of the sentence's hits and acting cues: every count below is read inside it
    let lo = -1;
    let hi = -1;
    for (const h of hits) {
      if (h.sentenceIndex !== si) continue;
      if (lo < 0 || h.tokenStart < lo) lo = h.tokenStart;
      if (h.tokenEnd > hi) hi = h.tokenEnd;
    }
    if (lo < 0) continue;
    for (const c of cues) {
      if (c.sentenceIndex !== si || c.kind === 'clause_break') continue;
      if (c.tokenStart < lo) lo = c.tokenStart;
      if (c.tokenEnd > hi) hi = c.tokenEnd;
    }
    countBreaks(tokens, lo, hi, strong, all);
    for (const h of hits) {
      if (h.sentenceIndex !== si) continue;
      for (const c of cues) {
        if (c.sentenceIndex !== si || c.kind === 'clause_break') continue;
        if (c.kind === 'negation' && !h.negated && !isConditional(c, tokens)) {
          const near = c.tokenEnd <= h.tokenStart && h.tokenStart - c.tokenEnd <= window;
          // a comma ends the scope, except inside a negated list closed by "nem"/"ni"/"nor" ("não foram
          // constatadas restrição de liberdade, servidão por dívida nem condições degradantes")
          // (written out, not as a closure: this runs for every hit and cue pair)
          if (
            near &&
            (!breaksBetween(c.tokenEnd, h.tokenStart, all) ||
              (!breaksBetween(c.tokenEnd, h.tokenStart, strong) && closesNegatedList(h, cues, tokens, window, strong)))
          ) {
            h.negated = true;
            h.cue = { kind: c.kind, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd };
          }
        } else if (c.kind === 'post_negation' && !h.negated) {
          if (c.tokenStart >= h.tokenEnd && c.tokenStart - h.tokenEnd <= window && !breaksBetween(h.tokenEnd, c.tokenStart, strong)) {
            h.negated = true;
            h.cue = { kind: c.kind, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd };
          }
        } else if (c.kind === 'hedge' && !h.hedged) {
          const before = c.tokenEnd <= h.tokenStart && h.tokenStart - c.tokenEnd <= window && !breaksBetween(c.tokenEnd, h.tokenStart, all);
          const inside = c.tokenStart >= h.tokenStart && c.tokenEnd <= h.tokenEnd;
          if (before || inside) {
            h.hedged = true;
            h.cue ??= { kind: c.kind, tokenStart: c.tokenStart, tokenEnd: c.tokenEnd };
          }
        }
      }
    }
  }
  for (const c of cues) if (c.kind === 'clause_break') for (let k = c.tokenStart; k < c.tokenEnd; k++) cueBreak[k] = 0;
}

/**
 * Prefix counts of clause breaks over tokens [lo, hi): counts[k] - counts[j] is the number of breaks among tokens
 * j … k - 1 for lo <= j <= k <= hi (the values themselves start from 0 at lo, not at the text start).
 */
function countBreaks(tokens: TokenStream, lo: number, hi: number, strong: Int32Array, all: Int32Array): void {
  const { ids, kinds } = tokens;
  const n = tokens.length;
  strong[lo] = 0;
  all[lo] = 0;
  let next = lo < n ? formClass(ids[lo]!) : 0;
  for (let k = lo; k < hi; k++) {
    const punct = kinds[k] === KIND_PUNCT;
    const cls = next;
    next = k + 1 < n ? formClass(ids[k + 1]!) : 0;
    const isStrong = (punct && (cls & STRONG) !== 0) || cueBreak[k] === 1;
    const isWeak = (punct && (cls & WEAK) !== 0) || ((cls & CONJUNCTION) !== 0 && k + 1 < n && (next & DETERMINER) !== 0);
    strong[k + 1] = strong[k]! + (isStrong ? 1 : 0);
    all[k + 1] = all[k]! + (isStrong || isWeak ? 1 : 0);
  }
}

function breaksBetween(from: number, to: number, counts: Int32Array): boolean {
  return to > from && counts[to]! - counts[from]! > 0;
}

/** Negation words that close a negated list ("A, B nem C", "A, B ni C", "A, B nor C"). */
const LIST_CLOSERS = new Set(['nem', 'ni', 'nor']);

/** A list-closing negation follows the hit in its clause (commas allowed, no strong break) within `window` tokens. */
function closesNegatedList(h: Scoped, cues: readonly CueHit[], tokens: TokenStream, window: number, strong: Int32Array): boolean {
  return cues.some(
    (c) =>
      c.kind === 'negation' &&
      c.sentenceIndex === h.sentenceIndex &&
      c.tokenStart >= h.tokenEnd &&
      c.tokenStart - h.tokenEnd <= window &&
      LIST_CLOSERS.has(normOf(tokens.ids[c.tokenStart]!)) &&
      !(strong[c.tokenStart]! - strong[h.tokenEnd]! > 0),
  );
}

/** The cue follows "si"/"se"/"if" (directly, or with one word between: "if she did not"). */
function isConditional(c: CueHit, tokens: TokenStream): boolean {
  for (let k = c.tokenStart - 1; k >= Math.max(0, c.tokenStart - 3); k--) {
    if (tokens.kinds[k] === KIND_PUNCT) return false;
    if (CONDITIONALS.has(normOf(tokens.ids[k]!))) return true;
  }
  return false;
}
