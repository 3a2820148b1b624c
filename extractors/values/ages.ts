import type { Entity } from '../../core/index.js';
import { DIGIT, PLAIN, wordTokens } from '../places/index.js';
import { WordSieve } from '../places/sieve.js';
import { digitRuns } from './anchored.js';
import { fold, wordsToNumber } from './numbers.js';

const NUM = '(\\d{1,2}|[a-zçéíóúâêô]+(?:[ -](?:y|e|and)?[ -]?[a-zçéíóúâêô]+)?)';
/** Years that are a sentence or a span of time, not an age. */
const NOT_AGE = /^\s*(?:de\s+(?:prisi[oó]n|c[aá]rcel|condena|reclusi[oó]n|reclus[aã]o|deten[cç][aã]o|pena|cadeia|pris[aã]o|servicio|trabajo|experiencia|carrera|matrimonio)|in prison|of prison|ago|atr[aá]s|antes|later|despu[eé]s|depois)/i;
/** Years a sentence gives, named before them ("recebeu pena de 5 anos", "a pena foi de seis anos"). */
const SENTENCE_BEFORE = /\b(?:penas?|condena|sentencia|condenad[oa]s?|sentenced|prisi[oó]n|pris[aã]o|reclus[aã]o|c[aá]rcel|cadeia)\b[^.;,]{0,12}$/iu;

/**
 * Each pattern with the lower-case strings one of which any match must contain: a window without them skips the
 * regex. Gates avoid "s" and "k", which /iu also matches as "ſ" and the Kelvin sign.
 */
const PATTERNS: ReadonlyArray<{ re: RegExp; gate: readonly string[] }> = [
  { re: new RegExp(`\\b(?:de|con|tiene|ten[ií]a|tienen|ten[ií]an|com|tem|tinha|t[eê]m|tinham|entre|menor de|menores de)\\s+${NUM}\\s+(?:años|anos)\\b`, 'giu'), gate: ['año', 'ano'] },
  { re: new RegExp(`\\b${NUM}\\s+(?:años|anos)\\s+de\\s+(?:edad|idade)\\b`, 'giu'), gate: ['edad', 'dade'] },
  { re: new RegExp(`\\b${NUM}[- ]years?[- ]old\\b`, 'giu'), gate: ['year'] },
  { re: new RegExp(`\\b(?:aged|age|edad de|idade de)\\s+${NUM}\\b`, 'giu'), gate: ['age', 'edad', 'idade'] },
  { re: /\b(\d{1,2})\s+(?:y|a)\s+(?:(?:las|los|otra de|otro de|la otra de|el otro de)\s+)?(\d{1,2})\s+años\b/giu, gate: ['año'] },
  { re: /\b(?:were|was)\s+(\d{1,2})\s+(?=at the time|years|when)/giu, gate: ['wer', 'wa'] },
  { re: /\baged\s+(\d{1,2})\s+(?:to|and)\s+(\d{1,2})\b/giu, gate: ['aged'] },
  // ("entre os 16 e os 19 anos", "uma de 17 e outra de 20 anos")
  { re: /\b(\d{1,2})\s+(?:e|a)\s+(?:(?:os|as|outra de|outro de|a outra de|o outro de)\s+)?(\d{1,2})\s+anos\b/giu, gate: ['ano'] },
];
/** Words that every age pattern above contains: windows around them are all we scan. */
const UNIT_WORDS = new Set(['anos', 'year', 'years', 'aged', 'age', 'edad', 'idade', 'were', 'was']);
const UNIT_SIEVE = new WordSieve(UNIT_WORDS);
/** /year/gi, spelled out: the same matches (no non-ASCII letter matches an ASCII one without the u flag), a faster scan. */
const YEAR = /[yY][eE][aA][rR]/g;
/** "Ana Pérez, 19, was ..." (press style): /, (\d{1,2}),/g, found from the text's digit runs (see pressAges). */
const PRESS_NAME = /\p{Lu}[\p{L}'-]+$/u;

function value(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  return wordsToNumber(fold(raw));
}

/** Ages of people ("de 15 años", "15-year-old", "com 16 anos", "aged 17"); value = years. */
export function extractAges(text: string): Entity[] {
  const out: Entity[] = [];
  let covered = -1;
  const toks = wordTokens(text);
  // A plain token's norm is its text in lower case: the plain tokens that hold "year" are where the text has it.
  // (token indices, ascending: read with a pointer as the pass goes, not a Set lookup per token)
  const years: number[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) years.push(toks.indexAt(m.index));
  let y = 0;
  for (let i = 0; i < toks.length; i += 1) {
    const unit = UNIT_SIEVE.hasSlot(toks.slots[i]!);
    if (!unit && (toks.shape[i]! & PLAIN) !== 0) {
      while (y < years.length && years[y]! < i) y += 1;
      if (!(y < years.length && years[y] === i)) continue;
    }
    const norm = toks.norm(i);
    if (!(unit && UNIT_WORDS.has(norm)) && !norm.includes('year')) continue;
    // "was"/"were" are common English words and anchor only "was 17 at the time": open a window at them only
    // when one or two digits follow.
    if ((norm === 'was' || norm === 'were') && !(i + 1 < toks.length && (toks.shape[i + 1]! & DIGIT) !== 0 && toks.ends[i + 1]! - toks.starts[i + 1]! <= 2)) continue;
    const u = { start: toks.starts[i]! };
    if (u.start < covered) continue;
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, u.start - 40)));
    const to = Math.min(text.length, u.start + 60);
    covered = to - 20;
    scan(text, from, text.slice(from, to), out);
  }
  // The matches of /, (\d{1,2}),/g: a run of one or two digits after ", " and before ",", not starting inside the
  // previous match (", 1, 2," holds one).
  const runs = digitRuns(text);
  let free = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    const index = start - 2;
    if (end - start > 2 || index < free || text.charCodeAt(start - 1) !== 32 || text.charCodeAt(index) !== 44 || text.charCodeAt(end) !== 44) continue;
    free = end + 1;
    if (!PRESS_NAME.test(text.slice(Math.max(0, index - 30), index))) continue;
    const digits = text.slice(start, end);
    const v = Number(digits);
    if (!out.some((e) => e.start <= start && start < e.end)) out.push({ type: 'age', start, end, text: digits, value: v, confidence: 0.7 });
  }
  return out.sort((a, b) => a.start - b.start);
}

function scan(text: string, offset: number, window: string, out: Entity[]): void {
  const lower = window.toLowerCase();
  for (const { re, gate } of PATTERNS) {
    let gated = false;
    for (const g of gate) if (lower.includes(g)) gated = true;
    if (!gated) continue;
    re.lastIndex = 0;
    for (const w of window.matchAll(re)) {
      const m = { index: w.index + offset, 0: w[0], 1: w[1], 2: w[2] };
      const end = m.index + m[0].length;
      if (NOT_AGE.test(text.slice(end, end + 25)) || SENTENCE_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (/hace\s*$|h[aá]\s*$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
      for (const g of [m[1], m[2]]) {
        if (!g) continue;
        const v = value(g);
        if (v === null || v < 0 || v > 110) continue;
        if (out.some((e) => e.start < end && m.index < e.end && e.value === v)) continue;
        out.push({ type: 'age', start: m.index, end, text: m[0], value: v, confidence: 0.8 });
      }
    }
  }
}
