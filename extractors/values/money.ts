import type { Entity } from '../../core/index.js';
import { digitAnchors, matchesAt } from './anchored.js';
import { fold, parseNumeral, scaleOf } from './numbers.js';

/** Local currency of a country, for a bare "$" or "pesos" (Latin America first). */
const LOCAL: Record<string, string> = {
  CO: 'COP', MX: 'MXN', AR: 'ARS', CL: 'CLP', UY: 'UYU', DO: 'DOP', CU: 'CUP', PH: 'PHP', BR: 'BRL', PE: 'PEN', BO: 'BOB', PY: 'PYG',
  VE: 'VES', GT: 'GTQ', HN: 'HNL', NI: 'NIO', CR: 'CRC', PA: 'USD', EC: 'USD', SV: 'USD', US: 'USD', ES: 'EUR', PT: 'EUR',
};

const NUM = '(\\d[\\d.,]*)(?:\\s*(mil millones|millones|millón|millon|milhões|milhoes|milhão|milhao|bilhões|bilhão|billion|million|millions|mil|thousand|k)\\b)?';
const PREFIX = /(US\$|U\$S|USD|R\$|BRL|COP|MXN|ARS|CLP|PEN|EUR|€|£|S\/\.?|Bs\.?|Q|\$)\s?/;
const RE_PREFIX = new RegExp(`${PREFIX.source}${NUM}(?:\\s+(?:de\\s+)?(d[oó]lares|dollars|pesos(?:\\s+(?:colombianos|mexicanos|argentinos|chilenos|dominicanos))?|reais|euros|soles|bol[ií]vares|quetzales|lempiras|c[oó]rdobas|colones|guaran[ií]es))?`, 'giu');
const RE_SUFFIX = new RegExp(`\\b${NUM}\\s+(?:de\\s+)?(d[oó]lares|dollars|pesos(?:\\s+(?:colombianos|mexicanos|argentinos|chilenos|dominicanos))?|reais|euros|soles|bol[ií]vares|quetzales|lempiras|c[oó]rdobas|colones|guaran[ií]es)\\b`, 'giu');

// The same patterns, sticky, tried only where a match can start: RE_SUFFIX at a digit, RE_PREFIX one to four
// characters before one (a symbol of up to three characters, maybe a space).
const RE_PREFIX_AT = new RegExp(RE_PREFIX.source, 'iuy');
const RE_SUFFIX_AT = new RegExp(RE_SUFFIX.source, 'iuy');

function currency(symbol: string | undefined, word: string | undefined, lang: string, hint: string | undefined): string {
  const w = word ? fold(word) : '';
  if (/dolares|dollars/.test(w)) return 'USD';
  if (w.startsWith('pesos ')) return { colombianos: 'COP', mexicanos: 'MXN', argentinos: 'ARS', chilenos: 'CLP', dominicanos: 'DOP' }[w.slice(6)] ?? 'COP';
  const words: Record<string, string> = { reais: 'BRL', euros: 'EUR', soles: 'PEN', bolivares: 'VES', quetzales: 'GTQ', lempiras: 'HNL', cordobas: 'NIO', colones: 'CRC', guaranies: 'PYG' };
  if (words[w]) return words[w]!;
  const s = (symbol ?? '').toUpperCase().replace(/\s/g, '');
  const symbols: Record<string, string> = { 'US$': 'USD', 'U$S': 'USD', USD: 'USD', 'R$': 'BRL', BRL: 'BRL', COP: 'COP', MXN: 'MXN', ARS: 'ARS', CLP: 'CLP', PEN: 'PEN', EUR: 'EUR', '€': 'EUR', '£': 'GBP', 'S/': 'PEN', 'S/.': 'PEN', Q: 'GTQ' };
  if (symbols[s]) return symbols[s]!;
  if (s.startsWith('BS')) return hint === 'BO' ? 'BOB' : 'VES';
  // Bare "$" or "pesos": the source country's currency, else dollars in English and pesos in Spanish.
  const local = hint ? LOCAL[hint.toUpperCase()] : undefined;
  if (w === 'pesos') return local && local !== 'USD' && local !== 'BRL' ? local : 'COP';
  if (local) return local;
  return lang === 'en' || lang === 'pt' ? 'USD' : 'USD';
}

/** Amounts of money: value = amount as a number, ref = ISO 4217 currency. */
export function extractMoney(text: string, lang: string, countryHint?: string): Entity[] {
  const out: Entity[] = [];
  const decimalComma = lang !== 'en';
  // Both regexes over the whole text cost more than the rest of the extractor: try them only where a digit allows.
  // A match's number follows a symbol, a space or a word boundary, never a digit: only a run's first digit anchors it.
  for (const re of [RE_PREFIX_AT, RE_SUFFIX_AT]) {
    for (const m of matchesAt(re, text, re === RE_PREFIX_AT ? digitAnchors(text, 1, 4, true) : digitAnchors(text, 0, 0, true))) {
      const prefixed = re === RE_PREFIX_AT;
      const symbol = prefixed ? m[1] : undefined;
      const numeral = prefixed ? m[2]! : m[1]!;
      const scale = prefixed ? m[3] : m[2];
      const word = prefixed ? m[4] : m[3];
      if (symbol === 'Q' && !/^\d/.test(numeral)) continue;
      const n = parseNumeral(numeral.replace(/[.,]$/, ''), decimalComma);
      if (n === null) continue;
      const start = m.index;
      const end = m.index + m[0].replace(/[.,]$/, '').length;
      if (out.some((e) => e.start < end && start < e.end)) continue;
      out.push({ type: 'money', start, end, text: text.slice(start, end), value: n * scaleOf(scale ? fold(scale) : undefined), ref: currency(symbol, word, lang, countryHint), confidence: 0.85 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
