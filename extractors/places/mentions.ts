import { codesOf, KEY_HASH_START, keyHashStep, type Gazetteer } from './gazetteer.js';
import { DEMONYMS } from '../values/index.js';
import { CONNECTORS, LANGUAGE_WORDS } from './words.js';
import { foldWord, isUpperInitial, PLAIN, SPACED, UPPER, type WordTokens } from './normalize.js';
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
  /** Entry indexes, most populous first (shared by the mentions of a key: never changed). */
  ids: readonly number[];
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
 * True when `s` is the key of tokens `i` .. `j` (their norms joined by one space), the last `cut` code units of token
 * `j` left out (a possessive). A PLAIN token's norm is its text with ASCII capitals lowered, compared in place.
 */
function spanIs(s: string, text: string, toks: WordTokens, i: number, j: number, cut: number): boolean {
  let p = 0;
  for (let t = i; t <= j; t += 1) {
    if (t > i) {
      if (s.charCodeAt(p) !== 32) return false;
      p += 1;
    }
    const drop = t === j ? cut : 0;
    if ((toks.shape[t]! & PLAIN) !== 0) {
      const st = toks.starts[t]!;
      const en = toks.ends[t]! - drop;
      if (p + en - st > s.length) return false;
      for (let k = st; k < en; k += 1) {
        let c = text.charCodeAt(k);
        if (c >= 65 && c <= 90) c |= 32;
        if (s.charCodeAt(p) !== c) return false;
        p += 1;
      }
    } else {
      const norm = toks.norm(t);
      const len = norm.length - drop;
      if (p + len > s.length) return false;
      for (let k = 0; k < len; k += 1) {
        if (s.charCodeAt(p) !== norm.charCodeAt(k)) return false;
        p += 1;
      }
    }
  }
  return p === s.length;
}

/**
 * Recent answers of `gaz.keys`, direct-mapped by hash, for the gazetteer they came from. Why: the table holds 450k
 * keys and a lookup in it misses the CPU caches several times (slot, entry string, codes); news repeats its
 * capitalised words, and a small table of the recent answers stays cached. A slot holds a full hash and either an
 * entry (its string, codes and prefix flag) or HOT_NONE: no key of the table has that hash.
 */
const HOT_SIZE = 16_384;
const HOT_NONE = -1;
const HOT_EMPTY = -2;
let hotFor: Gazetteer | null = null;
const hotHash = new Int32Array(HOT_SIZE);
const hotEntry = new Int32Array(HOT_SIZE).fill(HOT_EMPTY);
const hotStr: string[] = new Array<string>(HOT_SIZE).fill('');
const hotCodes: Array<number | number[] | undefined> = new Array<number | number[] | undefined>(HOT_SIZE).fill(undefined);
const hotPrefix = new Uint8Array(HOT_SIZE);

/** What `spanEntry` found: the entry's key, codes and prefix flag (valid until the next call). */
let foundKey = '';
let foundCodes: number | number[] | undefined;
let foundPrefix = false;

/** Looks up the key of tokens `i` .. `j` (`cut` as in `spanIs`), whose `keyHash` is `h`: true when `gaz.keys` holds it (see `found*`). */
function spanEntry(gaz: Gazetteer, text: string, toks: WordTokens, i: number, j: number, cut: number, h: number): boolean {
  if (hotFor !== gaz) {
    hotFor = gaz;
    hotEntry.fill(HOT_EMPTY);
  }
  const at = (Math.imul(h, 0x9e3779b1) >>> 18) & (HOT_SIZE - 1);
  const e = hotEntry[at]!;
  if (e !== HOT_EMPTY && hotHash[at] === h) {
    if (e === HOT_NONE) return false;
    if (spanIs(hotStr[at]!, text, toks, i, j, cut)) {
      foundKey = hotStr[at]!;
      foundCodes = hotCodes[at];
      foundPrefix = hotPrefix[at] === 1;
      return true;
    }
  }
  const table = gaz.keys;
  let any = false;
  for (let s = table.next(h, table.first(h)); s >= 0; s = table.next(h, table.after(s))) {
    any = true;
    const n = table.entryAt(s);
    const key = table.strs[n]!;
    if (spanIs(key, text, toks, i, j, cut)) {
      foundKey = key;
      foundCodes = table.codes[n];
      foundPrefix = table.prefix[n] === 1;
      hotHash[at] = h;
      hotEntry[at] = n;
      hotStr[at] = key;
      hotCodes[at] = foundCodes;
      hotPrefix[at] = foundPrefix ? 1 : 0;
      return true;
    }
  }
  if (!any) {
    hotHash[at] = h;
    hotEntry[at] = HOT_NONE;
  }
  return false;
}

/** The `alt` of the mentions matched through no alternate name: shared, never added to. */
const NO_ALT: ReadonlySet<number> = new Set<number>();

/** A key's entries as a mention holds them (see `Mention.ids`, `Mention.alt`): shared by its mentions, never changed. */
interface KeyIds {
  ids: readonly number[];
  alt: ReadonlySet<number>;
}

/**
 * `KeyIds` by key, for the gazetteer they came from (emptied when it changes or when it grows past KEY_IDS_MAX).
 * Why: news repeats its place names, and each mention's entry list and alternate-name set were made anew.
 */
const keyIds = new Map<string, KeyIds>();
const KEY_IDS_MAX = 20_000;
let keyIdsFor: Gazetteer | null = null;

/**
 * The entries of codes `found` (see `Gazetteer.byKey`): those in `set` left out, or with `only` the only ones kept
 * (null: none are left).
 */
function idsOf(found: number | number[], set: ReadonlySet<number> | undefined, only = false): KeyIds | null {
  const ids: number[] = [];
  let alt: Set<number> | null = null;
  const count = typeof found === 'number' ? 1 : found.length;
  for (let k = 0; k < count; k += 1) {
    const c = typeof found === 'number' ? found : found[k]!;
    const id = c >= 0 ? c : -c - 1;
    // without `only`, the entries of `set` are left out (dotted abbreviations); with it, only they are kept (ñ names)
    if (set !== undefined && set.has(id) !== only) continue;
    ids.push(id);
    if (c < 0) (alt ??= new Set<number>()).add(id);
  }
  return ids.length > 0 ? { ids, alt: alt ?? NO_ALT } : null;
}

/** True when text[start, end) holds an ñ or Ñ. */
function hasEnye(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xf1 || c === 0xd1) return true;
  }
  return false;
}
const NO_ENTRIES: ReadonlySet<number> = new Set();

/** `idsOf(found)` for key `key` of `gaz`, remembered. */
function keyIdsOf(gaz: Gazetteer, key: string, found: number | number[]): KeyIds {
  if (keyIdsFor !== gaz || keyIds.size >= KEY_IDS_MAX) {
    keyIdsFor = gaz;
    keyIds.clear();
  }
  let k = keyIds.get(key);
  if (k === undefined) {
    // Without a dotted filter every entry stays, so there is at least one.
    k = idsOf(found, undefined)!;
    keyIds.set(key, k);
  }
  return k;
}

/** Longest gazetteer matches over capitalised word runs, left to right, non-overlapping. */
export function findMentions(text: string, toks: WordTokens, gaz: Gazetteer): Mention[] {
  const out: Mention[] = [];
  const maxWords = Math.min(gaz.maxWords, 6);
  for (let i = 0; i < toks.length; i += 1) {
    if ((toks.shape[i]! & UPPER) === 0) continue;
    let h = KEY_HASH_START;
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
      // The key's hash is extended from the word's norm as the text holds it: no key string is made to look it up.
      if (j > i) h = keyHashStep(h, 32);
      let possessive: boolean;
      if ((toks.shape[j]! & PLAIN) !== 0) {
        const st = toks.starts[j]!;
        let en = toks.ends[j]!;
        possessive = upper && en - st >= 2 && text.charCodeAt(en - 2) === 39 && (text.charCodeAt(en - 1) | 32) === 115;
        if (possessive) en -= 2;
        for (let k = st; k < en; k += 1) {
          const c = text.charCodeAt(k);
          h = keyHashStep(h, c >= 65 && c <= 90 ? c | 32 : c);
        }
      } else {
        const tnorm = toks.norm(j);
        possessive = upper && tnorm.endsWith("'s");
        const len = possessive ? tnorm.length - 2 : tnorm.length;
        for (let k = 0; k < len; k += 1) h = keyHashStep(h, tnorm.charCodeAt(k));
      }
      // one lookup of the key serves both the stop test and the match
      const hit = spanEntry(gaz, text, toks, i, j, possessive ? 2 : 0, h);
      const found = hit ? foundCodes : undefined;
      if (j > i && found === undefined && !(hit && foundPrefix)) break;
      if (!upper) continue;
      if (found !== undefined) {
        const key = foundKey;
        const end = toks.ends[j]!;
        // "Miss." is Mississippi, "Miss Ohio" is not: a dotted abbreviation needs its dot.
        // (The table of dotted keys is small: asked first, it spares the tests, and their upper-case copy, for most names.)
        const dots = gaz.dotted.get(key);
        let dotted: Set<number> | undefined;
        if (dots !== undefined) {
          const word = text.slice(toks.starts[j]!, end);
          dotted = text.charCodeAt(end) === 46 || word.includes('.') || word === word.toUpperCase() ? undefined : dots;
        }
        // "Montaña" is not Montana: a name written with ñ keeps only the entries named with ñ (gaz.enye).
        const enye = hasEnye(text, toks.starts[i]!, end) ? gaz.enye.get(key) ?? NO_ENTRIES : undefined;
        const k = enye !== undefined ? idsOf(found, enye, true) : dotted === undefined ? keyIdsOf(gaz, key, found) : idsOf(found, dotted);
        if (k !== null) {
          const mEnd = possessive ? end - 2 : end;
          // A longer span found after a shorter one takes over its object: one mention object per start.
          if (best === null) best = { first: i, last: j, start: toks.starts[i]!, end: mEnd, key, keyId: -1, ids: k.ids, alt: k.alt, sentenceStart: false };
          else {
            best.last = j;
            best.end = mEnd;
            best.key = key;
            best.ids = k.ids;
            best.alt = k.alt;
          }
        }
      }
      if (possessive) break;
    }
    if (best) {
      best.sentenceStart = isSentenceStart(text, toks, i);
      out.push(best);
      i = best.last;
    } else if ((toks.shape[i]! & SPACED) !== 0) {
      // SPACED: the fold holds a space, which only a hyphen in the word makes (read from the columns: no token object
      // for the many capitalised words with accents that name no place).
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
