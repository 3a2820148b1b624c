import type { IndicatorGroup } from '../core/index.js';
import { TokenAutomaton } from './automaton.js';
import type { MatchStats, RawHit } from './automaton.js';
import { readLexiconSource } from './loader.js';
import type { LexiconCues, LexiconEntry, LexiconSource } from './loader.js';
import { applyCues } from './negation.js';
import type { CueHit, CueKind, Scoped } from './negation.js';
import { numberWords } from './numbers.js';
import type { CategoryDef } from './schema.js';
import { splitSentences } from './sentences.js';
import type { SentenceSpan } from './sentences.js';
import type { Token } from './tokenize.js';
import { streamOf, tokenStream } from './token-stream.js';
import type { TokenStream } from './token-stream.js';

/** One lexicon hit. Offsets are UTF-16 code units into the matched text, `end` exclusive. */
export interface LexiconHit {
  /** Entry id, e.g. `es.purpose.explotacion_sexual`. */
  id: string;
  category: string;
  group: IndicatorGroup;
  /** The entry's weight, halved when the hit is hedged. */
  weight: number;
  lang: string;
  start: number;
  end: number;
  text: string;
  sentence: SentenceSpan;
  sentenceIndex: number;
  tokenStart: number;
  tokenEnd: number;
  /** A clause-scoped negation covers the hit: kept for review, does not count. */
  negated?: boolean;
  /** A hedge ("presunta") covers the hit: still counts, at half weight. */
  hedged?: boolean;
  /** The cue behind `negated` / `hedged`. */
  cue?: { kind: CueKind; start: number; end: number; text: string };
}

/** A hit as the indicators extractor reports it (core Indicator's fields, in its order, plus the hedge flag). */
export interface LexiconIndicator {
  id: string;
  category: string;
  group: IndicatorGroup;
  weight: number;
  start: number;
  end: number;
  text: string;
  sentence: SentenceSpan;
  negated?: boolean;
  hedged?: boolean;
}

export interface MatchOptions {
  /** Precomputed sentences (default: splitSentences(text)). */
  sentences?: readonly SentenceSpan[];
  /** Accumulates automaton work, for tests and benchmarks. */
  stats?: MatchStats;
}

export interface LexiconSet {
  /** sha256 over the sorted lexicon files, first 12 hex digits. */
  readonly version: string;
  readonly dir: string;
  readonly taxonomy: readonly CategoryDef[];
  readonly categories: ReadonlyMap<string, CategoryDef>;
  readonly entries: readonly LexiconEntry[];
  /** Languages with at least one entry or cue file. */
  readonly languages: readonly string[];
  /**
   * All hits of the entries of `lang` (or of every language when `lang` has no lexicon), with exclusions
   * applied, one longest hit per entry where hits overlap, negation and hedging marked.
   */
  match(text: string, lang: string, sentencesOrOptions?: readonly SentenceSpan[] | MatchOptions): LexiconHit[];
  /**
   * `match(text, lang, sentences).map(toIndicator)` (extractors/indicators.ts), made directly: no LexiconHit in between
   * (optional, so that a stand-in lexicon set with `match` alone still serves).
   */
  matchIndicators?(text: string, lang: string, sentences: readonly SentenceSpan[]): LexiconIndicator[];
}

/** What an accepting automaton node stands for: an entry's pattern, its exclude pattern, or a cue. */
type Target = { entry: number; exclude: boolean; cue: CueKind | null };

interface Compiled {
  automaton: TokenAutomaton;
  targets: Target[];
}

const ALL = '*';

class CompiledLexiconSet implements LexiconSet {
  readonly version: string;
  readonly dir: string;
  readonly taxonomy: readonly CategoryDef[];
  readonly categories: ReadonlyMap<string, CategoryDef>;
  readonly entries: readonly LexiconEntry[];
  readonly languages: readonly string[];
  private readonly cueFiles: ReadonlyMap<string, LexiconCues>;
  private readonly compiled = new Map<string, Compiled>();

  constructor(src: LexiconSource) {
    this.version = src.version;
    this.dir = src.dir;
    this.taxonomy = src.taxonomy;
    this.categories = new Map(src.taxonomy.map((c) => [c.id, c]));
    this.entries = src.entries;
    this.languages = src.languages;
    this.cueFiles = src.cues;
  }

  private compile(key: string): Compiled {
    let c = this.compiled.get(key);
    if (c) return c;
    const langs = key === ALL ? [...this.languages] : [key];
    const words = numberWords(langs);
    const automaton = new TokenAutomaton(words);
    const targets: Target[] = [];
    this.entries.forEach((e, idx) => {
      if (key !== ALL && e.lang !== key) return;
      const hit = targets.push({ entry: idx, exclude: false, cue: null }) - 1;
      for (const p of e.compiled) automaton.add(p, hit);
      if (e.excludeCompiled.length) {
        const ex = targets.push({ entry: idx, exclude: true, cue: null }) - 1;
        for (const p of e.excludeCompiled) automaton.add(p, ex);
      }
    });
    // cues share the automaton (one pass over the tokens)
    const cueKinds: CueKind[] = ['negation', 'hedge', 'post_negation', 'clause_break'];
    for (const l of langs) {
      const cf = this.cueFiles.get(l);
      if (!cf) continue;
      [cf.negation, cf.hedge, cf.postNegation, cf.clauseBreaks].forEach((patterns, kind) => {
        const t = targets.push({ entry: -1, exclude: false, cue: cueKinds[kind]! }) - 1;
        for (const p of patterns) automaton.add(p, t);
      });
    }
    c = { automaton, targets };
    this.compiled.set(key, c);
    return c;
  }

  match(text: string, lang: string, opt?: readonly SentenceSpan[] | MatchOptions): LexiconHit[] {
    const { c, kept, scoped, tokens, sentences } = this.scan(text, lang, opt);
    const hits: LexiconHit[] = kept.map((h, k) => {
      const e = this.entries[c.targets[h.target]!.entry]!;
      const start = tokens.starts[h.tokenStart]!;
      const end = tokens.ends[h.tokenEnd - 1]!;
      const s = sentences[h.sentenceIndex]!;
      const sc = scoped[k]!;
      const hit: LexiconHit = {
        id: e.id,
        category: e.category,
        group: e.group,
        weight: sc.hedged && !sc.negated ? e.weight / 2 : e.weight,
        lang: e.lang,
        start,
        end,
        text: text.slice(start, end),
        sentence: { start: s.start, end: s.end },
        sentenceIndex: h.sentenceIndex,
        tokenStart: h.tokenStart,
        tokenEnd: h.tokenEnd,
      };
      if (sc.negated) hit.negated = true;
      if (sc.hedged) hit.hedged = true;
      if (sc.cue) {
        const cs = tokens.starts[sc.cue.tokenStart]!;
        const ce = tokens.ends[sc.cue.tokenEnd - 1]!;
        hit.cue = { kind: sc.cue.kind, start: cs, end: ce, text: text.slice(cs, ce) };
      }
      return hit;
    });
    return hits.sort(byPosition);
  }

  matchIndicators(text: string, lang: string, sentences: readonly SentenceSpan[]): LexiconIndicator[] {
    const { c, kept, scoped, tokens } = this.scan(text, lang, sentences);
    const out: LexiconIndicator[] = kept.map((h, k) => {
      const e = this.entries[c.targets[h.target]!.entry]!;
      const start = tokens.starts[h.tokenStart]!;
      const end = tokens.ends[h.tokenEnd - 1]!;
      const s = sentences[h.sentenceIndex]!;
      const sc = scoped[k]!;
      // (the fields in the order of the Indicator a LexiconHit maps to: the JSON output keeps it)
      const ind: LexiconIndicator = {
        id: e.id,
        category: e.category,
        group: e.group,
        weight: sc.hedged && !sc.negated ? e.weight / 2 : e.weight,
        start,
        end,
        text: text.slice(start, end),
        sentence: { start: s.start, end: s.end },
      };
      if (sc.negated) ind.negated = true;
      if (sc.hedged) ind.hedged = true;
      return ind;
    });
    return out.sort(byPosition);
  }

  /** The hits of `text` before they are objects: kept entry hits with their negation/hedge scope. */
  private scan(text: string, lang: string, opt?: readonly SentenceSpan[] | MatchOptions) {
    const options: MatchOptions = Array.isArray(opt) ? { sentences: opt as readonly SentenceSpan[] } : ((opt as MatchOptions | undefined) ?? {});
    const key = this.languages.includes(lang) ? lang : ALL;
    const c = this.compile(key);
    const sentences = options.sentences ?? splitSentences(text);
    const tokens = tokenStream(text);
    const ranges = streamSentenceRanges(tokens, sentences);

    const raw: Array<RawHit & { sentenceIndex: number }> = [];
    const vetoed = new Set<number>();
    const cueHits: CueHit[] = [];
    const nSent = sentences.length + 1;
    c.automaton.runRanges(
      tokens,
      ranges,
      (target, tokenStart, tokenEnd, si) => {
        const t = c.targets[target]!;
        if (t.cue !== null) cueHits.push({ kind: t.cue, tokenStart, tokenEnd, sentenceIndex: si });
        else if (t.exclude) vetoed.add(t.entry * nSent + si);
        else raw.push({ target, tokenStart, tokenEnd, sentenceIndex: si });
      },
      options.stats,
    );

    const kept = longestPerEntry(vetoed.size ? raw.filter((h) => !vetoed.has(c.targets[h.target]!.entry * nSent + h.sentenceIndex)) : raw, c.targets);
    const scoped: Scoped[] = kept.map((h) => ({ tokenStart: h.tokenStart, tokenEnd: h.tokenEnd, sentenceIndex: h.sentenceIndex }));
    applyCues(scoped, cueHits, tokens);
    return { c, kept, scoped, tokens, sentences };
  }
}

/** Hits by start, longer first, then by id (a total order: an entry's kept hits never share a span). */
function byPosition(a: { start: number; end: number; id: string }, b: { start: number; end: number; id: string }): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Token index range [from, to) of each sentence. Tokens outside every sentence are ignored. */
export function sentenceTokenRanges(tokens: readonly Token[] | TokenStream, sentences: readonly SentenceSpan[]): Array<[number, number]> {
  return streamSentenceRanges(Array.isArray(tokens) ? streamOf(tokens as readonly Token[]) : (tokens as TokenStream), sentences);
}

function streamSentenceRanges(tokens: TokenStream, sentences: readonly SentenceSpan[]): Array<[number, number]> {
  const { starts, ends, length } = tokens;
  const out: Array<[number, number]> = [];
  let t = 0;
  for (const s of sentences) {
    // sentences are normally sorted; rewind when they are not
    if (t > 0 && t <= length && starts[t - 1]! >= s.start) t = lowerBound(starts, length, s.start);
    while (t < length && starts[t]! < s.start) t++;
    const from = t;
    while (t < length && ends[t]! <= s.end) t++;
    out.push([from, t]);
  }
  return out;
}

function lowerBound(starts: Int32Array, length: number, pos: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Per entry, drops hits overlapping a longer (then earlier) hit of the same entry. The result is in entry order; the
 * caller sorts the hits by position (kept hits of one entry never share a span, so that order is total).
 * One sort of a copy, no map or list per entry: this runs for every document.
 */
function longestPerEntry<H extends RawHit>(hits: H[], targets: Target[]): H[] {
  if (hits.length < 2) return hits;
  const entryOf = (h: H): number => targets[h.target]!.entry;
  const order = hits.slice().sort((a, b) => entryOf(a) - entryOf(b) || b.tokenEnd - b.tokenStart - (a.tokenEnd - a.tokenStart) || a.tokenStart - b.tokenStart);
  const out: H[] = [];
  let group = 0; // where the current entry's kept hits begin in `out`
  for (let k = 0; k < order.length; k++) {
    const h = order[k]!;
    if (k > 0 && entryOf(order[k - 1]!) !== entryOf(h)) group = out.length;
    let overlaps = false;
    for (let j = group; j < out.length && !overlaps; j++) overlaps = out[j]!.tokenStart < h.tokenEnd && h.tokenStart < out[j]!.tokenEnd;
    if (!overlaps) out.push(h);
  }
  return out;
}

/** Builds the matcher over an already-read source. */
export function buildLexiconSet(source: LexiconSource): LexiconSet {
  return new CompiledLexiconSet(source);
}

/**
 * Loads, checks and compiles a lexicon folder (default: the bundled `lexicons/`). Synchronous; throws
 * LexiconError naming file:line and the reason for the first problem.
 */
export function loadLexicons(dir?: string): LexiconSet {
  return buildLexiconSet(readLexiconSource(dir));
}
