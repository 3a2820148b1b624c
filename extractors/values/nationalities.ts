import type { Entity } from '../../core/index.js';
import { DEMONYMS } from './demonyms.js';
import { fold } from './numbers.js';

const WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)?/gu;
const TWO_WORD = new Set(['south', 'costa', 'puerto']);

/** Nationality words ("venezolanas", "haitianos", "Bolivian"); value = ISO country code. */
export function extractNationalities(text: string): Entity[] {
  const out: Entity[] = [];
  WORD.lastIndex = 0;
  let prev: RegExpExecArray | null = null;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = fold(m[0]);
    let start = m.index;
    let cc = DEMONYMS.get(w);
    if (prev && TWO_WORD.has(fold(prev[0])) && text.slice(prev.index + prev[0].length, m.index) === ' ') {
      const two = DEMONYMS.get(`${fold(prev[0])} ${w}`);
      if (two) {
        cc = two;
        start = prev.index;
      }
    }
    prev = m;
    if (!cc) continue;
    // English demonyms are capitalised; a lower-case "american"/"indian" in es/pt is the word itself.
    if (/^[a-z]/.test(m[0]) && /(?:an|ans|ese|ish|i|is)$/.test(w) && !/[oa]s?$/.test(w)) continue;
    const end = m.index + m[0].length;
    if (out.length > 0 && out[out.length - 1]!.end > start) out.pop();
    out.push({ type: 'nationality', start, end, text: text.slice(start, end), value: cc, confidence: 0.8 });
  }
  return out;
}
