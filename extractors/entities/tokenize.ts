/**
 * Tokenizer for NER: words (with inner apostrophes, hyphens, dots, slashes and ampersands, as in
 * "EE.UU", "d'Alba", "Sánchez-Vicario", "AT&T"), numbers with inner separators ("3.321,29", "10:30"),
 * known abbreviations with their final dot, and single punctuation marks. A hand-written scanner over
 * a character-class table (several times faster than a Unicode-property RegExp). Offsets are UTF-16
 * code units into the input.
 */
import { F_ALLCAPS, F_CAP, F_DOT, F_PUNCT, FNV_OFFSET, FNV_PRIME, internedInfo, type TokenInfo } from './token-info.js';

export interface Tokens {
  /** Token strings. */
  words: string[];
  /** Offsets of each token (views of reused buffers for tokenizeWithInfos: valid until its next call). */
  starts: Int32Array;
  ends: Int32Array;
  /**
   * Index of the first token of each line-level block, ascending, starting with 0 when there are tokens.
   * Blocks break at newlines only; sentenceStartsOf() finds the sentences inside them.
   */
  sentenceStarts: number[];
  /** Indices of the '.', '!', '?' and '…' tokens, ascending: where sentenceStartsOf() looks for sentence ends. */
  endMarks: number[];
  /** Commas and periods written apart from the token before them, and glued to it (pre-tokenized text has more apart). */
  punctApart: number;
  punctGlued: number;
}

/** Lower-cased abbreviations that keep their final dot. */
const ABBREVIATIONS = new Set([
  'sr', 'sra', 'srta', 'dr', 'dra', 'lic', 'ing', 'gral', 'gen', 'cnel', 'cap', 'tte', 'sgto', 'prof', 'profa',
  'mr', 'mrs', 'ms', 'sen', 'rep', 'gov', 'lt', 'col', 'st', 'jr', 'inc', 'corp', 'co', 'ltd', 'ltda',
  'dep', 'pres', 'av', 'avda', 'sto', 'sta', 'cía', 'cia', 'mt', 'ft', 'nº', 'vol',
]);

/** Character classes of the BMP: 0 space, 1 word (letter, mark, digit), 2 other. */
const SPACE = 0;
const WORD = 1;
const CLASS = new Uint8Array(65536).fill(2);
{
  const word = /[\p{L}\p{M}\p{N}]/u;
  const space = /\s/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (word.test(ch)) CLASS[c] = WORD;
    else if (space.test(ch) || c === 0x200b) CLASS[c] = SPACE;
  }
}
const DIGIT = (c: number) => c >= 48 && c <= 57;
/** Characters that join two word parts: . ' ’ & - / (tested after nearly every word, so compared inline, not looked up in a set) */
const isJoiner = (c: number) => c === 0x2e || c === 0x27 || c === 0x2019 || c === 0x26 || c === 0x2d || c === 0x2f;

/** True for tokens like "EE.UU." or "S.A." (letters separated by dots) and single capitals like "J.". */
function keepsDot(core: string): boolean {
  if (ABBREVIATIONS.has(core.toLowerCase())) return true;
  if (core.length === 1) return core !== core.toLowerCase();
  return core.includes('.') && DOTTED.test(core);
}
const DOTTED = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;

/** keepsDot() from the core's token info (its lower case and dot flag are there already). */
function keepsDotInfo(core: TokenInfo): boolean {
  if (ABBREVIATIONS.has(core.lower)) return true;
  if (core.word.length === 1) return core.word !== core.lower;
  return (core.flags & F_DOT) !== 0 && DOTTED.test(core.word);
}

export function tokenize(text: string): Tokens {
  return scan(text, undefined);
}

/** Offset buffers that tokenizeWithInfos reuses from one text to the next (recognition reads them at once). */
let startBuf = new Int32Array(4096);
let endBuf = new Int32Array(4096);

/**
 * tokenize() and every token's info (tokenInfo), in one pass: the words are the interned forms of
 * internedInfo(), so known words cost neither a substring nor a string-keyed lookup. The arrays it returns (words,
 * infos, offsets) are reused by its next call: read them at once, copy what must be kept.
 */
export function tokenizeWithInfos(text: string): { tokens: Tokens; infos: TokenInfo[] } {
  const tokens = scan(text, poolInfos);
  return { tokens, infos: poolInfos };
}

/** The words and infos arrays tokenizeWithInfos reuses (written by index, cut to length at the end). */
const poolInfos: TokenInfo[] = [];
const poolWords: string[] = [];

function scan(text: string, infos: TokenInfo[] | undefined): Tokens {
  const words: string[] = infos !== undefined ? poolWords : [];
  let t = 0;
  // at most one token per character; the plain path keeps its own arrays (its callers keep the tokens)
  if (infos !== undefined && startBuf.length < text.length) {
    startBuf = new Int32Array(2 * text.length);
    endBuf = new Int32Array(2 * text.length);
  }
  const starts = infos !== undefined ? startBuf : new Int32Array(text.length);
  const ends = infos !== undefined ? endBuf : new Int32Array(text.length);
  const sentenceStarts: number[] = [];
  const endMarks: number[] = [];
  let punctApart = 0;
  let punctGlued = 0;
  const n = text.length;
  let newSentence = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = CLASS[c]!;
    if (cls === SPACE) {
      if (c === 10) newSentence = true;
      i++;
      continue;
    }
    const start = i;
    // The token's hash (hashString of its text) is computed as it is scanned: internedInfo() needs it.
    let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    if (cls === WORD) {
      let allDigits = DIGIT(c);
      i++;
      for (;;) {
        for (; i < n; i++) {
          const d = text.charCodeAt(i);
          if (CLASS[d] !== WORD) break;
          if (!DIGIT(d)) allDigits = false;
          h = Math.imul(h ^ d, FNV_PRIME);
        }
        if (i + 1 >= n) break;
        const j = text.charCodeAt(i);
        const after = text.charCodeAt(i + 1);
        if (CLASS[after] !== WORD) break;
        if (isJoiner(j) || (allDigits && (j === 0x2c || j === 0x3a) && DIGIT(after))) {
          if (allDigits && !DIGIT(after)) allDigits = false;
          h = Math.imul(h ^ j, FNV_PRIME);
          i++;
          continue;
        }
        break;
      }
      let end = i;
      if (newSentence) sentenceStarts.push(t);
      newSentence = false;
      if (infos !== undefined) {
        let info = internedInfo(text, start, i, h);
        if (i < n && text.charCodeAt(i) === 0x2e && keepsDotInfo(info)) {
          end = ++i;
          info = internedInfo(text, start, end, Math.imul(h ^ 0x2e, FNV_PRIME));
        }
        infos[t] = info;
        words[t] = info.word;
      } else {
        if (i < n && text.charCodeAt(i) === 0x2e && keepsDot(text.slice(start, i))) end = ++i;
        words[t] = text.slice(start, end);
      }
      starts[t] = start;
      ends[t] = end;
      t++;
      continue;
    }
    // One punctuation mark (a surrogate pair counts as one).
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) h = Math.imul(h ^ text.charCodeAt(++i), FNV_PRIME);
    i++;
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) endMarks.push(t);
    if ((c === 0x2e || c === 0x2c) && t > 0) {
      if (ends[t - 1] === start) punctGlued++;
      else punctApart++;
    }
    if (newSentence) sentenceStarts.push(t);
    newSentence = false;
    if (infos !== undefined) {
      const info = internedInfo(text, start, i, h);
      infos[t] = info;
      words[t] = info.word;
    } else words[t] = text.slice(start, i);
    starts[t] = start;
    ends[t] = i;
    t++;
  }
  const n2 = t;
  words.length = n2;
  if (infos !== undefined) infos.length = n2;
  return infos !== undefined
    ? { words, starts: starts.subarray(0, n2), ends: ends.subarray(0, n2), sentenceStarts, endMarks, punctApart, punctGlued }
    : { words, starts: starts.slice(0, n2), ends: ends.slice(0, n2), sentenceStarts, endMarks, punctApart, punctGlued };
}

/** Closing marks that stay with the sentence they close ('dijo: "Vamos." Luego' splits after the quote). */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const UPPER_SHORT = /^\p{Lu}{1,2}$/u;
const LOWER_START = /^\p{Ll}/u;
/** How far back from a sentence's first token a capitalised token can lie and still have its window merged with it. */
const RUN_ON_REACH = 6;
/** The array sentenceStartsOf() returns, reused from one text to the next. */
const startsBuf: number[] = [];

/**
 * The starts of the sentences inside the line-level blocks of `tokens` (tokenizeWithInfos), as the tagger takes
 * them. The models are trained on one sentence per block, and tagging a whole paragraph as one block let a name run
 * on into the next sentence ('Bogotá. Luego', 'FBI. Austin': on our dev sets with every document's sentences
 * joined by spaces, F1 fell by 1.5 (pt), 5.6 (en) and 10 (es) points). A sentence ends after '!', '?', '…' or a
 * period, and the closing quotes or brackets right after it, when the next word does not start in lower case.
 * A period right before the next word does not end one after a form the tokenizer keeps with its dot written
 * apart ('Sr .') or after one or two capitals ('S . João', 'EE. UU. y'); before a closing quote it does. In
 * pre-tokenized text (commas and periods mostly written apart, as in CoNLL corpora), a period glued to a word
 * belongs to that word ('Pesca. Alimentación' in CoNLL-2002) and ends nothing. A sentence is only cut off where a
 * name could run on (RUN_ON_REACH): 11 sentences per bench document instead of 33, for nearly the same names (dev
 * sets as paragraphs, models of 2026-11-28: en 0.882 against 0.885 when cutting at every end, es 0.768 against
 * 0.766, pt 0.809 against 0.810).
 * The array is reused by the next call: read it at once.
 */
export function sentenceStartsOf(tokens: Tokens, infos: readonly TokenInfo[]): number[] {
  const n = infos.length;
  const { starts, ends, sentenceStarts: blocks, endMarks } = tokens;
  const pretokenized = tokens.punctApart > tokens.punctGlued;
  const out = startsBuf;
  out.length = 0;
  let b = 0;
  /** The start of the current block and of the current sentence. */
  let blockStart = 0;
  let from = 0;
  for (let m = 0; m < endMarks.length; m++) {
    const j = endMarks[m]!;
    for (; b < blocks.length && blocks[b]! <= j; b++) out.push((blockStart = from = blocks[b]!));
    // the next sentence starts after the closing marks that follow the end mark, if it starts in this block
    let i = j + 1;
    while (i < n && CLOSERS.has(infos[i]!.word)) i++;
    if (i >= n || (b < blocks.length && blocks[b]! <= i)) continue;
    if (LOWER_START.test(infos[i]!.word) || (infos[i]!.flags & F_PUNCT) !== 0 && endMarks[m + 1] === i) continue;
    if (infos[j]!.word === '.') {
      if (j === blockStart) continue;
      const prev = infos[j - 1]!;
      if (i === j + 1 && (ABBREVIATIONS.has(prev.lower) || UPPER_SHORT.test(prev.word))) continue;
      if (pretokenized && starts[j] === ends[j - 1]) continue;
    }
    // Only where a name could run on: a capitalised token close enough before the end for its candidate window
    // to merge with the next sentence's first one (segments.ts: one token either side, gaps up to 3). Elsewhere
    // the tagger cannot cross the end anyway, and each sentence costs the tagger a few typed-array views.
    let near = false;
    for (let k = j - 1; k >= from && k >= i - RUN_ON_REACH; k--) {
      if ((infos[k]!.flags & (F_CAP | F_ALLCAPS)) !== 0) {
        near = true;
        break;
      }
    }
    if (!near) continue;
    out.push((from = i));
  }
  for (; b < blocks.length; b++) out.push(blocks[b]!);
  return out;
}
