import type { Indicator, IndicatorGroup } from '../core/index.js';
import { html, type SafeHtml } from './html.js';
import { formatNumber } from './layout.js';
import { STRINGS } from './strings.js';

const GROUPS: ReadonlySet<IndicatorGroup> = new Set(['act', 'means', 'purpose', 'ilo', 'victim', 'event', 'offence', 'context']);

interface Range {
  start: number;
  end: number;
}

/**
 * Where a span's text really is in the stored text. Offsets can be stale (masking victims' names shifts the text),
 * so the recorded offsets are trusted only when the text there matches; otherwise the nearest occurrence of the
 * span's text is used. Text that does not occur in the stored text is never shown: it could be an unmasked name.
 */
export function locateSpan(text: string, span: { start: number; end: number; text?: string }): Range | null {
  const inRange = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length && span.start < span.end;
  if (span.text === undefined) return inRange ? { start: span.start, end: span.end } : null;
  if (span.text === '') return null;
  if (inRange && text.slice(span.start, span.end) === span.text) return { start: span.start, end: span.end };
  let best: number | null = null;
  for (let i = text.indexOf(span.text); i !== -1; i = text.indexOf(span.text, i + 1)) {
    if (best === null || Math.abs(i - span.start) < Math.abs(best - span.start)) best = i;
  }
  return best === null ? null : { start: best, end: best + span.text.length };
}

/** The sentence around `r` by punctuation and line breaks, for indicators without a usable sentence span. */
function sentenceAround(text: string, r: Range): Range {
  let start = r.start;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  while (start < r.start && /\s/.test(text[start]!)) start++;
  let end = r.end;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++;
  return { start, end };
}

interface Mark extends Range {
  members: Array<{ ind: Indicator; index: number }>;
}

export function groupClass(group: string): string {
  return GROUPS.has(group as IndicatorGroup) ? `g-${group}` : 'g-other';
}

export function indicatorTip(ind: Indicator): string {
  return `${ind.category} · ${STRINGS.lead.weight} ${formatNumber(ind.weight)}${ind.negated ? ` · ${STRINGS.lead.negated}` : ''}`;
}

function mergeRanges<T extends Range>(ranges: T[], combine: (a: T, b: T) => void): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      combine(last, r);
    } else out.push({ ...r });
  }
  return out;
}

function renderMark(text: string, m: Mark): SafeHtml {
  const counted = m.members.filter((x) => !x.ind.negated);
  const lead = [...(counted.length ? counted : m.members)].sort((a, b) => b.ind.weight - a.ind.weight)[0]!.ind;
  const negated = counted.length === 0;
  const tip = m.members.map((x) => indicatorTip(x.ind)).join('; ');
  const cls = `ind ${groupClass(lead.group)}${negated ? ' negated' : ''}`;
  return html`<mark class="${cls}" title="${tip}" data-category="${lead.category}">${text.slice(m.start, m.end)}</mark>`;
}

/**
 * The lead's text with one `<mark>` per indicator span (overlapping spans share one mark whose tooltip lists them
 * all), coloured by taxonomy group, and the sentences holding indicators wrapped in `.evidence-sentence`.
 * Returns which indicators were located, so the page can flag the others.
 */
export function renderEvidenceText(text: string, indicators: readonly Indicator[]): { body: SafeHtml; located: boolean[] } {
  const located = indicators.map(() => false);
  const raw: Mark[] = [];
  const sentences: Range[] = [];
  indicators.forEach((ind, index) => {
    const r = locateSpan(text, ind);
    if (!r) return;
    located[index] = true;
    raw.push({ ...r, members: [{ ind, index }] });
    let s: Range | null = null;
    if (ind.sentence) {
      const shift = r.start - ind.start;
      const cand = { start: ind.sentence.start + shift, end: ind.sentence.end + shift };
      if (cand.start >= 0 && cand.end <= text.length && cand.start <= r.start && cand.end >= r.end) s = cand;
    }
    sentences.push(s ?? sentenceAround(text, r));
  });
  const marks = mergeRanges(raw, (a, b) => a.members.push(...b.members));
  const blocks = mergeRanges(sentences, () => {});
  const parts: SafeHtml[] = [];
  let pos = 0;
  let mi = 0;
  for (const b of blocks) {
    parts.push(html`${text.slice(pos, b.start)}`);
    const inner: SafeHtml[] = [];
    let ip = b.start;
    while (mi < marks.length && marks[mi]!.start < b.end) {
      const m = marks[mi++]!;
      inner.push(html`${text.slice(ip, m.start)}`, renderMark(text, m));
      ip = m.end;
    }
    inner.push(html`${text.slice(ip, b.end)}`);
    parts.push(html`<span class="evidence-sentence">${inner}</span>`);
    pos = b.end;
  }
  parts.push(html`${text.slice(pos)}`);
  return { body: html`${parts}`, located };
}
