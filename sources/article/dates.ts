/**
 * Publication dates: machine formats (ISO 8601, RFC 2822, compact) and written dates in Spanish,
 * Portuguese and English ("12 de marzo de 2024", "12 de março de 2024", "March 12, 2024", "12/03/2024").
 * Output is ISO 8601: the date with the page's own time and offset when it gave them (so the calendar day
 * stays the publisher's), else `YYYY-MM-DD`.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['enero', 'ene', 'janeiro', 'jan', 'january']],
  [2, ['febrero', 'feb', 'fevereiro', 'fev', 'february']],
  [3, ['marzo', 'mar', 'março', 'marco', 'march']],
  [4, ['abril', 'abr', 'april', 'apr']],
  [5, ['mayo', 'may', 'maio', 'mai']],
  [6, ['junio', 'jun', 'junho', 'june']],
  [7, ['julio', 'jul', 'julho', 'july']],
  [8, ['agosto', 'ago', 'august', 'aug']],
  [9, ['septiembre', 'setiembre', 'sep', 'sept', 'set', 'setembro', 'september']],
  [10, ['octubre', 'oct', 'outubro', 'out', 'october']],
  [11, ['noviembre', 'nov', 'novembro', 'november']],
  [12, ['diciembre', 'dic', 'dezembro', 'dez', 'december', 'dec']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const pad = (n: number): string => String(n).padStart(2, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function ymd(y: number, m: number, d: number): string | null {
  return validYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

// The zone: Z, an offset, or the word UTC/GMT that some CMSs append ("2022-05-04T03:00:00 UTC").
const TIME_PART = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?`;
/** ISO 8601 with hyphens (one-digit month/day tolerated: "2022-05-6T12:00:00Z") or the compact form. */
const ISO_RE = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])${TIME_PART}`, 'i');
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Parses a machine-readable date (ISO 8601 variants, RFC 2822, epoch seconds/ms). */
export function parseMachineDate(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  const iso = ISO_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, se, tz] = iso;
    const day = ymd(Number(y), Number(mo), Number(d));
    if (!day) return null;
    if (h === undefined || mi === undefined) return day;
    if (Number(h) > 23 || Number(mi) > 59) return day;
    let zone = '';
    if (tz) {
      if (/^(?:z|utc|gmt)$/i.test(tz)) zone = 'Z';
      else {
        const digits = tz.replace(':', '');
        zone = `${digits.slice(0, 3)}:${digits.length > 3 ? digits.slice(3, 5) : '00'}`;
      }
    }
    return `${day}T${pad(Number(h))}:${mi}:${se ?? '00'}${zone}`;
  }
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 10 ? Number(s) * 1000 : Number(s);
    const t = new Date(ms);
    return validYmd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) ? t.toISOString() : null;
  }
  // RFC 2822 and similar: "Tue, 12 Mar 2024 10:00:00 -0300"; keep the publisher's calendar day.
  const rfc = /(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|Z)?)?/.exec(s);
  if (rfc) {
    const m = MONTHS[rfc[2]!.toLowerCase()];
    const day = m ? ymd(Number(rfc[3]), m, Number(rfc[1])) : null;
    if (day) {
      if (rfc[4] === undefined) return day;
      const tz = rfc[7];
      const zone = !tz || /gmt|utc|z/i.test(tz) ? (tz ? 'Z' : '') : `${tz.slice(0, 3)}:${tz.slice(3)}`;
      return `${day}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? '00'}${zone}`;
    }
  }
  return parseTextDate(s);
}

const TEXT_PATTERNS: Array<{ re: RegExp; order: 'dmy' | 'mdy' | 'ymd' }> = [
  // 12 de marzo de 2024 / 12 de março de 2024 / 12 marzo 2024 / 12 Mar. 2024 / 12th March 2024
  { re: new RegExp(`\\b(\\d{1,2})(?:º|°|st|nd|rd|th)?\\.?\\s*(?:de\\s+)?(${MONTH_RE})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})\\b`, 'iu'), order: 'dmy' },
  // March 12, 2024 / Mar. 12 2024
  { re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'iu'), order: 'mdy' },
  // November 20 15:23 2019 / Nov 20, 3:23 pm, 2019 (a time between day and year)
  { re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2}),?\\s+\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?,?\\s+(\\d{4})\\b`, 'iu'), order: 'mdy' },
  // 2024-03-12 / 2024/03/12 / 2024.03.12
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/u, order: 'ymd' },
  // 12/03/2024 / 12-03-2024 / 12.03.2024 (day first, as in Latin America)
  { re: /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/u, order: 'dmy' },
];

/** The date a TEXT_PATTERNS match reads as (day first for numeric dates; month first only when day-first is impossible). */
function matchedDate(order: 'dmy' | 'mdy' | 'ymd', m: RegExpExecArray): string | null {
  const a = m[1]!;
  const b = m[2]!;
  const c = m[3]!;
  if (order === 'ymd') return ymd(Number(a), Number(b), Number(c));
  if (order === 'mdy') return ymd(Number(c), MONTHS[a.toLowerCase()] ?? 0, Number(b));
  const month = /^\d+$/.test(b) ? Number(b) : (MONTHS[b.toLowerCase()] ?? 0);
  const value = ymd(Number(c), month, Number(a));
  // US-style numeric dates (month first) only when day-first is impossible.
  if (!value && /^\d+$/.test(b)) return ymd(Number(c), Number(a), Number(b));
  return value;
}

/** Finds the first written date in a short text (es/pt/en month names, numeric day-first dates). */
export function parseTextDate(text: string): string | null {
  let best: { at: number; value: string } | null = null;
  for (const { re, order } of TEXT_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = matchedDate(order, m);
    if (value && (best === null || m.index < best.at)) best = { at: m.index, value };
  }
  return best?.value ?? null;
}

/** Date in a URL path: /2024/03/12/, /20240312/, /2024-03-12, /2024/5/3/ (year, month, day). */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m =
    /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)/.exec(path) ??
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path);
  if (!m) return null;
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Standard UTC offsets (hours) of countries whose news sites use their ccTLD; the capital's zone. */
const TLD_OFFSET: Record<string, number> = {
  ar: -3, bo: -4, br: -3, cl: -4, co: -5, cr: -6, cu: -5, do: -4, ec: -5, gt: -6, hn: -6, mx: -6, ni: -6, pa: -5,
  pe: -5, py: -4, sv: -6, uy: -3, ve: -4, pr: -4, jm: -5, ht: -5, bb: -4, tt: -4, vc: -4, ky: -5, aw: -4, bz: -6,
  gy: -4, sr: -3, lc: -4, gd: -4, ag: -4, dm: -4, kn: -4, bs: -5, vi: -4, pt: 0, es: 1,
};

/**
 * A UTC timestamp re-expressed in the local time of the site's country (same instant), so the calendar
 * day is the publisher's. Other values are returned unchanged.
 */
export function localizeUtc(iso: string, url: string | undefined, localeRegion?: string | null): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|\+00:00)$/.exec(iso);
  if (!m) return iso;
  return shiftUtc(iso, siteOffset(url, localeRegion) * 60);
}

/** A UTC timestamp re-expressed at a fixed offset (minutes east of UTC), same instant; others unchanged. */
export function shiftUtc(iso: string, offsetMinutes: number): string {
  if (offsetMinutes === 0 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/.test(iso)) return iso;
  const t = new Date(`${iso.slice(0, 19)}Z`).getTime() + offsetMinutes * 60_000;
  const local = new Date(t).toISOString().slice(0, 19);
  const abs = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** UTC offset (hours) of the site's country: its ccTLD, else the page locale's region; 0 when unknown. */
export function siteOffset(url: string | undefined, localeRegion?: string | null): number {
  let tld: string | undefined;
  try {
    tld = url ? new URL(url).hostname.split('.').pop() : undefined;
  } catch {
    tld = undefined;
  }
  // The ccTLD first; else the page locale's region, except es-ES / pt-PT, which CMSs set by default.
  const region = localeRegion?.toLowerCase();
  return (tld ? TLD_OFFSET[tld] : undefined) ?? (region && region !== 'es' && region !== 'pt' ? TLD_OFFSET[region] : undefined) ?? 0;
}

/** Words that introduce a later revision, a print edition or a capture date, not the first publication. */
const NOT_PUBLISHED_LABEL =
  /(?<!\p{L})(?:actualiza|atualiza|updated?|modifica|last (?:edit|change)|editad[oa] (?:el|em|on)|revisad|edici[oó]n impresa|edi[cç][aã]o impressa|print edition|impres[oa] (?:el|em)|consultad|acess(?:ad)?o em|accessed|retrieved|cierre|fechamento)[^\d]{0,30}$/iu;
const PUBLISHED_LABEL = /(?<!\p{L})(?:publicad[oa]|publicaci[oó]n|publica[cç][aã]o|published|posted|creado|criado|em:|el:|on:)[^\d]{0,30}$/iu;

interface TextDate {
  at: number;
  end: number;
  value: string;
}

/** Every written date in `text`, in order of position (overlapping readings keep the earliest). */
export function findTextDates(text: string): TextDate[] {
  const found: TextDate[] = [];
  for (const { re, order } of TEXT_PATTERNS) {
    const g = new RegExp(re.source, `${re.flags}g`);
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const value = matchedDate(order, m);
      if (value) found.push({ at: m.index, end: m.index + m[0].length, value });
    }
  }
  found.sort((x, y) => x.at - y.at);
  return found.filter((d, i) => i === 0 || d.at >= found[i - 1]!.end);
}

/**
 * The publication date written in a short text such as a byline: a date introduced by "Publicado el",
 * "Publicado em", "Published" wins; dates introduced by "Actualizado", "Atualizado em", "Updated",
 * print-edition or access labels are skipped. Null when only such dates (or none) are present.
 */
export function parsePublishedText(text: string): string | null {
  const dates = findTextDates(text);
  let firstPlain: string | null = null;
  let prevEnd = 0;
  for (const d of dates) {
    const before = text.slice(Math.max(prevEnd, d.at - 60), d.at);
    prevEnd = d.end;
    if (PUBLISHED_LABEL.test(before)) return d.value;
    if (NOT_PUBLISHED_LABEL.test(before)) continue;
    firstPlain ??= d.value;
  }
  return firstPlain;
}

const UNIT_MS: Record<string, number> = {
  seg: 1000, sec: 1000, min: 60_000, hora: 3_600_000, hour: 3_600_000, hr: 3_600_000, h: 3_600_000,
  dia: 86_400_000, día: 86_400_000, day: 86_400_000,
};
const RELATIVE_RE =
  /\b(?:hace|h[áa]|faz)\s+(\d{1,3}|un[ao]?|uma?)\s+(seg|min|hora|h|d[íi]a)s?\w*|\b(\d{1,3}|an?|one)\s+(sec|min|hour|hr|h|day)s?\w*\s+ago\b/i;
const YESTERDAY_RE = /\b(?:ayer|ontem|yesterday)\b/i;
const TODAY_RE = /\b(?:hoy|hoje|today)\b/i;

/**
 * A relative date ("hace 2 horas", "há 3 dias", "5 hours ago", "ayer", "ontem") resolved against the
 * moment the page was fetched. Returns an instant in UTC for hours/minutes, a day otherwise; null without
 * a recognisable expression. `offsetHours` is the publisher's zone, so "ayer" is the publisher's yesterday.
 */
export function parseRelativeDate(text: string, reference: Date, offsetHours = 0): string | null {
  const ref = reference.getTime() + offsetHours * 3_600_000;
  if (Number.isNaN(ref)) return null;
  const m = RELATIVE_RE.exec(text);
  if (m) {
    const rawN = (m[1] ?? m[3] ?? '1').toLowerCase();
    const n = /^\d+$/.test(rawN) ? Number(rawN) : 1;
    const unit = (m[2] ?? m[4] ?? '').toLowerCase().replace('í', 'i');
    const ms = UNIT_MS[unit] ?? UNIT_MS[unit.replace('dia', 'día')] ?? null;
    if (ms === null || n > 400) return null;
    const t = new Date(ref - n * ms);
    if (ms >= 86_400_000) return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    // An instant: back to UTC; the caller localises it.
    return `${new Date(t.getTime() - offsetHours * 3_600_000).toISOString().slice(0, 19)}Z`;
  }
  if (YESTERDAY_RE.test(text) || TODAY_RE.test(text)) {
    const t = new Date(ref - (YESTERDAY_RE.test(text) ? 86_400_000 : 0));
    return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  return null;
}
