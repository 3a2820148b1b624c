import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import {
  EXPLOITATION_TYPES,
  InputError,
  LEAD_STATUSES,
  RELEVANCE_LABELS,
  type ExploitationType,
  type Lead,
  type LeadStatus,
  type RelevanceLabel,
} from '../../core/index.js';
import { maskNameInText, maskNoticeName } from '../../sources/index.js';
import { openStore, type LeadFilter, type LeadStore } from '../../store/index.js';
import { configFrom, type GlobalOptions } from '../context.js';
import { LEAD_HEADERS, highlight, leadRow, table } from '../format.js';

export interface FilterFlags {
  status?: string;
  label?: string;
  minScore?: string;
  country?: string;
  type?: string;
  lang?: string;
  from?: string;
  to?: string;
  text?: string;
  kind?: string;
  source?: string;
  all?: boolean;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const v of list) {
    if (!(allowed as readonly string[]).includes(v)) throw new InputError('flag_invalid', `--${flag}: "${v}" is not one of ${allowed.join(', ')}`);
  }
  return list as T[];
}

function isoDate(flag: string, v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v))) throw new InputError('flag_invalid', `--${flag}: "${v}" is not a date (YYYY-MM-DD)`);
  return v;
}

/** Command-line filter flags → a validated LeadFilter. Dismissed leads are hidden unless asked for. */
export function toFilter(f: FilterFlags): LeadFilter {
  const filter: LeadFilter = {};
  if (f.status) filter.status = oneOf('status', f.status, LEAD_STATUSES);
  else if (!f.all) filter.status = ['new', 'needs_info', 'confirmed'];
  if (f.label) filter.label = oneOf<RelevanceLabel>('label', f.label, RELEVANCE_LABELS);
  if (f.minScore !== undefined) {
    const n = Number(f.minScore);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new InputError('flag_invalid', `--min-score: "${f.minScore}" must be a number from 0 to 1`);
    filter.minScore = n;
  }
  if (f.country) {
    if (!/^[a-z]{2}$/i.test(f.country)) throw new InputError('flag_invalid', `--country: "${f.country}" is not an ISO 3166 alpha-2 code`);
    filter.country = f.country.toUpperCase();
  }
  if (f.type) filter.type = oneOf<ExploitationType>('type', f.type, EXPLOITATION_TYPES)[0]!;
  if (f.lang) filter.language = f.lang;
  if (f.from) filter.from = isoDate('from', f.from);
  if (f.to) filter.to = isoDate('to', f.to);
  if (f.text) filter.text = f.text;
  if (f.kind) filter.kind = oneOf('kind', f.kind, ['article', 'notice'] as const)[0]!;
  if (f.source) filter.sourceId = f.source;
  return filter;
}

async function withStore<T>(opts: GlobalOptions, fn: (store: LeadStore) => Promise<T>): Promise<T> {
  const store = await openStore(configFrom(opts));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function pageInt(flag: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InputError('flag_invalid', `--${flag}: "${v}" must be a whole number`);
  return n;
}

export async function leadsList(opts: GlobalOptions & FilterFlags & { limit?: string; offset?: string; sort?: string; format?: string }): Promise<number> {
  const filter = toFilter(opts);
  const sort = opts.sort ? oneOf('sort', opts.sort, ['score', 'date', 'updated'] as const)[0]! : 'score';
  const format = opts.format ? oneOf('format', opts.format, ['table', 'jsonl'] as const)[0]! : 'table';
  return withStore(opts, async (store) => {
    const { total, items } = await store.listLeads(filter, { limit: pageInt('limit', opts.limit, 50), offset: pageInt('offset', opts.offset, 0), sort });
    if (format === 'jsonl') {
      for (const l of items) process.stdout.write(JSON.stringify(exportable(l, true)) + '\n');
      return 0;
    }
    process.stdout.write(table(LEAD_HEADERS, items.map(leadRow), [24, 9, 5, 10, 4, 8, 28, 10, 70]) + '\n');
    process.stdout.write(`${items.length} of ${total} leads shown\n`);
    return 0;
  });
}

export async function leadsShow(id: string, opts: GlobalOptions & { json?: boolean }): Promise<number> {
  return withStore(opts, async (store) => {
    const lead = await store.getLead(id);
    if (!lead) throw new InputError('lead_not_found', `leads show: no lead with id "${id}"`);
    if (opts.json) {
      process.stdout.write(JSON.stringify(exportable(lead, true), null, 2) + '\n');
      return 0;
    }
    process.stdout.write(renderLead(lead, process.stdout.isTTY === true) + '\n');
    return 0;
  });
}

export function renderLead(l: Lead, color: boolean): string {
  const live = l.indicators.filter((i) => !i.negated);
  const sentences = new Map<string, { start: number; end: number }>();
  for (const i of live) if (i.sentence) sentences.set(`${i.sentence.start}`, i.sentence);
  const lines = [
    `${l.title ?? '(no title)'}`,
    `id ${l.id} · ${l.kind} · ${l.label} ${l.score.toFixed(2)} · status ${l.status} · ${l.language} · ${(l.publishedAt ?? l.fetchedAt).slice(0, 10)}`,
    `types: ${l.types.join(', ') || '-'} · countries: ${l.countries.join(', ') || '-'} · event country: ${l.eventCountry ?? '-'}`,
    `victims: count ${l.victims.count ?? '?'}, minors ${l.victims.minors ?? '?'}, nationalities ${l.victims.nationalities.join(', ') || '-'}`,
    `sources: ${l.urls.join(' , ')}`,
    '',
    'Why this is a lead:',
  ];
  for (const s of [...sentences.values()].sort((a, b) => a.start - b.start)) {
    const hits = live.filter((i) => i.sentence?.start === s.start).map((i) => ({ start: i.start - s.start, end: i.end - s.start }));
    lines.push(`  • ${highlight(l.text.slice(s.start, s.end), hits, color).replace(/\s+/g, ' ')}`);
  }
  lines.push('', 'Reasons: ' + (l.reasons.map((r) => `${r.category} ${r.weight}`).join('; ') || '-'));
  if (l.notice) {
    const n = maskNoticeName(l.notice);
    lines.push(`Notice: ${n.alertType ?? 'alert'} · ${n.name ?? '?'} · age ${n.age ?? '?'} · ${n.sex ?? '?'} · last seen ${n.lastSeenDate ?? '?'} ${n.lastSeenPlace ?? ''} · ${n.authority ?? ''}`);
  }
  if (l.history.length) {
    lines.push('', 'History:');
    for (const h of l.history) lines.push(`  ${h.at} ${h.by}: ${h.from} → ${h.to}${h.note ? ` (${h.note})` : ''}`);
  }
  lines.push('', `lexicon ${l.lexiconVersion} · ${l.extractorVersion}`);
  return lines.join('\n');
}

/** What leaves the store: notice subjects' names are masked unless explicitly kept. */
export function exportable(l: Lead, maskNames: boolean): Lead {
  if (!maskNames || !l.notice?.name) return l;
  const name = l.notice.name;
  return {
    ...l,
    notice: maskNoticeName(l.notice),
    title: l.title ? maskNameInText(l.title, name) : l.title,
    text: maskNameInText(l.text, name),
    entities: l.entities.map((e) => ({ ...e, text: maskNameInText(e.text, name) })),
  };
}

export async function leadsSetStatus(id: string, status: string, opts: GlobalOptions & { note?: string; by?: string }): Promise<number> {
  const [to] = oneOf<LeadStatus>('status', status, LEAD_STATUSES);
  const by = opts.by ?? process.env.USER ?? safeUser();
  return withStore(opts, async (store) => {
    const lead = await store.getLead(id);
    if (!lead) throw new InputError('lead_not_found', `leads set-status: no lead with id "${id}"`);
    const updated = await store.setStatus(id, { status: to!, by, note: opts.note ?? null });
    process.stdout.write(`${id}: ${lead.status} → ${updated.status} by ${by}${opts.note ? ` (${opts.note})` : ''}\n`);
    return 0;
  });
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function leadsExport(opts: GlobalOptions & FilterFlags & { format?: string; out?: string; unmaskNotices?: boolean }): Promise<number> {
  const format = oneOf('format', opts.format ?? 'jsonl', ['csv', 'jsonl', 'geojson'] as const)[0]!;
  const filter = toFilter(opts);
  const out = opts.out ? createWriteStream(opts.out) : process.stdout;
  const write = (s: string) => new Promise<void>((res, rej) => out.write(s, (e) => (e ? rej(e) : res())));
  let n = 0;
  await withStore(opts, async (store) => {
    if (format === 'csv') await write(CSV_HEADERS.join(',') + '\n');
    if (format === 'geojson') await write('{"type":"FeatureCollection","features":[\n');
    let first = true;
    for await (const raw of store.iterateLeads(filter)) {
      const l = exportable(raw, !opts.unmaskNotices);
      n++;
      if (format === 'jsonl') await write(JSON.stringify(l) + '\n');
      else if (format === 'csv') await write(csvRow(l) + '\n');
      else {
        for (const f of geoFeatures(l)) {
          await write((first ? '' : ',\n') + JSON.stringify(f));
          first = false;
        }
      }
    }
    if (format === 'geojson') await write('\n]}\n');
  });
  if (opts.out) {
    await new Promise<void>((res) => (out as NodeJS.WritableStream).end(res));
    process.stderr.write(`exported ${n} leads to ${opts.out} (${format})\n`);
  }
  return 0;
}

const CSV_HEADERS = ['id', 'kind', 'label', 'score', 'status', 'language', 'event_country', 'countries', 'types', 'victims_count', 'minors', 'nationalities', 'published_at', 'title', 'url', 'lexicon_version'];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas (CSV injection) from web text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

function csvRow(l: Lead): string {
  return [
    l.id, l.kind, l.label, l.score.toFixed(3), l.status, l.language, l.eventCountry, l.countries.join(';'), l.types.join(';'),
    l.victims.count, l.victims.minors, l.victims.nationalities.join(';'), l.publishedAt, l.title, l.canonicalUrl, l.lexiconVersion,
  ].map(csvCell).join(',');
}

/** One point per resolved place with coordinates, carrying the lead's summary. */
function geoFeatures(l: Lead): object[] {
  const seen = new Set<string>();
  const out: object[] = [];
  for (const p of l.places) {
    if (p.lat === null || p.lon === null) continue;
    const key = `${p.lat},${p.lon}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        leadId: l.id, place: p.name, countryCode: p.countryCode, admin1: p.admin1, confidence: p.confidence,
        label: l.label, score: l.score, status: l.status, types: l.types, eventCountry: l.eventCountry,
        title: l.title, url: l.canonicalUrl, publishedAt: l.publishedAt,
      },
    });
  }
  return out;
}
