import type { Lead, SourceState } from '../core/index.js';
import type { LeadFilter, ListOptions } from './lead-store.js';
import { searchKey } from './merge.js';

/** The date a lead is filtered and sorted by: publication date, else when it was fetched. */
export function eventDateOf(lead: Pick<Lead, 'publishedAt' | 'fetchedAt'>): string {
  return lead.publishedAt ?? lead.fetchedAt;
}

export function emptySourceState(sourceId: string, url: string): SourceState {
  return {
    sourceId,
    url,
    etag: null,
    lastModified: null,
    lastSuccessAt: null,
    lastErrorAt: null,
    lastError: null,
    consecutiveFailures: 0,
    lastItemsFound: null,
    polls: 0,
    missingDate: 0,
    missingText: 0,
  };
}

function inList(col: string, name: string, values: string | string[], params: Record<string, unknown>): string {
  const list = Array.isArray(values) ? values : [values];
  const keys = list.map((v, i) => {
    params[`${name}${i}`] = v;
    return `@${name}${i}`;
  });
  return `${col} IN (${keys.join(', ') || 'NULL'})`;
}

/** Parameterised WHERE clause for a LeadFilter (never string-concatenates values). */
export function filterToSql(f: LeadFilter): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.status !== undefined) parts.push(inList('status', 'status', f.status, params));
  if (f.label !== undefined) parts.push(inList('label', 'label', f.label, params));
  if (f.kind !== undefined) {
    parts.push('kind = @kind');
    params.kind = f.kind;
  }
  if (f.minScore !== undefined) {
    parts.push('score >= @minScore');
    params.minScore = f.minScore;
  }
  if (f.country !== undefined) {
    parts.push('(event_country = @country OR EXISTS (SELECT 1 FROM json_each(leads.countries) WHERE value = @country))');
    params.country = f.country.toUpperCase();
  }
  if (f.type !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM json_each(leads.types) WHERE value = @type)');
    params.type = f.type;
  }
  if (f.language !== undefined) {
    parts.push('language = @language');
    params.language = f.language;
  }
  if (f.sourceId !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM json_each(leads.source_ids) WHERE value = @sourceId)');
    params.sourceId = f.sourceId;
  }
  if (f.from !== undefined) {
    parts.push('event_date >= @from');
    params.from = f.from;
  }
  if (f.to !== undefined) {
    parts.push('event_date <= @to');
    // a bare date includes the whole day
    params.to = /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? `${f.to}T23:59:59.999Z` : f.to;
  }
  if (f.text !== undefined && f.text !== '') {
    parts.push('instr(search, @text) > 0');
    params.text = searchKey(f.text);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function orderBy(sort: ListOptions['sort']): string {
  switch (sort) {
    case 'date':
      return 'event_date DESC, id';
    case 'updated':
      return 'updated_at DESC, id';
    default:
      return 'score DESC, updated_at DESC, id';
  }
}
