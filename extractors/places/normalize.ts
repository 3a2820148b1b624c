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
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\./g, '').replace(/’/g, "'").replace(/-/g, ' ');
}

export function isUpperInitial(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function wordTokens(text: string): WordToken[] {
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
