import { MongoClient, MongoServerError, type Collection, type Db, type Filter } from 'mongodb';
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
import { NEAR_DUP_MAX_DISTANCE, NEAR_DUP_WINDOW_DAYS, hamming64, leadSearchText, mergeInto, newLead, searchKey, simhashBands } from './merge.js';
import { emptySourceState, eventDateOf } from './sqlite-query.js';

type LeadDoc = Omit<Lead, 'id'> & { _id: string; rev: number; eventDate: string; simBands: string[]; search: string };
type SeenDoc = { _id: string; contentHash: string; leadId: string | null; seenAt: string };
type ValidatorsDoc = Omit<UrlValidators, 'url'> & { _id: string };
type SourceDoc = SourceState & { _id: string };

const MAX_RACE_RETRIES = 5;

/** MongoDB adapter (official driver). Creates its indexes at start; races are settled by unique indexes and a revision counter. */
export class MongoStore implements LeadStore {
  readonly kind = 'mongodb' as const;
  private client: MongoClient | null = null;
  private db: Db | null = null;

  constructor(
    private readonly uri: string,
    private readonly dbName: string,
  ) {}

  async init(): Promise<void> {
    if (!this.client) {
      const client = new MongoClient(this.uri, { serverSelectionTimeoutMS: 5000, retryWrites: true });
      try {
        await client.connect();
      } catch (err) {
        throw new RetryableError('store_unreachable', `store: cannot reach MongoDB at ${redact(this.uri)}: ${(err as Error).message}`, { cause: err });
      }
      this.client = client;
      this.db = client.db(this.dbName);
    }
    const leads = this.leads;
    await leads.createIndex({ canonicalUrl: 1 }, { unique: true, name: 'canonicalUrl_unique' });
    await leads.createIndex({ urls: 1 }, { unique: true, name: 'urls_unique' });
    await leads.createIndex({ contentHash: 1 }, { name: 'contentHash' });
    await leads.createIndex({ simBands: 1 }, { name: 'simBands' });
    await leads.createIndex({ status: 1, score: -1 }, { name: 'status_score' });
    await leads.createIndex({ eventDate: -1 }, { name: 'eventDate' });
  }

  async close(): Promise<void> {
    await this.client?.close();
    this.client = null;
    this.db = null;
  }

  private get database(): Db {
    if (!this.db) throw new RetryableError('store_closed', 'store: MongoDB store is not open (call init first)');
    return this.db;
  }
  private get leads(): Collection<LeadDoc> {
    return this.database.collection<LeadDoc>('leads');
  }
  private get seen(): Collection<SeenDoc> {
    return this.database.collection<SeenDoc>('seen_documents');
  }
  private get validators(): Collection<ValidatorsDoc> {
    return this.database.collection<ValidatorsDoc>('url_validators');
  }
  private get sourcesCol(): Collection<SourceDoc> {
    return this.database.collection<SourceDoc>('source_state');
  }

  async upsertLead(input: LeadInput): Promise<UpsertResult> {
    for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
      const now = new Date().toISOString();
      const existing = await this.findExisting(input);
      if (!existing) {
        const lead = newLead(input, now);
        try {
          await this.leads.insertOne(toDoc(lead, 0));
          return { id: lead.id, outcome: 'created', status: lead.status };
        } catch (err) {
          if (isDuplicateKey(err)) continue; // another writer created it: merge into theirs
          throw wrap(err, 'insert lead');
        }
      }
      const { doc, lead: current } = existing;
      const { lead, outcome } = mergeInto(current, input, now);
      if (outcome === 'unchanged') return { id: lead.id, outcome, status: lead.status };
      const { _id, status: _s, history: _h, rev: _r, ...fields } = toDoc(lead, doc.rev + 1);
      try {
        const res = await this.leads.updateOne({ _id: doc._id, rev: doc.rev }, { $set: { ...fields, rev: doc.rev + 1 } });
        if (res.matchedCount === 1) {
          const after = await this.leads.findOne({ _id: doc._id }, { projection: { status: 1 } });
          return { id: lead.id, outcome, status: after?.status ?? lead.status };
        }
      } catch (err) {
        if (!isDuplicateKey(err)) throw wrap(err, 'update lead');
      }
    }
    throw new RetryableError('store_contention', `store: lead for ${input.canonicalUrl} kept changing under concurrent writers`);
  }

  private async findExisting(input: LeadInput): Promise<{ doc: LeadDoc; lead: Lead } | null> {
    const byUrl = await this.leads.findOne({ urls: { $in: [input.canonicalUrl, input.url] } });
    if (byUrl) return { doc: byUrl, lead: fromDoc(byUrl) };
    const byHash = await this.leads.findOne({ contentHash: input.contentHash });
    if (byHash) return { doc: byHash, lead: fromDoc(byHash) };
    const bands = simhashBands(input.simhash);
    if (!bands || !input.simhash) return null;
    const since = new Date(Date.now() - NEAR_DUP_WINDOW_DAYS * 86_400_000).toISOString();
    const candidates = await this.leads.find({ simBands: { $in: bands }, updatedAt: { $gte: since } }).limit(200).toArray();
    let best: { doc: LeadDoc; d: number } | null = null;
    for (const c of candidates) {
      if (!c.simhash) continue;
      const d = hamming64(c.simhash, input.simhash);
      if (d <= NEAR_DUP_MAX_DISTANCE && (!best || d < best.d)) best = { doc: c, d };
    }
    return best ? { doc: best.doc, lead: fromDoc(best.doc) } : null;
  }

  async getLead(id: string): Promise<Lead | null> {
    const d = await this.leads.findOne({ _id: id });
    return d ? fromDoc(d) : null;
  }

  async findLeadByUrl(canonicalUrl: string): Promise<Lead | null> {
    const d = await this.leads.findOne({ urls: canonicalUrl });
    return d ? fromDoc(d) : null;
  }

  async listLeads(filter: LeadFilter = {}, options: ListOptions = {}): Promise<{ total: number; items: Lead[] }> {
    const q = filterToMongo(filter);
    const limit = Math.max(0, Math.min(options.limit ?? 50, 10_000));
    const sort: Record<string, 1 | -1> =
      options.sort === 'date' ? { eventDate: -1, _id: 1 } : options.sort === 'updated' ? { updatedAt: -1, _id: 1 } : { score: -1, updatedAt: -1, _id: 1 };
    const [total, docs] = await Promise.all([
      this.leads.countDocuments(q),
      limit === 0 ? Promise.resolve([]) : this.leads.find(q).sort(sort).skip(Math.max(0, options.offset ?? 0)).limit(limit).toArray(),
    ]);
    return { total, items: docs.map(fromDoc) };
  }

  async *iterateLeads(filter: LeadFilter = {}, batchSize = 200): AsyncIterable<Lead> {
    const cursor = this.leads.find(filterToMongo(filter)).sort({ _id: 1 }).batchSize(batchSize);
    for await (const d of cursor) yield fromDoc(d);
  }

  async setStatus(id: string, change: StatusChange): Promise<Lead> {
    const at = change.at ?? new Date().toISOString();
    for (let attempt = 0; attempt < MAX_RACE_RETRIES; attempt++) {
      const cur = await this.leads.findOne({ _id: id }, { projection: { status: 1, history: 1, rev: 1 } });
      if (!cur) throw new NonRetryableError('lead_not_found', `store: no lead with id "${id}"`);
      const event = { at, by: change.by, from: cur.status, to: change.status, note: change.note ?? null };
      // Whole-array $set guarded by the revision (no $push): works on every server and keeps concurrent reviewers apart.
      const res = await this.leads.updateOne(
        { _id: id, rev: cur.rev },
        { $set: { status: change.status, updatedAt: at, history: [...(cur.history ?? []), event], rev: cur.rev + 1 } },
      );
      if (res.matchedCount === 1) return (await this.getLead(id))!;
    }
    throw new RetryableError('store_contention', `store: status of lead ${id} kept changing under concurrent reviewers`);
  }

  async replaceAnalysis(id: string, analysis: Partial<Omit<LeadInput, 'url' | 'sourceId' | 'canonicalUrl'>>): Promise<void> {
    const cur = await this.getLead(id);
    if (!cur) throw new NonRetryableError('lead_not_found', `store: no lead with id "${id}"`);
    const next: Lead = { ...cur, ...analysis, updatedAt: new Date().toISOString() };
    const { _id, status: _s, history: _h, rev: _r, ...fields } = toDoc(next, 0);
    await this.leads.updateOne({ _id: id }, { $set: fields });
  }

  async markSeen(doc: SeenDocument): Promise<void> {
    await this.seen.updateOne(
      { _id: doc.canonicalUrl },
      { $set: { contentHash: doc.contentHash, leadId: doc.leadId, seenAt: doc.seenAt } },
      { upsert: true },
    );
  }

  async getSeen(canonicalUrl: string): Promise<SeenDocument | null> {
    const d = await this.seen.findOne({ _id: canonicalUrl });
    return d ? { canonicalUrl: d._id, contentHash: d.contentHash, leadId: d.leadId, seenAt: d.seenAt } : null;
  }

  async getUrlValidators(url: string): Promise<UrlValidators | null> {
    const d = await this.validators.findOne({ _id: url });
    return d ? { url: d._id, etag: d.etag, lastModified: d.lastModified, contentHash: d.contentHash, checkedAt: d.checkedAt } : null;
  }

  async putUrlValidators(v: UrlValidators): Promise<void> {
    const { url, ...fields } = v;
    await this.validators.updateOne({ _id: url }, { $set: fields }, { upsert: true });
  }

  async getSourceState(sourceId: string): Promise<SourceState | null> {
    const d = await this.sourcesCol.findOne({ _id: sourceId });
    if (!d) return null;
    const { _id, ...s } = d;
    return s;
  }

  async updateSourceState(sourceId: string, patch: Partial<Omit<SourceState, 'sourceId'>> & { url: string }): Promise<SourceState> {
    const current = (await this.getSourceState(sourceId)) ?? emptySourceState(sourceId, patch.url);
    const next: SourceState = { ...current, ...patch, sourceId };
    await this.sourcesCol.replaceOne({ _id: sourceId }, next, { upsert: true });
    return next;
  }

  async listSourceStates(): Promise<SourceState[]> {
    const docs = await this.sourcesCol.find({}).sort({ _id: 1 }).toArray();
    return docs.map(({ _id, ...s }) => s);
  }

  async stats(): Promise<StoreStats> {
    const count = async (field: string, unwind: boolean): Promise<Record<string, number>> => {
      const pipeline: object[] = unwind ? [{ $unwind: `$${field}` }] : [];
      pipeline.push({ $group: { _id: `$${field}`, n: { $sum: 1 } } });
      const rows = await this.leads.aggregate<{ _id: string; n: number }>(pipeline).toArray();
      return Object.fromEntries(rows.filter((r) => r._id !== null && r._id !== undefined).map((r) => [r._id, r.n]));
    };
    const [leads, byLabel, byStatus, byLanguage, byCountry, byType, documentsSeen, sources] = await Promise.all([
      this.leads.countDocuments({}),
      count('label', false),
      count('status', false),
      count('language', false),
      count('countries', true),
      count('types', true),
      this.seen.countDocuments({}),
      this.sourcesCol.countDocuments({}),
    ]);
    return { leads, byLabel, byStatus, byLanguage, byCountry, byType, documentsSeen, sources };
  }
}

function toDoc(lead: Lead, rev: number): LeadDoc {
  const { id, ...rest } = lead;
  return { ...rest, _id: id, rev, eventDate: eventDateOf(lead), simBands: simhashBands(lead.simhash) ?? [], search: leadSearchText(lead) };
}

function fromDoc(d: LeadDoc): Lead {
  const { _id, rev: _r, eventDate: _e, simBands: _b, search: _t, ...rest } = d;
  return { ...rest, id: _id };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function filterToMongo(f: LeadFilter): Filter<LeadDoc> {
  const q: Record<string, unknown> = {};
  const many = (v: string | string[]) => (Array.isArray(v) ? { $in: v } : v);
  if (f.status !== undefined) q.status = many(f.status);
  if (f.label !== undefined) q.label = many(f.label);
  if (f.kind !== undefined) q.kind = f.kind;
  if (f.minScore !== undefined) q.score = { $gte: f.minScore };
  if (f.type !== undefined) q.types = f.type;
  if (f.language !== undefined) q.language = f.language;
  if (f.sourceId !== undefined) q.sourceIds = f.sourceId;
  const and: object[] = [];
  if (f.country !== undefined) {
    const c = f.country.toUpperCase();
    and.push({ $or: [{ eventCountry: c }, { countries: c }] });
  }
  if (f.from !== undefined || f.to !== undefined) {
    const range: Record<string, string> = {};
    if (f.from !== undefined) range.$gte = f.from;
    if (f.to !== undefined) range.$lte = /^\d{4}-\d{2}-\d{2}$/.test(f.to) ? `${f.to}T23:59:59.999Z` : f.to;
    q.eventDate = range;
  }
  if (f.text) {
    q.search = { $regex: escapeRegex(searchKey(f.text)) };
  }
  if (and.length) q.$and = and;
  return q as Filter<LeadDoc>;
}

function isDuplicateKey(err: unknown): boolean {
  return err instanceof MongoServerError ? err.code === 11000 : (err as { code?: unknown })?.code === 11000;
}

function wrap(err: unknown, what: string): Error {
  return new RetryableError('store_error', `store: MongoDB ${what} failed: ${(err as Error).message}`, { cause: err });
}

function redact(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@');
}
