import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { NonRetryableError, RetryableError, type Lead, type SourceState } from '../core/index.js';
import type {
  LeadFilter,
  LeadInput,
  LeadStore,
  ListOptions,
  SeenDocument,
  UrlValidators,
  StatusChange,
  StoreStats,
  UpsertResult,
} from './lead-store.js';
import { NEAR_DUP_MAX_DISTANCE, NEAR_DUP_WINDOW_DAYS, hamming64, leadSearchText, mergeInto, newLead, simhashBands } from './merge.js';
import { migrate } from './sqlite-migrations.js';
import { emptySourceState, eventDateOf, filterToSql, orderBy } from './sqlite-query.js';

/** Prepared statements kept per store (see `stmt`). */
const STATEMENT_CACHE = 128;

interface LeadRow {
  id: string;
  /** The lead as JSON without its history, status and (since 2026-11-29) text, which have columns of their own. */
  body: string;
  status: string;
  text: string;
}

/** SQLite adapter: one file, WAL mode so readers never block the writer, versioned migrations. */
export class SqliteStore implements LeadStore {
  readonly kind = 'sqlite' as const;
  private db: Database | null = null;
  private readonly statements = new Map<string, Statement>();
  /** Writes waiting for their group commit (see `groupWrite`). */
  private pending: Array<{ write: () => unknown; resolve: (v: unknown) => void; reject: (err: unknown) => void }> = [];
  private flushScheduled = false;

  constructor(private readonly path: string) {}

  async init(): Promise<void> {
    if (this.db) return;
    try {
      if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
      const db = new BetterSqlite3(this.path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      migrate(db);
      this.db = db;
    } catch (err) {
      throw new NonRetryableError('store_open_failed', `store: cannot open SQLite file ${this.path}: ${(err as Error).message}`, { cause: err });
    }
  }

  async close(): Promise<void> {
    if (this.db && this.pending.length > 0) this.flushWrites();
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }

  /**
   * A prepared statement, compiled once per SQL text and store (better-sqlite3's advice: preparing parses and plans the
   * SQL each time; an analyze job runs about ten statements). Filters make new SQL texts, so the cache is emptied past
   * STATEMENT_CACHE entries rather than grown without end.
   */
  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      s = this.conn.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** The open database; writes still waiting for their group commit are committed first (see `groupWrite`). */
  private get conn(): Database {
    if (!this.db) throw new RetryableError('store_closed', 'store: SQLite store is not open (call init first)');
    if (this.pending.length > 0) this.flushWrites();
    return this.db;
  }

  /**
   * Group commit for the writes of the pipeline's hot path (upsertLead, markSeen). A commit writes every page the
   * transaction dirtied to the WAL, and was most of an upsert's cost; the analyze jobs of one extraction batch call
   * these together, so the calls made before the event loop's next check phase share one IMMEDIATE transaction. Each
   * runs in a savepoint of its own: one that throws is rolled back alone and rejects alone. A promise resolves only
   * once the shared transaction has committed; if the commit fails, all of them reject (their jobs retry, and upserts
   * are idempotent). Any other call on the store commits the waiting writes first, so it sees them: the store keeps
   * the order of the calls made on it.
   */
  private groupWrite<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          if (this.pending.length > 0) this.flushWrites();
        });
      }
    });
  }

  private flushWrites(): void {
    const group = this.pending;
    this.pending = [];
    const db = this.db;
    if (!db) {
      const err = new RetryableError('store_closed', 'store: SQLite store is not open (call init first)');
      for (const w of group) w.reject(err);
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      db.transaction(() => {
        for (const w of group) {
          try {
            outcomes.push({ ok: true, value: db.transaction(w.write)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (err) {
      for (const w of group) w.reject(err);
      return;
    }
    group.forEach((w, k) => {
      const o = outcomes[k]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }

  async upsertLead(input: LeadInput): Promise<UpsertResult> {
    return this.groupWrite((): UpsertResult => {
      const now = new Date().toISOString();
      const existing = this.findExisting(input);
      if (!existing) {
        const lead = newLead(input, now);
        this.writeLead(lead, true);
        return { id: lead.id, outcome: 'created', status: lead.status };
      }
      const { lead, outcome } = mergeInto(existing, input, now);
      if (outcome !== 'unchanged') this.writeLead(lead, false);
      return { id: lead.id, outcome, status: lead.status };
    });
  }

  private findExisting(input: LeadInput): Lead | null {
    const byUrl = this.stmt('SELECT l.id, l.body, l.status, l.text FROM lead_urls u JOIN leads l ON l.id = u.lead_id WHERE u.url IN (?, ?) LIMIT 1')
      .get(input.canonicalUrl, input.url) as LeadRow | undefined;
    if (byUrl) return this.hydrate(byUrl);
    const byHash = this.stmt('SELECT id, body, status, text FROM leads WHERE content_hash = ? LIMIT 1').get(input.contentHash) as LeadRow | undefined;
    if (byHash) return this.hydrate(byHash);
    const bands = simhashBands(input.simhash);
    if (!bands || !input.simhash) return null;
    const since = new Date(Date.now() - NEAR_DUP_WINDOW_DAYS * 86_400_000).toISOString();
    const candidates = this.stmt(
        `SELECT id, body, status, text, simhash FROM leads
         WHERE (sim_b0 = ? OR sim_b1 = ? OR sim_b2 = ? OR sim_b3 = ?) AND updated_at >= ? LIMIT 200`,
      )
      .all(...bands, since) as Array<LeadRow & { simhash: string }>;
    let best: (LeadRow & { d: number }) | null = null;
    for (const c of candidates) {
      const d = hamming64(c.simhash, input.simhash);
      if (d <= NEAR_DUP_MAX_DISTANCE && (!best || d < best.d)) best = { ...c, d };
    }
    return best ? this.hydrate(best) : null;
  }

  private writeLead(lead: Lead, insert: boolean): void {
    const bands = simhashBands(lead.simhash) ?? [null, null, null, null];
    // The text has its own column (and is most of a lead's bytes): not again inside the JSON body.
    const { history: _h, text: _t, ...body } = lead;
    const row = {
      id: lead.id,
      kind: lead.kind,
      canonical_url: lead.canonicalUrl,
      content_hash: lead.contentHash,
      simhash: lead.simhash,
      sim_b0: bands[0],
      sim_b1: bands[1],
      sim_b2: bands[2],
      sim_b3: bands[3],
      label: lead.label,
      score: lead.score,
      status: lead.status,
      language: lead.language,
      event_country: lead.eventCountry,
      countries: JSON.stringify(lead.countries),
      types: JSON.stringify(lead.types),
      source_ids: JSON.stringify(lead.sourceIds),
      event_date: eventDateOf(lead),
      title: lead.title,
      text: lead.text,
      search: leadSearchText(lead),
      body: JSON.stringify(body),
      created_at: lead.createdAt,
      updated_at: lead.updatedAt,
    };
    const cols = Object.keys(row);
    if (insert) {
      this.stmt(`INSERT INTO leads (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(row);
    } else {
      this.stmt(`UPDATE leads SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
    }
    const addUrl = this.stmt('INSERT OR IGNORE INTO lead_urls (url, lead_id) VALUES (?, ?)');
    for (const url of lead.urls) addUrl.run(url, lead.id);
  }

  private hydrate(row: LeadRow): Lead {
    // Rows written before 2026-11-29 also hold the text in the body; the column is the same text.
    const body = JSON.parse(row.body) as Omit<Lead, 'history' | 'text'>;
    const history = (
      this.stmt('SELECT at, by, from_status, to_status, note FROM lead_history WHERE lead_id = ? ORDER BY seq').all(row.id) as Array<{
        at: string;
        by: string;
        from_status: Lead['status'];
        to_status: Lead['status'];
        note: string | null;
      }>
    ).map((h) => ({ at: h.at, by: h.by, from: h.from_status, to: h.to_status, note: h.note }));
    return { ...body, text: row.text, status: row.status as Lead['status'], history };
  }

  async getLead(id: string): Promise<Lead | null> {
    const row = this.stmt('SELECT id, body, status, text FROM leads WHERE id = ?').get(id) as LeadRow | undefined;
    return row ? this.hydrate(row) : null;
  }

  async findLeadByUrl(canonicalUrl: string): Promise<Lead | null> {
    const row = this.stmt('SELECT l.id, l.body, l.status, l.text FROM lead_urls u JOIN leads l ON l.id = u.lead_id WHERE u.url = ?')
      .get(canonicalUrl) as LeadRow | undefined;
    return row ? this.hydrate(row) : null;
  }

  async listLeads(filter: LeadFilter = {}, options: ListOptions = {}): Promise<{ total: number; items: Lead[] }> {
    const { where, params } = filterToSql(filter);
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM leads ${where}`).get(params) as { n: number }).n;
    const limit = Math.max(0, Math.min(options.limit ?? 50, 10_000));
    const offset = Math.max(0, options.offset ?? 0);
    const rows = this.stmt(`SELECT id, body, status, text FROM leads ${where} ORDER BY ${orderBy(options.sort)} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as LeadRow[];
    return { total, items: rows.map((r) => this.hydrate(r)) };
  }

  async *iterateLeads(filter: LeadFilter = {}, batchSize = 200): AsyncIterable<Lead> {
    let offset = 0;
    for (;;) {
      const { items } = await this.listLeads(filter, { limit: batchSize, offset, sort: 'updated' });
      for (const l of items) yield l;
      if (items.length < batchSize) return;
      offset += batchSize;
    }
  }

  async setStatus(id: string, change: StatusChange): Promise<Lead> {
    const db = this.conn;
    const at = change.at ?? new Date().toISOString();
    db.transaction(() => {
      const row = this.stmt('SELECT status FROM leads WHERE id = ?').get(id) as { status: Lead['status'] } | undefined;
      if (!row) throw new NonRetryableError('lead_not_found', `store: no lead with id "${id}"`);
      const seq = (this.stmt('SELECT COUNT(*) AS n FROM lead_history WHERE lead_id = ?').get(id) as { n: number }).n;
      this.stmt('INSERT INTO lead_history (lead_id, seq, at, by, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        id,
        seq,
        at,
        change.by,
        row.status,
        change.status,
        change.note ?? null,
      );
      this.stmt('UPDATE leads SET status = ?, updated_at = ? WHERE id = ?').run(change.status, at, id);
    }).immediate();
    const lead = await this.getLead(id);
    return lead!;
  }

  async replaceAnalysis(id: string, analysis: Partial<Omit<LeadInput, 'url' | 'sourceId' | 'canonicalUrl'>>): Promise<void> {
    const db = this.conn;
    db.transaction(() => {
      const row = this.stmt('SELECT id, body, status, text FROM leads WHERE id = ?').get(id) as LeadRow | undefined;
      if (!row) throw new NonRetryableError('lead_not_found', `store: no lead with id "${id}"`);
      const lead = this.hydrate(row);
      this.writeLead({ ...lead, ...analysis, id, status: lead.status, history: lead.history, updatedAt: new Date().toISOString() }, false);
    }).immediate();
  }

  async markSeen(doc: SeenDocument): Promise<void> {
    return this.groupWrite(() => {
      this.stmt(
        `INSERT INTO seen_documents (canonical_url, content_hash, lead_id, seen_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(canonical_url) DO UPDATE SET content_hash = excluded.content_hash, lead_id = excluded.lead_id, seen_at = excluded.seen_at`,
      ).run(doc.canonicalUrl, doc.contentHash, doc.leadId, doc.seenAt);
    });
  }

  async getSeen(canonicalUrl: string): Promise<SeenDocument | null> {
    const r = this.stmt('SELECT * FROM seen_documents WHERE canonical_url = ?').get(canonicalUrl) as
      | { canonical_url: string; content_hash: string; lead_id: string | null; seen_at: string }
      | undefined;
    return r ? { canonicalUrl: r.canonical_url, contentHash: r.content_hash, leadId: r.lead_id, seenAt: r.seen_at } : null;
  }

  async getUrlValidators(url: string): Promise<UrlValidators | null> {
    const r = this.stmt('SELECT * FROM url_validators WHERE url = ?').get(url) as
      | { url: string; etag: string | null; last_modified: string | null; content_hash: string | null; checked_at: string }
      | undefined;
    return r ? { url: r.url, etag: r.etag, lastModified: r.last_modified, contentHash: r.content_hash, checkedAt: r.checked_at } : null;
  }

  async putUrlValidators(v: UrlValidators): Promise<void> {
    this.stmt(
        `INSERT INTO url_validators (url, etag, last_modified, content_hash, checked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           content_hash = excluded.content_hash, checked_at = excluded.checked_at`,
      )
      .run(v.url, v.etag, v.lastModified, v.contentHash, v.checkedAt);
  }

  async getSourceState(sourceId: string): Promise<SourceState | null> {
    const r = this.stmt('SELECT body FROM source_state WHERE source_id = ?').get(sourceId) as { body: string } | undefined;
    return r ? (JSON.parse(r.body) as SourceState) : null;
  }

  async updateSourceState(sourceId: string, patch: Partial<Omit<SourceState, 'sourceId'>> & { url: string }): Promise<SourceState> {
    const db = this.conn;
    return db.transaction(() => {
      const r = this.stmt('SELECT body FROM source_state WHERE source_id = ?').get(sourceId) as { body: string } | undefined;
      const current = r ? (JSON.parse(r.body) as SourceState) : emptySourceState(sourceId, patch.url);
      const next: SourceState = { ...current, ...patch, sourceId };
      this.stmt('INSERT INTO source_state (source_id, body) VALUES (?, ?) ON CONFLICT(source_id) DO UPDATE SET body = excluded.body').run(
        sourceId,
        JSON.stringify(next),
      );
      return next;
    }).immediate();
  }

  async listSourceStates(): Promise<SourceState[]> {
    return (this.stmt('SELECT body FROM source_state ORDER BY source_id').all() as Array<{ body: string }>).map(
      (r) => JSON.parse(r.body) as SourceState,
    );
  }

  async stats(): Promise<StoreStats> {
    const group = (sql: string) =>
      Object.fromEntries((this.stmt(sql).all() as Array<{ k: string; n: number }>).map((r) => [r.k, r.n]));
    return {
      leads: (this.stmt('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n,
      byLabel: group('SELECT label AS k, COUNT(*) AS n FROM leads GROUP BY label'),
      byStatus: group('SELECT status AS k, COUNT(*) AS n FROM leads GROUP BY status'),
      byLanguage: group('SELECT language AS k, COUNT(*) AS n FROM leads GROUP BY language'),
      byCountry: group('SELECT j.value AS k, COUNT(*) AS n FROM leads, json_each(leads.countries) j GROUP BY j.value'),
      byType: group('SELECT j.value AS k, COUNT(*) AS n FROM leads, json_each(leads.types) j GROUP BY j.value'),
      documentsSeen: (this.stmt('SELECT COUNT(*) AS n FROM seen_documents').get() as { n: number }).n,
      sources: (this.stmt('SELECT COUNT(*) AS n FROM source_state').get() as { n: number }).n,
    };
  }
}
