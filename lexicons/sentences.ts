import { fold } from './fold.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations (folded, without the final period) after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  // es / pt titles and common abbreviations
  'sr', 'sra', 'srta', 'sres', 'dr', 'dra', 'drs', 'dras', 'lic', 'licda', 'ing', 'arq', 'prof', 'profa', 'gral', 'gen',
  'cnel', 'cel', 'tte', 'sgto', 'sgt', 'cap', 'cmdte', 'cmte', 'insp', 'subinsp', 'av', 'avda',
  'nro', 'num', 'nº', 'art', 'arts', 'inc', 'etc', 'pag', 'pags', 'pg', 'tel', 'cia', 'ltda', 'hs', 'hrs',
  'ee', 'uu', 'ss', 'jj', 'oo', 'ff', 'aa', 'pp', 'dpto', 'depto', 'prov', 'mun', 'km', 'kg', 'aprox', 'vs', 'sto', 'sta',
  'dña', 'dna', 'd', 'exmo', 'excmo', 'mons', 'fr', 'pres', 'vol', 'cf', 'cit',
  // en
  'mr', 'mrs', 'ms', 'st', 'jr', 'sr', 'mt', 'ft', 'lt', 'col', 'capt', 'gov', 'sen', 'rep', 'dept', 'corp', 'bros',
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'fig', 'u', 's',
  'e', 'g', 'i', 'a', 'm', 'p',
]);

/** Line breaks and sentence terminals: what splitSentences stops at (see isTerminal). */
const BOUNDARY = /[\n\u2028\u2029\u0085.!?\u2026]/g;

function isTerminal(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */;
}

function isCloser(c: number): boolean {
  // " ' ) ] » ” ’
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 0x201d || c === 0x2019;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b);
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The word (letters only) that ends right before position `i`, folded. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0) {
    const c = text.charCodeAt(j - 1);
    if (c === 32 || c === 46 || c === 10 || c < 48 || (c > 57 && c < 65) || (c > 90 && c < 97) || (c > 122 && c < 128)) break;
    j--;
  }
  return fold(text.slice(j, i));
}

/**
 * Splits text into sentences in one pass. A sentence ends at `.`, `!`, `?` or `…` (plus any closing quotes or
 * brackets) followed by space and a non-lower-case start, and at every line break. Periods after known
 * abbreviations (`Sr.`, `Dra.`, `EE.UU.`, `a.m.`), initials and inside numbers (`1.200`) do not end a sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const n = text.length;
  let start = -1;
  let lastContent = -1; // index just past the last non-space char of the current sentence
  const close = (): void => {
    if (start >= 0 && lastContent > start) out.push({ start, end: lastContent });
    start = -1;
    lastContent = -1;
  };
  let i = 0;
  while (i < n) {
    // Jump to the next line break or terminal with a regex scan (native, no allocation with test()); the
    // characters in between are only spaces and content, and only the first and last content ones matter.
    BOUNDARY.lastIndex = i;
    const q = BOUNDARY.test(text) ? BOUNDARY.lastIndex - 1 : n;
    if (q > i) {
      let a = i;
      while (a < q && isSpace(text.charCodeAt(a))) a++;
      if (a < q) {
        if (start < 0) start = a;
        let b = q;
        while (isSpace(text.charCodeAt(b - 1))) b--;
        lastContent = b;
      }
      i = q;
      if (i >= n) break;
    }
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || c === 0x85) {
      close();
      i++;
      continue;
    }
    if (start < 0) start = i;
    // a run of terminal punctuation and closers
    const runStart = i;
    let onlyPeriod = true;
    while (i < n && (isTerminal(text.charCodeAt(i)) || isCloser(text.charCodeAt(i)))) {
      const k = text.charCodeAt(i);
      if (k !== 46 && !isCloser(k)) onlyPeriod = false;
      i++;
    }
    lastContent = i;
    const periods = i - runStart;
    // what follows
    let j = i;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (j >= n) break;
    const next = text.charCodeAt(j);
    if (next === 10) continue; // the newline closes it
    if (j === i) continue; // no space after: "1.200", "EE.UU", "www.x.org"
    const nextCh = text[j]!;
    if (isLower(nextCh) || isDigit(next) || next === 44 || next === 59 || next === 58) continue;
    if (onlyPeriod && periods === 1 && text.charCodeAt(runStart) === 46) {
      const w = wordBefore(text, runStart);
      if (ABBREVIATIONS.has(w) || (w.length === 1 && runStart > 0)) continue;
    }
    close();
  }
  close();
  return out;
}
