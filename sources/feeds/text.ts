import { load } from 'cheerio';

type XmlNode = unknown;

/** Text content of a parsed XML node: a string, or an element with `#text` (when it had attributes). */
export function textOf(node: XmlNode): string | null {
  if (node === undefined || node === null) return null;
  if (Array.isArray(node)) return textOf(node[0]);
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') {
    const s = String(node).trim();
    return s === '' ? null : s;
  }
  if (typeof node === 'object') return textOf((node as Record<string, unknown>)['#text']);
  return null;
}

export function attrOf(node: XmlNode, name: string): string | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const v = (node as Record<string, unknown>)[`@_${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function asArray<T = unknown>(v: unknown): T[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

const BASIC_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes numeric and the basic named entities; null when another named entity is present. */
function decodeBasicEntities(text: string): string | null {
  let unknown = false;
  const out = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    const v = BASIC_ENTITIES[name.toLowerCase()];
    if (v === undefined) unknown = true;
    return v ?? m;
  });
  return unknown ? null : out;
}

/**
 * Plain text from an HTML fragment (feed descriptions carry escaped HTML), whitespace collapsed.
 * Fast path: strip tags and decode basic entities; fragments with other named entities (`&aacute;`)
 * go through cheerio's full decoder.
 */
export function htmlToText(html: string | null): string | null {
  if (!html) return null;
  let text = html;
  if (/[<&]/.test(html)) {
    const stripped = html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?[a-z][^>]*>/gi, ' ');
    text = decodeBasicEntities(stripped) ?? load(`<div>${stripped}</div>`, null, false).root().text();
  }
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
}

/** Summaries are previews: keep them short. */
export function clip(text: string | null, max = 1000): string | null {
  if (!text || text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * ISO 8601 from the date formats feeds use: RFC 822 (`Sat, 28 Nov 2026 10:00:00 -0300`, also with
 * Spanish/Portuguese day names), ISO 8601 and W3C dates (`2026-11-28`). Null when unreadable.
 */
export function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  let v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) v += 'T00:00:00Z';
  let t = Date.parse(v);
  if (Number.isNaN(t)) t = Date.parse(v.replace(/^[^\d,]+,\s*/, '')); // drop a day name we do not know
  if (Number.isNaN(t)) t = Date.parse(translateMonths(v.replace(/^[^\d,]+,\s*/, '')));
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year < 1990 || year > 2200 ? null : new Date(t).toISOString();
}

const MONTHS: Record<string, string> = {
  ene: 'Jan', fev: 'Feb', feb: 'Feb', mar: 'Mar', abr: 'Apr', mai: 'May', may: 'May', jun: 'Jun', jul: 'Jul',
  ago: 'Aug', set: 'Sep', sep: 'Sep', out: 'Oct', oct: 'Oct', nov: 'Nov', dic: 'Dec', dez: 'Dec',
};
function translateMonths(v: string): string {
  return v.replace(/\b([A-Za-z]{3})[a-z]*\.?(?=\s+\d{4})/g, (m, abbr: string) => MONTHS[abbr.toLowerCase()] ?? m);
}

/** Absolute http(s) or file URL for a link, or null for empty, script, mail and unparseable links. */
export function resolveLink(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
