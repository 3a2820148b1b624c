import type { Database } from 'better-sqlite3';

/** Versioned migrations; each runs once, in order, inside a transaction. Never edit a shipped one: add a new one. */
export const MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'leads, urls, history, seen documents, source state',
    sql: `
      CREATE TABLE leads (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        canonical_url TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL,
        simhash TEXT,
        sim_b0 TEXT, sim_b1 TEXT, sim_b2 TEXT, sim_b3 TEXT,
        label TEXT NOT NULL,
        score REAL NOT NULL,
        status TEXT NOT NULL,
        language TEXT NOT NULL,
        event_country TEXT,
        countries TEXT NOT NULL,
        types TEXT NOT NULL,
        source_ids TEXT NOT NULL,
        event_date TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        search TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX leads_content_hash ON leads(content_hash);
      CREATE INDEX leads_status_score ON leads(status, score DESC);
      CREATE INDEX leads_label ON leads(label);
      CREATE INDEX leads_event_date ON leads(event_date);
      CREATE INDEX leads_sim_b0 ON leads(sim_b0);
      CREATE INDEX leads_sim_b1 ON leads(sim_b1);
      CREATE INDEX leads_sim_b2 ON leads(sim_b2);
      CREATE INDEX leads_sim_b3 ON leads(sim_b3);
      CREATE TABLE lead_urls (
        url TEXT PRIMARY KEY,
        lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE
      );
      CREATE INDEX lead_urls_lead ON lead_urls(lead_id);
      CREATE TABLE lead_history (
        lead_id TEXT NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (lead_id, seq)
      );
      CREATE TABLE seen_documents (
        canonical_url TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        lead_id TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE TABLE source_state (
        source_id TEXT PRIMARY KEY,
        body TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'conditional-GET validators per URL',
    sql: `
      CREATE TABLE url_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        checked_at TEXT NOT NULL
      );
    `,
  },
];

export function migrate(db: Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  let applied = 0;
  const isDone = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    // Several processes may open a new file at once (three workers on one SQLite file): the one that waited for the
    // write lock finds the migration applied by another and skips it ("table leads already exists" before).
    const ran = db.transaction(() => {
      if (isDone.get(m.version)) return false;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      return true;
    }).immediate();
    if (ran) applied++;
  }
  return applied;
}

export function schemaVersion(db: Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
