import type {
  ExploitationType,
  Lead,
  LeadKind,
  LeadStatus,
  RelevanceLabel,
  SourceState,
} from '../core/index.js';

/** What an analysis produces for one document: everything of a Lead except identity, review state and timestamps. */
export type LeadInput = Omit<Lead, 'id' | 'status' | 'history' | 'createdAt' | 'updatedAt' | 'urls' | 'sourceIds'> & {
  url: string;
  sourceId: string;
};

export type UpsertOutcome =
  /** A new lead was stored. */
  | 'created'
  /** Same canonical URL or same content hash or near-duplicate: the existing lead was updated (analysis refreshed, URL/source added). */
  | 'updated'
  /** Nothing changed (same content, same lexicon version). */
  | 'unchanged';

export interface UpsertResult {
  id: string;
  outcome: UpsertOutcome;
  /** The lead's review status after the upsert; a dismissed lead stays dismissed. */
  status: LeadStatus;
}

export interface LeadFilter {
  status?: LeadStatus | LeadStatus[];
  label?: RelevanceLabel | RelevanceLabel[];
  kind?: LeadKind;
  minScore?: number;
  country?: string;
  type?: ExploitationType;
  language?: string;
  /** ISO dates, inclusive, on publishedAt (falling back to fetchedAt). */
  from?: string;
  to?: string;
  /** Case-insensitive substring over title and text. */
  text?: string;
  sourceId?: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** Default: score descending, then updatedAt descending. */
  sort?: 'score' | 'date' | 'updated';
}

export interface StatusChange {
  status: LeadStatus;
  by: string;
  note?: string | null;
  at?: string;
}

export interface SeenDocument {
  canonicalUrl: string;
  contentHash: string;
  leadId: string | null;
  seenAt: string;
}

/**
 * HTTP validators of one fetched URL (conditional GET): sent back as If-None-Match / If-Modified-Since
 * when the URL is fetched again, so an unchanged page costs a 304 and no re-analysis.
 */
export interface UrlValidators {
  /** The URL as it is requested (canonicalised for documents, as configured for feeds and listings). */
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** Hash of the main text the validators were received with, when the URL is a document. */
  contentHash: string | null;
  /** ISO time of the last response (200 or 304) for the URL. */
  checkedAt: string;
}

export interface StoreStats {
  leads: number;
  byLabel: Record<string, number>;
  byStatus: Record<string, number>;
  byCountry: Record<string, number>;
  byType: Record<string, number>;
  byLanguage: Record<string, number>;
  documentsSeen: number;
  sources: number;
}

/**
 * One interface, two adapters (SQLite, MongoDB), one conformance suite (test/store/conformance.ts).
 * All methods are idempotent where the name says so; retries never duplicate a lead.
 */
export interface LeadStore {
  readonly kind: 'sqlite' | 'mongodb';
  /** Create tables/collections, run migrations, create indexes. Safe to call more than once. */
  init(): Promise<void>;
  close(): Promise<void>;

  /**
   * Idempotent upsert. Identity: canonical URL, else exact content hash, else a near-duplicate simhash
   * (Hamming distance <= 3) among leads of the last 30 days. Review status and history are never reset.
   */
  upsertLead(input: LeadInput): Promise<UpsertResult>;
  getLead(id: string): Promise<Lead | null>;
  findLeadByUrl(canonicalUrl: string): Promise<Lead | null>;
  listLeads(filter?: LeadFilter, options?: ListOptions): Promise<{ total: number; items: Lead[] }>;
  /** Records who changed what and when; throws NonRetryableError for an unknown id. */
  setStatus(id: string, change: StatusChange): Promise<Lead>;

  /** Seen documents: lets fetch skip URLs already analysed with the same content. */
  markSeen(doc: SeenDocument): Promise<void>;
  getSeen(canonicalUrl: string): Promise<SeenDocument | null>;

  /** Conditional-GET validators per URL; `put` replaces the URL's record. */
  getUrlValidators(url: string): Promise<UrlValidators | null>;
  putUrlValidators(v: UrlValidators): Promise<void>;

  /** Per-source health and conditional-GET state. `patch` merges; counters are set as given. */
  getSourceState(sourceId: string): Promise<SourceState | null>;
  updateSourceState(sourceId: string, patch: Partial<Omit<SourceState, 'sourceId'>> & { url: string }): Promise<SourceState>;
  listSourceStates(): Promise<SourceState[]>;

  /** Raw documents are kept for `rastro rescore`. */
  iterateLeads(filter?: LeadFilter, batchSize?: number): AsyncIterable<Lead>;
  /** Replace the analysis of a lead (rescore) without touching status/history/urls. */
  replaceAnalysis(id: string, analysis: Partial<Omit<LeadInput, 'url' | 'sourceId' | 'canonicalUrl'>>): Promise<void>;

  stats(): Promise<StoreStats>;
}
