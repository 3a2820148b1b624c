import { codesOf, type Gazetteer } from './gazetteer.js';
import { DEMONYMS } from '../values/index.js';
import { CONNECTORS, LANGUAGE_WORDS } from './words.js';
import { foldWord, isUpperInitial, PLAIN, UPPER, type WordTokens } from './normalize.js';
import { WordSieve } from './sieve.js';

/** The connectors' sieve: the lower-case word after a capitalised one is read only when it may be a connector. */
const CONNECTOR_SIEVE = new WordSieve(CONNECTORS);

/** A span of word tokens whose folded text is a gazetteer key. */
export interface Mention {
  /** First and last token index (inclusive). */
  first: number;
  last: number;
  start: number;
  end: number;
  key: string;
  /** The number of the surface form (`key`) among the document's mentions, given by `resolvePlaces` (-1 before). */
  keyId: number;
  ids: number[];
  /** Entry indexes matched through an alternate name only. */
  alt: ReadonlySet<number>;
  sentenceStart: boolean;
}

const SENTENCE_GAP = /[.!?\n:;"“”«»()\[\]]/;

/** True when token i begins a sentence (or a quote/bracket/line), so its capital letter says nothing. */
export function isSentenceStart(text: string, toks: WordTokens, i: number): boolean {
  if (i === 0) return true;
  if (!(i > 0 && i < toks.length)) return true;
  // The columns, not the tokens: the previous word is often a lower-case one nothing else makes an object of.
  const prevStart = toks.starts[i - 1]!;
  const prevEnd = toks.ends[i - 1]!;
  const gap = text.slice(prevEnd, toks.starts[i]!);
  if (!SENTENCE_GAP.test(gap)) return false;
  // "St. Louis", "Gov. Smith": a short abbreviation before the dot does not end the sentence.
  return !(gap.startsWith('.') && prevEnd - prevStart <= 3 && (toks.shape[i - 1]! & UPPER) !== 0 && !/\n/.test(gap));
}

/** True when the gap from `end` (one token's end) to `start` (the next one's start) is one or two spaces. */
function joinable(text: string, end: number, start: number): boolean {
  const gap = start - end;
  if (gap === 1) {
    const c = text.charCodeAt(end);
    return c === 32 || c === 160;
  }
  return gap === 2 && /^[ \u00a0]{2}$/.test(text.slice(end, start));
}

/**
 * Recent answers of `gaz.byKey` (null: no such key) and `gaz.prefixes`, for the gazetteer they came from. Why: the
 * table holds 400k keys and a lookup in it misses the CPU caches several times; news repeats its capitalised
 * words, and a small table of the recent ones stays cached (several times faster per lookup).
 */
const HOT_MAX = 16_384;
let hotFor: Gazetteer | null = null;
const hotKeys = new Map<string, number | number[] | null>();
const hotPrefixes = new Map<string, boolean>();

function hotCheck(gaz: Gazetteer): void {
  if (hotFor === gaz && hotKeys.size < HOT_MAX && hotPrefixes.size < HOT_MAX) return;
  hotFor = gaz;
  hotKeys.clear();
  hotPrefixes.clear();
}

function keyCodes(gaz: Gazetteer, key: string): number | number[] | undefined {
  let v = hotKeys.get(key);
  if (v === undefined) {
    v = gaz.byKey.get(key) ?? null;
    hotKeys.set(key, v);
  }
  return v === null ? undefined : v;
}

function isPrefix(gaz: Gazetteer, key: string): boolean {
  let v = hotPrefixes.get(key);
  if (v === undefined) {
    v = gaz.prefixes.has(key);
    hotPrefixes.set(key, v);
  }
  return v;
}

/** The `alt` of the mentions matched through no alternate name: shared, never added to. */
const NO_ALT: ReadonlySet<number> = new Set<number>();

/** Longest gazetteer matches over capitalised word runs, left to right, non-overlapping. */
export function findMentions(text: string, toks: WordTokens, gaz: Gazetteer): Mention[] {
  const out: Mention[] = [];
  const maxWords = Math.min(gaz.maxWords, 6);
  hotCheck(gaz);
  for (let i = 0; i < toks.length; i += 1) {
    if ((toks.shape[i]! & UPPER) === 0) continue;
    let key = '';
    let best: Mention | null = null;
    // The span's words are read from the columns (norms, offsets, shape flags): no token objects.
    for (let j = i; j < toks.length && j - i < maxWords; j += 1) {
      // Whether the span goes on is read from the columns: most capitalised words are followed by a lower-case
      // word that ends the span, and making its token object would be garbage.
      if (j > i) {
        if (!joinable(text, toks.ends[j - 1]!, toks.starts[j]!)) break;
        if ((toks.shape[j]! & UPPER) === 0 && !(CONNECTOR_SIEVE.hasSlot(toks.slots[j]!) && CONNECTORS.has(toks.norm(j)))) break;
      }
      const upper = (toks.shape[j]! & UPPER) !== 0;
      const tnorm = toks.norm(j);
      const possessive = upper && tnorm.endsWith("'s");
      const norm = possessive ? tnorm.slice(0, -2) : tnorm;
      key = j === i ? norm : `${key} ${norm}`;
      // one lookup of the key serves both the stop test and the match
      const found = keyCodes(gaz, key);
      if (j > i && found === undefined && !isPrefix(gaz, key)) break;
      if (!upper) continue;
      if (found !== undefined) {
        const end = toks.ends[j]!;
        const ids: number[] = [];
        let alt: Set<number> | null = null;
        // "Miss." is Mississippi, "Miss Ohio" is not: a dotted abbreviation needs its dot.
        // (The table of dotted keys is small: asked first, it spares the tests, and their upper-case copy, for most names.)
        const dots = gaz.dotted.get(key);
        let dotted: Set<number> | undefined;
        if (dots !== undefined) {
          const word = text.slice(toks.starts[j]!, end);
          dotted = text.charCodeAt(end) === 46 || word.includes('.') || word === word.toUpperCase() ? undefined : dots;
        }
        const count = typeof found === 'number' ? 1 : found.length;
        for (let k = 0; k < count; k += 1) {
          const c = typeof found === 'number' ? found : found[k]!;
          const id = c >= 0 ? c : -c - 1;
          if (dotted?.has(id)) continue;
          ids.push(id);
          if (c < 0) (alt ??= new Set<number>()).add(id);
        }
        if (ids.length > 0) best = { first: i, last: j, start: toks.starts[i]!, end: possessive ? end - 2 : end, key, keyId: -1, ids, alt: alt ?? NO_ALT, sentenceStart: false };
      }
      if (possessive) break;
    }
    if (best) {
      best.sentenceStart = isSentenceStart(text, toks, i);
      out.push(best);
      i = best.last;
    } else if ((toks.shape[i]! & PLAIN) === 0 && toks.get(i)!.text.includes('-')) {
      const t0 = toks.get(i)!;
      // "London-based", "Amsterdam-London": the capitalised parts of a hyphenated word; "Wal-Mart", "Pan-Igbo" are names.
      let off = t0.start;
      const parts = t0.text.split('-');
      const named = parts.some((p) => {
        const w = foldWord(p.replace(/['’]s$/, ''));
        return w.length > 1 && isUpperInitial(p) && p !== p.toUpperCase() && !DEMONYMS.has(w) && !LANGUAGE_WORDS.has(w) && codesOf(gaz, w) === undefined;
      });
      for (const part of parts) {
        const codes = isUpperInitial(part) && !named ? codesOf(gaz, foldWord(part)) : undefined;
        if (codes) {
          const ids = codes.map((c) => (c >= 0 ? c : -c - 1));
          const alt = new Set(codes.filter((c) => c < 0).map((c) => -c - 1));
          out.push({ first: i, last: i, start: off, end: off + part.length, key: foldWord(part), keyId: -1, ids, alt, sentenceStart: off === t0.start && isSentenceStart(text, toks, i) });
        }
        off += part.length + 1;
      }
    }
  }
  return out;
}
