import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** One lead as the comparison sees it: what the analysis decided, not when or by which process. */
export interface LeadRow {
  canonicalUrl: string;
  label: string;
  kind: string;
  types: string[];
  countries: string[];
  eventCountry: string | null;
  language: string;
  score: number;
  contentHash: string;
}

/** Every lead in a SQLite store, ordered by canonical URL (read-only; fine while workers still run, WAL). */
export function readLeads(dbPath: string): LeadRow[] {
  if (!existsSync(dbPath)) return [];
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare('SELECT canonical_url, label, kind, types, countries, event_country, language, score, content_hash FROM leads ORDER BY canonical_url')
      .all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      canonicalUrl: String(r.canonical_url),
      label: String(r.label),
      kind: String(r.kind),
      types: JSON.parse(String(r.types)) as string[],
      countries: JSON.parse(String(r.countries)) as string[],
      eventCountry: (r.event_country as string | null) ?? null,
      language: String(r.language),
      score: Number(r.score),
      contentHash: String(r.content_hash),
    }));
  } finally {
    db.close();
  }
}

/** Source ids recorded on each lead, by canonical URL. */
export function leadSources(dbPath: string): Record<string, string[]> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT canonical_url, source_ids FROM leads').all() as Array<{ canonical_url: string; source_ids: string }>;
    return Object.fromEntries(rows.map((r) => [r.canonical_url, JSON.parse(r.source_ids) as string[]]));
  } finally {
    db.close();
  }
}
