import type { Entity } from '../core/index.js';

export interface MaskOptions {
  /** Placeholder text; default "[víctima]" (es/pt) or "[victim]" (en). */
  placeholder?: string;
  lang?: string;
  /** Extra names to mask wherever they occur (e.g. the subject of a missing-person notice). */
  names?: readonly string[];
}

/**
 * Replaces the spans of victims' names (person entities with role `victim`, plus `names`) with a placeholder and
 * re-offsets every remaining entity to the new text. Entities inside a masked span become the placeholder.
 */
export function maskVictimNames(text: string, entities: readonly Entity[], opts: MaskOptions = {}): { text: string; entities: Entity[] } {
  const placeholder = opts.placeholder ?? (opts.lang === 'en' ? '[victim]' : '[víctima]');
  const spans: Array<{ start: number; end: number }> = [];
  for (const e of entities) if (e.type === 'person' && e.role === 'victim') spans.push({ start: e.start, end: e.end });
  for (const name of opts.names ?? []) {
    const n = name.trim();
    if (n.length < 2) continue;
    const re = new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'giu');
    for (const m of text.matchAll(re)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  if (merged.length === 0) return { text, entities: entities.map((e) => ({ ...e })) };
  // Build the new text and a map from old offsets to new ones.
  let out = '';
  let pos = 0;
  const shifts: Array<{ oldStart: number; oldEnd: number; newStart: number }> = [];
  for (const s of merged) {
    out += text.slice(pos, s.start);
    shifts.push({ oldStart: s.start, oldEnd: s.end, newStart: out.length });
    out += placeholder;
    pos = s.end;
  }
  out += text.slice(pos);
  const map = (off: number, isEnd: boolean): number => {
    let delta = 0;
    for (const sh of shifts) {
      if (off <= sh.oldStart) break;
      if (off < sh.oldEnd || (isEnd && off === sh.oldEnd)) return isEnd ? sh.newStart + placeholder.length : sh.newStart;
      delta = sh.newStart + placeholder.length - sh.oldEnd;
    }
    return off + delta;
  };
  const result: Entity[] = [];
  for (const e of entities) {
    const start = map(e.start, false);
    const end = map(e.end, true);
    result.push({ ...e, start, end, text: out.slice(start, end) });
  }
  return { text: out, entities: result };
}
