import type { Lead } from '../core/index.js';

/** A plain-text table for people (no colours, so it pipes and diffs cleanly). */
export function table(headers: string[], rows: string[][], maxWidths: number[] = []): string {
  const widths = headers.map((h, i) => Math.min(Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)), maxWidths[i] ?? 200));
  const cell = (s: string, i: number) => {
    const w = widths[i]!;
    const t = s.length > w ? s.slice(0, Math.max(1, w - 1)) + '…' : s;
    return t.padEnd(w);
  };
  const line = (r: string[]) => r.map(cell).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function counts(record: Record<string, number>, limit = 12): string {
  const entries = Object.entries(record).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return '-';
  const shown = entries.slice(0, limit).map(([k, v]) => `${k} ${v}`);
  if (entries.length > limit) shown.push(`… +${entries.length - limit} more`);
  return shown.join(', ');
}

export function leadRow(l: Lead): string[] {
  return [
    l.id,
    l.kind === 'notice' ? 'notice' : l.label,
    l.score.toFixed(2),
    l.status,
    l.language,
    l.eventCountry ?? l.countries.join(',') ?? '',
    l.types.join(',') || '-',
    (l.publishedAt ?? l.fetchedAt).slice(0, 10),
    (l.title ?? l.text.slice(0, 80)).replace(/\s+/g, ' '),
  ];
}

export const LEAD_HEADERS = ['ID', 'LABEL', 'SCORE', 'STATUS', 'LANG', 'COUNTRY', 'TYPES', 'DATE', 'TITLE'];

/** Marks the evidence spans of a text for a terminal: »…« around hits, with ANSI bold when colour is on. */
export function highlight(text: string, spans: Array<{ start: number; end: number }>, color: boolean): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out += text.slice(pos, s.start);
    const hit = text.slice(s.start, s.end);
    out += color ? `\x1b[1;33m${hit}\x1b[0m` : `»${hit}«`;
    pos = s.end;
  }
  return out + text.slice(pos);
}
