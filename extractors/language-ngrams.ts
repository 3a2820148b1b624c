import { eld } from 'eld/small';

/**
 * eld's `detect()` (the "small" 60-language n-gram table), scored without its per-call overhead.
 *
 * Why: language identification was most of the language stage, and most of that was eld rebuilding an object of the
 * text's n-grams and walking each n-gram's per-language scores with `for…in` on every call. This module computes the
 * same n-grams from the same text (eld's own separator regex and byte dictionary) and adds the same integer scores,
 * with each n-gram's scores looked up once and then kept as a typed array. The sums are integers, so the order of
 * addition does not matter: the language and scores are exactly eld's (test/extractors/language-ngrams.test.ts
 * compares them with `eld.detect` on the sample corpora). eld does not export its table, so it is imported from the
 * package's files; if that ever fails (another eld layout), `eld.detect` itself is used.
 */

/** What detectLanguage reads of a detection: the winner ('' when none) and a language's 0–1 score. */
export interface NgramDetection {
  language: string;
  /** eld's `getScores()[lang]`; undefined when the language scored nothing. */
  score(lang: string): number | undefined;
}

interface EldTables {
  /** n-gram (eld's byte-string form) → language index → score above the base. */
  ngrams: Record<string, Record<string, number> | undefined>;
  /** Language codes by index. */
  langCodes: string[];
  /** A character standing for each UTF-8 byte (eld's `dictionary`). */
  dictionary: string[];
  separators: RegExp;
}

/** eld's detect() reads this many characters. */
const EL_TEXT_CHARS = 1000;
/** eld adds this to every stored score (its table stores score - 53 to stay small). */
const BASE_NGRAM_SCORE = 53;
/** eld's scaling of the mean n-gram score to 0–1. */
const SCALE = 25;

async function loadTables(): Promise<EldTables | null> {
  try {
    const entry = import.meta.resolve('eld/small');
    const [data, dict, patterns] = await Promise.all([
      import(new URL('../ngrams/small.js', entry).href),
      import(new URL('../dictionary.js', entry).href),
      import(new URL('../regexPatterns.js', entry).href),
    ]);
    const languages = data.ngramsData?.languages as Record<string, string> | undefined;
    if (!languages || !data.ngramsData.ngrams || !Array.isArray(dict.dictionary) || !(patterns.separators instanceof RegExp)) return null;
    const langCodes: string[] = [];
    for (const [k, code] of Object.entries(languages)) langCodes[Number(k)] = code;
    return { ngrams: data.ngramsData.ngrams, langCodes, dictionary: dict.dictionary, separators: patterns.separators };
  } catch {
    return null;
  }
}

const tables = await loadTables();

/** One n-gram's scores as (language index, score + base) pairs, and the call that last counted it. */
interface NgramEntry {
  pairs: Int32Array;
  seen: number;
}

const EMPTY = new Int32Array(0);
const entries = new Map<string, NgramEntry>();
/** The n-gram entries of a word (its byte string): words repeat far more than texts, so most words cost one lookup. */
const wordEntries = new Map<string, NgramEntry[]>();
const ENTRIES_MAX = 200_000;
let call = 0;

function entryOf(t: EldTables, gram: string): NgramEntry {
  let e = entries.get(gram);
  if (e === undefined) {
    // (own properties only: eld's table is a plain object, and no n-gram is a name Object.prototype has)
    const byLang = Object.hasOwn(t.ngrams, gram) ? t.ngrams[gram] : undefined;
    let pairs = EMPTY;
    if (byLang) {
      const keys = Object.keys(byLang);
      pairs = new Int32Array(2 * keys.length);
      keys.forEach((k, i) => {
        pairs[2 * i] = Number(k);
        pairs[2 * i + 1] = byLang[k]! + BASE_NGRAM_SCORE;
      });
    }
    e = { pairs, seen: 0 };
    entries.set(gram, e);
  }
  return e;
}

/**
 * eld's getByteNgrams for one word: 4-byte n-grams with a 3-byte stride, a leading space on a word's first, the last
 * one ending the word with a space.
 */
function wordNgrams(t: EldTables, word: string): NgramEntry[] {
  let list = wordEntries.get(word);
  if (list === undefined) {
    list = [];
    const len = word.length > 70 ? 70 : word.length;
    let j = 0;
    for (; j + 4 < len; j += 3) list.push(entryOf(t, (j === 0 ? ' ' : '') + word.substring(j, j + 4)));
    list.push(entryOf(t, (j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' '));
    wordEntries.set(word, list);
  }
  return list;
}

/** eld's `strToUtf8Bytes`: the words of the processed text as byte strings, cut after about 350 bytes. */
function byteWords(str: string, dictionary: readonly string[]): string[] {
  let encoded = '';
  const words: string[] = [];
  let countBytes = 0;
  for (let ii = 0; ii < str.length; ii++) {
    let c = str.charCodeAt(ii);
    if (c < 0x80) {
      if (c === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > 350) break;
        countBytes++;
      } else {
        // A run of ASCII characters other than a space is one byte each: taken as one substring (fewer strings).
        let e = ii + 1;
        while (e < str.length) {
          const d = str.charCodeAt(e);
          if (d >= 0x80 || d === 32) break;
          e++;
        }
        if (countBytes + (e - ii) > 380) {
          encoded += str.substring(ii, ii + 381 - countBytes);
          break;
        }
        encoded += str.substring(ii, e);
        countBytes += e - ii;
        ii = e - 1;
      }
    } else if (c < 0x800) {
      encoded += dictionary[0xc0 | (c >> 6)]! + dictionary[0x80 | (c & 0x3f)]!;
      countBytes += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      encoded += dictionary[0xe0 | (c >> 12)]! + dictionary[0x80 | ((c >> 6) & 0x3f)]! + dictionary[0x80 | (c & 0x3f)]!;
      countBytes += 3;
    } else {
      ii++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(ii) & 0x3ff));
      encoded +=
        dictionary[0xf0 | (c >> 18)]! + dictionary[0x80 | ((c >> 12) & 0x3f)]! + dictionary[0x80 | ((c >> 6) & 0x3f)]! + dictionary[0x80 | (c & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > 380) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** byteWords stops by this many characters of the prepared text (each is at least one byte; it stops past 380 bytes). */
const BYTE_WORDS_CHARS = 381;
/** The input characters prepared first: about 381 prepared characters in ordinary text. */
const PREFIX_CHARS = 480;

/**
 * eld's preparation of a text (its first 1000 characters, separators as spaces, trimmed, lower case), or of a shorter
 * prefix when that gives the same first 381 characters, all byteWords reads. Why: the separator regex over 1000
 * characters was a third of the language stage. The prefix ends at a word boundary, an ASCII letter before a space:
 * no separator run, trim or lower-casing context crosses it, so its preparation is the start of the full one.
 */
function prepare(input: string, separators: RegExp): string {
  const letter = letterTable(separators);
  const n = Math.min(input.length, EL_TEXT_CHARS);
  for (let c = PREFIX_CHARS; c < n; c++) {
    if (input.charCodeAt(c) !== 32) continue;
    const b = input.charCodeAt(c - 1) | 32;
    if (b < 97 || b > 122) continue;
    const prefix = (letter ? spaced(input, c, letter) : input.substring(0, c).replace(separators, ' ').trim()).toLowerCase();
    if (prefix.length >= BYTE_WORDS_CHARS) return prefix;
    break;
  }
  return (letter ? spaced(input, n, letter) : input.substring(0, EL_TEXT_CHARS).replace(separators, ' ').trim()).toLowerCase();
}

/** What eld's separator regex is (its source after the class of letters): runs of non-letters not ending in an apostrophe. */
const SEPARATORS_TAIL = '(?<![\\x27\\x60\\u2019])';

/** Per BMP code unit, 1 for a letter of eld's separator regex; null when that regex is not of the expected shape. */
let letters: Uint8Array | null | undefined;

/** The letters of `separators` (eld's `[^letters]+` plus SEPARATORS_TAIL), as a table made on first use (a few ms). */
function letterTable(separators: RegExp): Uint8Array | null {
  if (letters !== undefined) return letters;
  const src = separators.source;
  const end = src.indexOf(']+');
  if (!src.startsWith('[^') || end < 0 || src.slice(end + 2) !== SEPARATORS_TAIL || separators.flags !== 'gu') return (letters = null);
  const letter = new RegExp(`[${src.slice(2, end)}]`, 'u');
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && letter.test(String.fromCharCode(c))) t[c] = 1;
  return (letters = t);
}

/** True for the apostrophes eld's separator regex may not end a match on: ', ` and ’. */
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x60 || c === 0x2019;
}

/**
 * The code units `spaced` writes, reused from one text to the next (grown as needed), and the same memory as bytes:
 * a string is made from them by decoding them as UTF-16 (which keeps any lone surrogate as it is).
 */
let spacedBuf = new Uint16Array(1024);
let spacedBytes = Buffer.from(spacedBuf.buffer);

/**
 * `input.substring(0, end).replace(separators, ' ').trim()` for eld's separators (`letter`: `letterTable`), written
 * into a reused buffer and decoded into one string. Why: the regex replacement was most of the language stage's garbage.
 * A run of non-letters becomes one space, but the apostrophes that end it stay: the regex's lookbehind keeps a match
 * from ending on one ("don’t", "rock 'n' roll"), and a run of apostrophes alone is not matched at all. (Surrogates
 * are non-letters, as the regex's code points beyond the BMP are.) A space is the only white space the replacement
 * leaves, so trimming is dropping spaces at both ends.
 */
function spaced(input: string, end: number, letter: Uint8Array): string {
  if (spacedBuf.length < end) {
    spacedBuf = new Uint16Array(2 * end);
    spacedBytes = Buffer.from(spacedBuf.buffer);
  }
  const out = spacedBuf;
  let n = 0;
  let i = 0;
  while (i < end) {
    const c = input.charCodeAt(i);
    if (letter[c] === 1) {
      out[n++] = c;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && letter[input.charCodeAt(j)] !== 1) j++;
    // The run is [i, j): a space for all of it up to its last other character, then the apostrophes after that one.
    let q = j - 1;
    while (q >= i && isApostrophe(input.charCodeAt(q))) q--;
    if (q >= i) out[n++] = 32;
    for (let k = q + 1; k < j; k++) out[n++] = input.charCodeAt(k);
    i = j;
  }
  let from = 0;
  while (from < n && out[from] === 32) from++;
  while (n > from && out[n - 1] === 32) n--;
  // (String.fromCharCode.apply would copy the code units into an argument list first)
  return spacedBytes.toString('utf16le', 2 * from, 2 * n);
}

function detectWith(t: EldTables, input: string): NgramDetection {
  const text = prepare(input, t.separators);
  const scores = new Float64Array(t.langCodes.length);
  // (emptied between texts only: within one, an n-gram must keep one entry, or its `seen` mark would not dedupe it)
  if (entries.size >= ENTRIES_MAX || wordEntries.size >= ENTRIES_MAX) {
    entries.clear();
    wordEntries.clear();
  }
  const stamp = ++call;
  // each distinct n-gram counts once (eld collects them as keys of an object)
  let distinct = 0;
  for (const word of byteWords(text, t.dictionary)) {
    for (const e of wordNgrams(t, word)) {
      if (e.seen === stamp) continue;
      e.seen = stamp;
      distinct++;
      const p = e.pairs;
      for (let k = 0; k < p.length; k += 2) scores[p[k]!]! += p[k + 1]!;
    }
  }
  // eld's getMaxLang: the first strictly highest positive score
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! > 0 && scores[i]! > bestScore) {
      bestScore = scores[i]!;
      best = i;
    }
  }
  if (best < 0) return { language: '', score: () => undefined };
  return {
    language: t.langCodes[best]!,
    score(lang) {
      const i = t.langCodes.indexOf(lang);
      const raw = i >= 0 ? scores[i]! : 0;
      if (raw <= 0) return undefined;
      const ngramScore = raw / distinct;
      return ngramScore / (ngramScore + SCALE);
    },
  };
}

/** eld.detect(text), as its language and scores. */
export function detectNgrams(text: string): NgramDetection {
  if (tables) return detectWith(tables, text);
  const r = eld.detect(text);
  return { language: r.language, score: (lang) => r.getScores()[lang] };
}

/** True when the fast path is in use (eld's tables were found). */
export const ngramTablesLoaded = tables !== null;
