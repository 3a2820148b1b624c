import type { Entity, Extraction } from '../core/index.js';

/** Block character used to redact; same length as the original so every stored span stays valid. */
export const REDACTION_CHAR = '█';

function redactRange(chars: string[], start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) {
    const c = chars[i]!;
    if (!/\s/.test(c) && !/[\uD800-\uDFFF]/.test(c)) chars[i] = REDACTION_CHAR;
  }
}

/** Every case-insensitive occurrence of each name becomes blocks of the same length (offsets stay valid). */
export function blockOutNames(text: string, names: readonly string[]): string {
  const ranges = nameRanges(text, names);
  if (ranges.length === 0) return text;
  const units = text.split('');
  for (const r of ranges) redactRange(units, r.start, r.end);
  return units.join('');
}

function nameRanges(text: string, names: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const lower = text.toLowerCase();
  for (const name of names) {
    const n = name.trim().toLowerCase();
    if (n.length < 3) continue;
    for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, i + n.length)) out.push({ start: i, end: i + n.length });
  }
  return out;
}

/**
 * Redacts victims' names (person entities with role `victim`, plus any extra names such as a notice's subject)
 * in the text and in every span that quotes them. Redaction keeps the length, so indicator, place and evidence
 * offsets still point at the same words. Nothing else is changed.
 */
export function redactVictims(text: string, extraction: Extraction, extraNames: readonly string[] = []): { text: string; extraction: Extraction } {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const e of extraction.entities) if (e.type === 'person' && e.role === 'victim') ranges.push({ start: e.start, end: e.end });
  ranges.push(...nameRanges(text, extraNames));
  if (ranges.length === 0) return { text, extraction };
  // UTF-16 code units, the unit of every offset we store.
  const units = text.split('');
  for (const r of ranges) redactRange(units, r.start, r.end);
  const out = units.join('');
  const cut = (s: { start: number; end: number; text: string }) => out.slice(s.start, s.end) || s.text;
  const entities: Entity[] = extraction.entities.map((e) => ({ ...e, text: cut(e) }));
  return {
    text: out,
    extraction: {
      ...extraction,
      entities,
      indicators: extraction.indicators.map((i) => ({ ...i, text: cut(i) })),
      places: extraction.places.map((p) => ({ ...p, text: cut(p) })),
      relevance: {
        ...extraction.relevance,
        reasons: extraction.relevance.reasons.map((r) => (r.start !== undefined && r.end !== undefined ? { ...r, text: out.slice(r.start, r.end) } : r)),
      },
      victims: {
        ...extraction.victims,
        ...(extraction.victims.evidence ? { evidence: extraction.victims.evidence.map((e) => ({ ...e, text: cut(e) })) } : {}),
      },
    },
  };
}
