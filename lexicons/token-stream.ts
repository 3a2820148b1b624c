import { FORM_HASH_SEED, formId, hashStep, normId, normOf, trimForms } from './forms.js';
import { ASCII_CLASS, charClass } from './tokenize.js';
import type { Token, TokenKind } from './tokenize.js';

/**
 * The tokens of one text as parallel arrays (no object per token): what the matcher runs on. Same
 * tokenisation as `tokenize()`; `kinds` holds 0 word, 1 number, 2 punct; `caps` is 1 for a word whose first
 * letter is upper case; `ids` is the norm's id in the shared form table (forms.ts), valid while `formGeneration()`
 * stays the same (normAt gives the norm itself: the stream holds no strings, since writing one per token into an
 * array cost a cache line per token). Buffers are reused between calls, so a stream is valid until the next
 * `tokenStream()`.
 */
export interface TokenStream {
  length: number;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  caps: Uint8Array;
  ids: Int32Array;
}

export const KIND_WORD = 0;
export const KIND_NUMBER = 1;
export const KIND_PUNCT = 2;
const KIND_NAMES: TokenKind[] = ['word', 'number', 'punct'];

const LETTER = 1;
const DIGIT = 2;
const JOINER = 3;
const MARK = 4;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000 || c === 0xfeff;
}

function isWordClass(k: number): boolean {
  return k === LETTER || k === DIGIT || k === MARK;
}

function isUpperStart(text: string, i: number): boolean {
  return isUpperCode(text.charCodeAt(i), text, i);
}

/** `c` (the code unit at text[i]) starts an upper-case letter. */
function isUpperCode(c: number, text: string, i: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function emptyStream(capacity: number): TokenStream {
  return {
    length: 0,
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    kinds: new Uint8Array(capacity),
    caps: new Uint8Array(capacity),
    ids: new Int32Array(capacity),
  };
}

let shared = emptyStream(1024);

function grow(s: TokenStream): TokenStream {
  const bigger = emptyStream(s.starts.length * 2);
  bigger.starts.set(s.starts);
  bigger.ends.set(s.ends);
  bigger.kinds.set(s.kinds);
  bigger.caps.set(s.caps);
  bigger.ids.set(s.ids);
  bigger.length = s.length;
  return bigger;
}

/**
 * The code units of the text being tokenised, copied once into a reused typed array.
 * Why: `charCodeAt` in a loop is compiled as a generic string access (the string's representation is checked again at
 * every character: sequential or not, one or two bytes per character), several times the cost of a typed-array read,
 * and the tokeniser reads each character twice (scan and form lookup). Buffer#write with 'utf16le' copies the code
 * units as they are (lone surrogates included) in native code, and the Uint16Array over the same memory reads them
 * back on a little-endian machine (elsewhere they are copied one by one).
 */
let codeBuf = new Uint16Array(4096);
let codeBytes = Buffer.from(codeBuf.buffer, codeBuf.byteOffset, codeBuf.byteLength);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codeUnits(text: string): Uint16Array {
  if (codeBuf.length < text.length) {
    codeBuf = new Uint16Array(Math.max(text.length, 2 * codeBuf.length));
    codeBytes = Buffer.from(codeBuf.buffer, codeBuf.byteOffset, codeBuf.byteLength);
  }
  if (LITTLE_ENDIAN) codeBytes.write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) codeBuf[i] = text.charCodeAt(i);
  return codeBuf;
}

/** Tokenises `text` into the shared stream (see TokenStream); `fresh` gives a stream of its own. */
export function tokenStream(text: string, fresh = false): TokenStream {
  const codes = codeUnits(text);
  let s = fresh ? emptyStream(Math.max(64, text.length >> 2)) : shared;
  s.length = 0;
  trimForms();
  const n = text.length;
  let i = 0;
  let t = 0;
  while (i < n) {
    const c = codes[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (t >= s.starts.length) s = grow(s);
    const cls = c < 128 ? ASCII_CLASS[c]! : charClass(text, i);
    const start = i;
    let id: number;
    if (cls === LETTER || cls === DIGIT || cls === MARK) {
      let allDigits = cls === DIGIT;
      let h = hashStep(FORM_HASH_SEED, c);
      i++;
      while (i < n) {
        const d = codes[i]!;
        // (ASCII first: a table read instead of charClass, which reads the code unit again)
        const k = d < 128 ? ASCII_CLASS[d]! : charClass(text, i);
        if (k === LETTER || k === MARK) {
          allDigits = false;
          i++;
        } else if (k === DIGIT) {
          i++;
        } else if (k === JOINER && i + 1 < n && isWordClass(codes[i + 1]! < 128 ? ASCII_CLASS[codes[i + 1]!]! : charClass(text, i + 1))) {
          allDigits = false;
          i++;
        } else if (allDigits && (d === 46 || d === 44) && i + 1 < n && codes[i + 1]! >= 48 && codes[i + 1]! <= 57) {
          h = hashStep(h, d);
          i++;
          h = hashStep(h, codes[i]!);
          i++;
          continue;
        } else break;
        h = hashStep(h, d);
      }
      // the norm (the fold of the word) comes from the form table: computed once per distinct written form
      id = formId(text, start, i, h, false, codes);
      s.kinds[t] = allDigits ? KIND_NUMBER : KIND_WORD;
      s.caps[t] = !allDigits && isUpperCode(c, text, start) ? 1 : 0;
    } else {
      let h = hashStep(FORM_HASH_SEED, c);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        h = hashStep(h, codes[i + 1]!);
        i += 2;
      } else i++;
      id = formId(text, start, i, h, true, codes);
      s.kinds[t] = KIND_PUNCT;
      s.caps[t] = 0;
    }
    s.ids[t] = id;
    s.starts[t] = start;
    s.ends[t] = i;
    t++;
  }
  s.length = t;
  if (!fresh) shared = s;
  return s;
}

/** A stream over already-built tokens (for callers that hold `Token[]`). */
export function streamOf(tokens: readonly Token[]): TokenStream {
  const s = emptyStream(Math.max(1, tokens.length));
  tokens.forEach((tok, k) => {
    s.starts[k] = tok.start;
    s.ends[k] = tok.end;
    s.kinds[k] = tok.kind === 'word' ? KIND_WORD : tok.kind === 'number' ? KIND_NUMBER : KIND_PUNCT;
    s.caps[k] = tok.kind === 'word' && isUpperStart(tok.text, 0) ? 1 : 0;
    s.ids[k] = normId(tok.norm);
  });
  s.length = tokens.length;
  return s;
}

/** The norm (folded form) of token `k`. */
export function normAt(s: TokenStream, k: number): string {
  return normOf(s.ids[k]!);
}

/** Kind name of token `k`. */
export function kindName(s: TokenStream, k: number): TokenKind {
  return KIND_NAMES[s.kinds[k]!]!;
}
