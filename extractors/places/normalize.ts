/** Word tokens for toponym matching: letters/digits with inner `.`, `'`, `’`, `-` (so "EE.UU", "St", "Saint-Denis"). */
export const WORD_RE = /[\p{L}\p{M}\p{N}]+(?:[.'’\-][\p{L}\p{M}\p{N}]+)*/gu;

export interface WordToken {
  start: number;
  end: number;
  text: string;
  /** Lower case, accents stripped, `.` removed, `-` as space, `’` as `'`. */
  norm: string;
  upper: boolean;
}

const MARKS = /[\u0300-\u036f]/g;

export function foldWord(s: string): string {
  // Fast path: plain ASCII letters and digits need only lower-casing (most tokens in es/pt/en text).
  let plain = true;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c > 122 || c === 45 || c === 46) {
      plain = false;
      break;
    }
  }
  if (plain) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\./g, '').replace(/’/g, "'").replace(/-/g, ' ');
}

export function isUpperInitial(s: string): boolean {
  const code = s.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

let lastText: string | null = null;
let lastTokens: WordToken[] = [];

/**
 * Word tokens of `text`, folded. The last result is kept, so the extractors that run one after another on
 * the same document (values, victims, places) tokenize it once. Callers must not mutate the array.
 */
export function wordTokens(text: string): readonly WordToken[] {
  if (text === lastText) return lastTokens;
  lastTokens = tokenize(text);
  lastText = text;
  return lastTokens;
}

function tokenize(text: string): WordToken[] {
  const out: WordToken[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    const t = m[0];
    out.push({ start: m.index, end: m.index + t.length, text: t, norm: foldWord(t), upper: isUpperInitial(t) });
  }
  return out;
}

/** Gazetteer key of a name: its folded word tokens joined by one space. */
export function nameKey(name: string): string {
  const parts: string[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(name); m; m = WORD_RE.exec(name)) parts.push(foldWord(m[0]));
  return parts.join(' ');
}
