import type { Entity } from '../../core/index.js';
import { fold, wordsToNumber } from './numbers.js';

const NUM = '(\\d{1,2}|[a-zçéíóúâêô]+(?:[ -](?:y|e|and)?[ -]?[a-zçéíóúâêô]+)?)';
/** Years that are a sentence or a span of time, not an age. */
const NOT_AGE = /^\s*(?:de\s+(?:prisi[oó]n|c[aá]rcel|condena|reclusi[oó]n|pena|cadeia|pris[aã]o|servicio|trabajo|experiencia|carrera|matrimonio)|in prison|of prison|ago|atr[aá]s|antes|later|despu[eé]s|depois)/i;

const PATTERNS: RegExp[] = [
  new RegExp(`\\b(?:de|con|tiene|ten[ií]a|tienen|ten[ií]an|com|tem|tinha|t[eê]m|tinham|entre|menor de|menores de)\\s+${NUM}\\s+(?:años|anos)\\b`, 'giu'),
  new RegExp(`\\b${NUM}\\s+(?:años|anos)\\s+de\\s+(?:edad|idade)\\b`, 'giu'),
  new RegExp(`\\b${NUM}[- ]years?[- ]old\\b`, 'giu'),
  new RegExp(`\\b(?:aged|age|edad de|idade de)\\s+${NUM}\\b`, 'giu'),
  /\b(\d{1,2})\s+(?:y|a)\s+(\d{1,2})\s+años\b/giu,
  /\b(?:were|was)\s+(\d{1,2})\s+(?=at the time|years|when)/giu,
  /\baged\s+(\d{1,2})\s+(?:to|and)\s+(\d{1,2})\b/giu,
  /\b(\d{1,2})\s+(?:e|a)\s+(\d{1,2})\s+anos\b/giu,
  // "Ana Pérez, 19, was ..." (press style).
  /(?<=\p{Lu}[\p{L}'-]+, )(\d{1,2})(?=,)/gu,
];

function value(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  return wordsToNumber(fold(raw));
}

/** Ages of people ("de 15 años", "15-year-old", "com 16 anos", "aged 17"); value = years. */
export function extractAges(text: string): Entity[] {
  const out: Entity[] = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (NOT_AGE.test(text.slice(end, end + 25))) continue;
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
  return out.sort((a, b) => a.start - b.start);
}
