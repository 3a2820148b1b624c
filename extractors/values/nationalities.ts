import type { Entity } from '../../core/index.js';
import { wordTokens } from '../places/index.js';
import { WordSieve } from '../places/sieve.js';
import { DEMONYMS } from './demonyms.js';

/** First words of the demonyms written as two words ("South African", "Cape Verdean"); hyphenated ones are one token. */
const TWO_WORD = new Set(['south', 'north', 'costa', 'puerto', 'cape', 'sri', 'sierra', 'saint']);
const DEMONYM_SIEVE = new WordSieve(DEMONYMS.keys());
const TWO_WORD_SIEVE = new WordSieve(TWO_WORD);
const ENGLISH_FORM = /(?:an|ans|ese|ish|i|is)$/;

/** Nationality words ("venezolanas", "haitianos", "Bolivian"); value = ISO country code. */
export function extractNationalities(text: string): Entity[] {
  const out: Entity[] = [];
  const toks = wordTokens(text);
  for (let i = 0; i < toks.length; i += 1) {
    // Neither a demonym nor after "south", "costa", "puerto": not one.
    if (!DEMONYM_SIEVE.hasSlot(toks.slots[i]!) && !(i > 0 && TWO_WORD_SIEVE.hasSlot(toks.slots[i - 1]!))) continue;
    const norm = toks.norm(i);
    if (norm.length < 4) continue;
    let cc = DEMONYMS.get(norm);
    let start = toks.starts[i]!;
    if (i > 0 && TWO_WORD.has(toks.norm(i - 1)) && toks.ends[i - 1]! + 1 === start) {
      const two = DEMONYMS.get(`${toks.norm(i - 1)} ${norm}`);
      if (two) {
        cc = two;
        start = toks.starts[i - 1]!;
      }
    }
    if (!cc) continue;
    const t = toks.get(i)!;
    // English demonyms are capitalised; a lower-case "american"/"indian" in es/pt is the word itself.
    if (!t.upper && ENGLISH_FORM.test(t.norm) && !/[oa]s?$/.test(t.norm)) continue;
    out.push({ type: 'nationality', start, end: t.end, text: text.slice(start, t.end), value: cc, confidence: 0.8 });
  }
  return out;
}
