/**
 * Masking of the person's name in notices: exports show initials ("D*** M***") unless the deployment
 * decides to keep names. Victims' identities stay out of stored text and logs by default.
 */
import type { NoticeFields } from '../../core/index.js';

const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'y', 'e']);

/** "Daniela Sofía Márquez Trejo" → "D*** S*** M*** T***" (connectors such as "de" are dropped). */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w !== '' && !CONNECTORS.has(w.toLowerCase()))
    .map((w) => `${[...w][0] ?? ''}***`)
    .join(' ');
}

/** A copy of the fields with the name masked. */
export function maskNoticeName(fields: NoticeFields): NoticeFields {
  return { ...fields, name: fields.name === null ? null : maskName(fields.name) };
}

/** Replaces the full name and each of its words (3+ letters) in a text with the masked forms. */
export function maskNameInText(text: string, name: string | null): string {
  if (!name) return text;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let out = text.replace(new RegExp(escape(name), 'giu'), maskName(name));
  for (const w of name.split(/\s+/)) {
    if (w.length < 3 || CONNECTORS.has(w.toLowerCase())) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}])${escape(w)}(?![\\p{L}])`, 'gu'), maskName(w));
  }
  return out;
}
