import type { Entity } from '../../core/index.js';
import { wordTokens } from '../places/index.js';
import { WordSieve } from '../places/sieve.js';
import { digitAnchors, matchesAt } from './anchored.js';
import { fold } from './numbers.js';

const MONTHS: Record<string, number> = {
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janeiro: 1, fevereiro: 2, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
  'segunda-feira': 1, 'terca-feira': 2, 'quarta-feira': 3, 'quinta-feira': 4, 'sexta-feira': 5, segunda: 1, terca: 2, quarta: 3, quinta: 4, sexta: 5,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
const MONTH_RE = '(enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const WEEKDAY_RE = '(lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const RE_DMY_WORDS = new RegExp(`\\b(\\d{1,2})(?:º|°)? de ${MONTH_RE}(?:,? (?:de(?:l)? )?(\\d{4}))?`, 'giu');
const RE_MDY_EN = new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'gu');
const RE_DMY_EN = new RegExp(`\\b(\\d{1,2}) ${MONTH_RE} (\\d{4})\\b`, 'gu');
// Sticky twins tried only where a match can start (see anchored.ts): at a digit, or for RE_MDY_EN at a month
// name four to twelve characters before one (three to ten letters, maybe a dot, a space, then the day).
const RE_DMY_WORDS_AT = new RegExp(RE_DMY_WORDS.source, 'iuy');
const RE_MDY_EN_AT = new RegExp(RE_MDY_EN.source, 'uy');
const RE_DMY_EN_AT = new RegExp(RE_DMY_EN.source, 'uy');
const RE_NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g;
const RE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** Folded word -> 'm' (month), 'w' (weekday) or a day offset (relative day words). */
const DATE_WORDS: ReadonlyMap<string, 'm' | 'w' | number> = new Map<string, 'm' | 'w' | number>([
  ...Object.keys(MONTHS).map((k) => [k, 'm'] as const),
  ...Object.keys(WEEKDAYS).map((k) => [k.replace('-', ' '), 'w'] as const),
  ...(['hoy', 'hoje', 'today'] as const).map((k) => [k, 0] as const),
  ...(['ayer', 'ontem', 'yesterday'] as const).map((k) => [k, -1] as const),
  ...(['anteayer', 'antier', 'anteontem'] as const).map((k) => [k, -2] as const),
]);
const DATE_SIEVE = new WordSieve(DATE_WORDS.keys());
const RE_WEEKDAY = new RegExp(`\\b(?:(el|la|na|no|this|last|on|este|esta|nesta|neste)\\s+)?(?:(pasado|pasada|[úu]ltimo|[úu]ltima|past)\\s+)?${WEEKDAY_RE}(?:\\s+(pasado|pasada|passado|passada|anterior))?`, 'giu');

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string | null => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/** The year to give a date written without one: the publication year, or the year before if that lands > 31 days ahead. */
function inferYear(m: number, d: number, ref: Date | null): number | null {
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const candidate = Date.UTC(y, m - 1, d);
  return candidate - ref.getTime() > 31 * 86_400_000 ? y - 1 : y;
}

function shift(ref: Date, days: number): string {
  const d = new Date(ref.getTime() + days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function push(out: Entity[], text: string, start: number, end: number, value: string | null, confidence: number): void {
  if (out.some((e) => e.start < end && start < e.end)) return;
  const e: Entity = { type: 'date', start, end, text: text.slice(start, end), confidence };
  if (value) e.value = value;
  out.push(e);
}

/** Absolute and relative dates; relative ones resolve against `publishedAt` (ISO) and carry no value without it. */
export function extractDates(text: string, lang: string, publishedAt?: string | null): Entity[] {
  const out: Entity[] = [];
  const refMs = publishedAt ? Date.parse(publishedAt) : NaN;
  const ref = Number.isFinite(refMs) ? new Date(refMs) : null;
  // Month and weekday regexes are costly over a whole page: run them only when such a word is there.
  let hasMonth = false;
  let hasWeekday = false;
  const relative: Array<{ start: number; end: number; days: number }> = [];
  const toks = wordTokens(text);
  for (let i = 0; i < toks.length; i += 1) {
    if (!DATE_SIEVE.hasSlot(toks.slots[i]!)) continue;
    const kind = DATE_WORDS.get(toks.norm(i));
    if (kind === undefined) continue;
    if (kind === 'm') hasMonth = true;
    else if (kind === 'w') hasWeekday = true;
    else relative.push({ start: toks.starts[i]!, end: toks.ends[i]!, days: kind });
  }
  for (const m of text.matchAll(RE_ISO)) push(out, text, m.index, m.index + m[0].length, iso(+m[1]!, +m[2]!, +m[3]!), 0.95);
  // Every date pattern here reads its number after a space or a word boundary, never after a digit (see digitAnchors).
  const atDigits = hasMonth ? digitAnchors(text, 0, 0, true) : [];
  for (const m of matchesAt(RE_DMY_WORDS_AT, text, atDigits)) {
    const mon = MONTHS[fold(m[2]!)] ?? 0;
    const d = +m[1]!;
    const y = m[3] ? +m[3] : inferYear(mon, d, ref);
    push(out, text, m.index, m.index + m[0].length, y ? iso(y, mon, d) : null, 0.9);
  }
  for (const re of hasMonth ? [RE_DMY_EN_AT, RE_MDY_EN_AT] : []) {
    for (const m of matchesAt(re, text, re === RE_DMY_EN_AT ? atDigits : digitAnchors(text, 4, 12, true))) {
      const dayFirst = re === RE_DMY_EN_AT;
      const mon = MONTHS[fold(dayFirst ? m[2]! : m[1]!)] ?? 0;
      const d = +(dayFirst ? m[1]! : m[2]!);
      const y = m[3] ? +m[3] : inferYear(mon, d, ref);
      push(out, text, m.index, m.index + m[0].length, y ? iso(y, mon, d) : null, 0.85);
    }
  }
  for (const m of text.matchAll(RE_NUMERIC)) {
    let a = +m[1]!;
    let b = +m[2]!;
    let y = +m[3]!;
    if (y < 100) y += 2000;
    if (lang === 'en' && a <= 12) [a, b] = [b, a];
    push(out, text, m.index, m.index + m[0].length, iso(y, b, a), 0.8);
  }
  if (!ref) return out.sort((x, y) => x.start - y.start);
  for (const r of relative) push(out, text, r.start, r.end, shift(ref, r.days), 0.8);
  for (const m of hasWeekday ? text.matchAll(RE_WEEKDAY) : []) {
    const wd = WEEKDAYS[fold(m[3]!)];
    if (wd === undefined) continue;
    const current = ref.getUTCDay();
    // "el martes", "na sexta-feira", "last Friday": the most recent such day before publication.
    let back = (current - wd + 7) % 7;
    if (back === 0) back = m[1] && /^(este|esta|this|nesta|neste)$/i.test(m[1]) ? 0 : 7;
    push(out, text, m.index, m.index + m[0].length, shift(ref, -back), 0.7);
  }
  return out.sort((x, y) => x.start - y.start);
}
