import { leadIdFor, type Lead } from '../core/index.js';
import type { LeadInput, UpsertOutcome } from './lead-store.js';


/** Near-duplicate threshold on 64-bit SimHash: syndicated copies differ by a few bits, other stories by ~32. */
export const NEAR_DUP_MAX_DISTANCE = 3;
export const NEAR_DUP_WINDOW_DAYS = 30;

export function newLead(input: LeadInput, now: string): Lead {
  const { url, sourceId, ...rest } = input;
  return {
    ...rest,
    id: leadIdFor(input.canonicalUrl),
    urls: unique([input.canonicalUrl, url]),
    sourceIds: [sourceId],
    status: 'new',
    history: [],
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Fold a new sighting into an existing lead. Review state (status, history) is never touched, so a dismissed
 * story stays dismissed. The analysis is refreshed only for the lead's own URL (a re-fetch or a new lexicon);
 * a syndicated copy elsewhere only adds its URL and source.
 */
export function mergeInto(existing: Lead, input: LeadInput, now: string): { lead: Lead; outcome: UpsertOutcome } {
  const urls = unique([...existing.urls, input.canonicalUrl, input.url]);
  const sourceIds = unique([...existing.sourceIds, input.sourceId]);
  const sameStory = existing.urls.includes(input.canonicalUrl);
  const analysisChanged =
    sameStory && (existing.contentHash !== input.contentHash || existing.lexiconVersion !== input.lexiconVersion || existing.extractorVersion !== input.extractorVersion);
  const linksChanged = urls.length !== existing.urls.length || sourceIds.length !== existing.sourceIds.length;
  if (!analysisChanged && !linksChanged) return { lead: existing, outcome: 'unchanged' };
  const { url: _u, sourceId: _s, ...analysis } = input;
  const lead: Lead = {
    ...existing,
    ...(analysisChanged ? analysis : {}),
    id: existing.id,
    canonicalUrl: existing.canonicalUrl,
    urls,
    sourceIds,
    status: existing.status,
    history: existing.history,
    createdAt: existing.createdAt,
    updatedAt: now,
  };
  return { lead, outcome: 'updated' };
}

/** Four 16-bit bands of a 64-bit hex SimHash: two hashes within distance 3 share at least one band. */
export function simhashBands(hex: string | null): [string, string, string, string] | null {
  if (!hex || !/^[0-9a-f]{16}$/i.test(hex)) return null;
  const h = hex.toLowerCase();
  return [`0${h.slice(0, 4)}`, `1${h.slice(4, 8)}`, `2${h.slice(8, 12)}`, `3${h.slice(12, 16)}`];
}

export function hamming64(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

/** Case- and accent-folded text used for the `text` filter, so "escravidao" finds "Escravidão" in every adapter. */
export function searchKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function leadSearchText(lead: { title: string | null; text: string }): string {
  return searchKey(`${lead.title ?? ''}\n${lead.text}`);
}
