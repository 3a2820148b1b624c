/**
 * Tokenizer for NER: words (with inner apostrophes, hyphens, dots and ampersands, as in "EE.UU",
 * "d'Alba", "Sánchez-Vicario", "AT&T"), known abbreviations with their final dot, and single
 * punctuation marks. Offsets are UTF-16 code units into the input.
 */

export interface Tokens {
  /** Token strings. */
  words: string[];
  starts: number[];
  ends: number[];
  /**
   * Index of the first token of each line-level block, ascending, starting with 0 when there are tokens.
   * Blocks break at newlines only: a period does not always end a sentence, and the tagger marks tokens
   * after sentence-final punctuation itself.
   */
  sentenceStarts: number[];
}

const TOKEN_RE =
  /\p{N}+(?:[.,:/]\p{N}+)+|[\p{L}\p{M}\p{N}]+(?:[.'’&\-/][\p{L}\p{M}\p{N}]+)*\.?|\S/gu;

/** Lower-cased abbreviations that keep their final dot. */
const ABBREVIATIONS = new Set([
  'sr', 'sra', 'srta', 'dr', 'dra', 'lic', 'ing', 'gral', 'gen', 'cnel', 'cap', 'tte', 'sgto', 'prof', 'profa',
  'mr', 'mrs', 'ms', 'sen', 'rep', 'gov', 'lt', 'col', 'st', 'jr', 'inc', 'corp', 'co', 'ltd', 'ltda',
  'dep', 'pres', 'av', 'avda', 'sto', 'sta', 'cía', 'cia', 'mt', 'ft', 'nº', 'vol',
]);

/** True for tokens like "EE.UU." or "S.A." (letters separated by dots) and single capitals like "J.". */
function keepsDot(core: string): boolean {
  if (ABBREVIATIONS.has(core.toLowerCase())) return true;
  if (core.length === 1) return /\p{Lu}/u.test(core);
  return core.includes('.') && /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(core);
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sentenceStarts: number[] = [];
  let newSentence = true;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let w = m[0];
    const start = m.index;
    let trailingDot = false;
    if (w.length > 1 && w.endsWith('.') && !keepsDot(w.slice(0, -1))) {
      w = w.slice(0, -1);
      trailingDot = true;
    }
    if (!newSentence) {
      for (let k = lastEnd; k < start; k++) {
        if (text.charCodeAt(k) === 10) {
          newSentence = true;
          break;
        }
      }
    }
    if (newSentence) sentenceStarts.push(words.length);
    words.push(w);
    starts.push(start);
    ends.push(start + w.length);
    newSentence = false;
    if (trailingDot) {
      words.push('.');
      starts.push(start + w.length);
      ends.push(start + w.length + 1);
    }
    lastEnd = ends[ends.length - 1] ?? start;
  }
  return { words, starts, ends, sentenceStarts };
}
