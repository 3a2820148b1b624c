import type { IndicatorGroup } from '../core/index.js';
import { TokenAutomaton } from './automaton.js';
import type { MatchStats } from './automaton.js';
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
  /** Per target, its entry (-1 for a cue) and its role (ROLE_*), read per automaton hit without the Target object. */
  targetEntry: Int32Array;
  targetRole: Uint8Array;
}

const ROLE_ENTRY = 0;
const ROLE_EXCLUDE = 1;
const ROLE_CUE = 2;

/** A kept entry hit, with the negation/hedge scope applyCues writes. */
type Kept = Scoped & { entry: number };

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
    const targetEntry = Int32Array.from(targets, (t) => t.entry);
    const targetRole = Uint8Array.from(targets, (t) => (t.cue !== null ? ROLE_CUE : t.exclude ? ROLE_EXCLUDE : ROLE_ENTRY));
    c = { automaton, targets, targetEntry, targetRole };
    this.compiled.set(key, c);
    return c;
  }

  match(text: string, lang: string, opt?: readonly SentenceSpan[] | MatchOptions): LexiconHit[] {
    const { kept, tokens, sentences } = this.scan(text, lang, opt);
    const hits: LexiconHit[] = kept.map((sc) => {
      const e = this.entries[sc.entry]!;
      const start = tokens.starts[sc.tokenStart]!;
      const end = tokens.ends[sc.tokenEnd - 1]!;
      const s = sentences[sc.sentenceIndex]!;
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
        sentenceIndex: sc.sentenceIndex,
        tokenStart: sc.tokenStart,
        tokenEnd: sc.tokenEnd,
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
    const { kept, tokens } = this.scan(text, lang, sentences);
    const out: LexiconIndicator[] = kept.map((sc) => {
      const e = this.entries[sc.entry]!;
      const start = tokens.starts[sc.tokenStart]!;
      const end = tokens.ends[sc.tokenEnd - 1]!;
      const s = sentences[sc.sentenceIndex]!;
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

  /**
   * The hits of `text` before they are output objects: the kept entry hits with their negation/hedge scope.
   * Why typed arrays: a text yields about twice as many automaton hits (exclusions and cues included) as kept hits;
   * they are read from the automaton's hit buffer by index and only the kept ones become objects.
   */
  private scan(text: string, lang: string, opt?: readonly SentenceSpan[] | MatchOptions): { kept: Kept[]; tokens: TokenStream; sentences: readonly SentenceSpan[] } {
    const options: MatchOptions = Array.isArray(opt) ? { sentences: opt as readonly SentenceSpan[] } : ((opt as MatchOptions | undefined) ?? {});
    const key = this.languages.includes(lang) ? lang : ALL;
    const c = this.compile(key);
    const sentences = options.sentences ?? splitSentences(text);
    const tokens = tokenStream(text);
    const ranges = flatSentenceRanges(tokens, sentences);
    const n = c.automaton.collect(tokens, ranges, sentences.length, options.stats);
    const hits = c.automaton.hitBuf;
    const { targetEntry, targetRole, targets } = c;

    // split the hits (in sentence order) into entry hits (their indexes in `raw`), vetoes (entry × sentence keys) and cues
    if (raw.length < n) raw = new Int32Array(Math.max(n, 2 * raw.length));
    if (vetoes.length < n) vetoes = new Float64Array(Math.max(n, 2 * vetoes.length));
    let nRaw = 0;
    let nVeto = 0;
    const cueHits: CueHit[] = [];
    const nSent = sentences.length + 1;
    for (let k = 0; k < n; k++) {
      const target = hits[4 * k]!;
      const role = targetRole[target]!;
      if (role === ROLE_ENTRY) raw[nRaw++] = k;
      else if (role === ROLE_EXCLUDE) vetoes[nVeto++] = targetEntry[target]! * nSent + hits[4 * k + 3]!;
      else cueHits.push({ kind: targets[target]!.cue!, tokenStart: hits[4 * k + 1]!, tokenEnd: hits[4 * k + 2]!, sentenceIndex: hits[4 * k + 3]! });
    }
    // drop the entry hits of a sentence where the entry's exclude pattern matched
    if (nVeto > 0 && nRaw > 0) {
      const sorted = vetoes.subarray(0, nVeto).sort();
      let m = 0;
      for (let r = 0; r < nRaw; r++) {
        const k = raw[r]!;
        if (!has(sorted, targetEntry[hits[4 * k]!]! * nSent + hits[4 * k + 3]!)) raw[m++] = k;
      }
      nRaw = m;
    }
    const kept = longestPerEntry(raw, nRaw, hits, targetEntry);
    applyCues(kept, cueHits, tokens);
    return { kept, tokens, sentences };
  }
}

/** Reused buffers of `scan` (matching is synchronous): entry hits (indexes into the automaton's hits), veto keys. */
let raw = new Int32Array(256);
let vetoes = new Float64Array(256);
let rangeBuf = new Int32Array(256);

/** True when the sorted `keys` hold `key`. */
function has(keys: Float64Array, key: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = keys[mid]!;
    if (v === key) return true;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
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
  const flat = flatSentenceRanges(tokens, sentences);
  return sentences.map((_, k) => [flat[2 * k]!, flat[2 * k + 1]!]);
}

/** The token ranges of the sentences as from, to pairs in one reused array (valid until the next call). */
function flatSentenceRanges(tokens: TokenStream, sentences: readonly SentenceSpan[]): Int32Array {
  const { starts, ends, length } = tokens;
  if (rangeBuf.length < 2 * sentences.length) rangeBuf = new Int32Array(Math.max(2 * sentences.length, 2 * rangeBuf.length));
  const out = rangeBuf;
  let t = 0;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k]!;
    // sentences are normally sorted; rewind when they are not
    if (t > 0 && t <= length && starts[t - 1]! >= s.start) t = lowerBound(starts, length, s.start);
    while (t < length && starts[t]! < s.start) t++;
    out[2 * k] = t;
    while (t < length && ends[t]! <= s.end) t++;
    out[2 * k + 1] = t;
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
 * The entry hits raw[0 … nRaw) (indexes into the automaton's hit quads) less those overlapping a longer (then earlier)
 * hit of the same entry, as objects in entry order; the caller sorts them by position (kept hits of one entry never
 * share a span, so that order is total). One sort of indexes, no map or list per entry: this runs for every document.
 */
function longestPerEntry(raw: Int32Array, nRaw: number, hits: Int32Array, targetEntry: Int32Array): Kept[] {
  const kept: Kept[] = [];
  const entryOf = (k: number): number => targetEntry[hits[4 * k]!]!;
  // (copied by a loop into an array of the right length: Array.from read the typed array through its iterator, an
  // object per element)
  const order = new Array<number>(nRaw);
  for (let r = 0; r < nRaw; r++) order[r] = raw[r]!;
  if (nRaw > 1)
    order.sort((a, b) => entryOf(a) - entryOf(b) || hits[4 * b + 2]! - hits[4 * b + 1]! - (hits[4 * a + 2]! - hits[4 * a + 1]!) || hits[4 * a + 1]! - hits[4 * b + 1]!);
  let group = 0; // where the current entry's kept hits begin in `kept`
  for (let r = 0; r < order.length; r++) {
    const k = order[r]!;
    const entry = entryOf(k);
    const tokenStart = hits[4 * k + 1]!;
    const tokenEnd = hits[4 * k + 2]!;
    if (r > 0 && entryOf(order[r - 1]!) !== entry) group = kept.length;
    let overlaps = false;
    for (let j = group; j < kept.length && !overlaps; j++) overlaps = kept[j]!.tokenStart < tokenEnd && tokenStart < kept[j]!.tokenEnd;
    if (!overlaps) kept.push({ tokenStart, tokenEnd, sentenceIndex: hits[4 * k + 3]!, entry });
  }
  return kept;
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
