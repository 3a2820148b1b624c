import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { LeadInput, LeadStore } from '../../store/index.js';

/**
 * One conformance suite for every LeadStore adapter. An adapter that cannot run a case names it in `skips`
 * with the reason; the case then shows as skipped with that reason in its title, never silently passes.
 */
export interface ConformanceOptions {
  skips?: Record<string, string>;
}

export function leadInput(over: Partial<LeadInput> = {}): LeadInput {
  const url = over.canonicalUrl ?? 'https://news.example/2026/03/12/red-de-trata-cucuta';
  return {
    url: over.url ?? url,
    sourceId: 'src-a',
    kind: 'article',
    canonicalUrl: url,
    contentHash: 'hash-' + url,
    simhash: null,
    title: 'Desarticulan red de trata en Cúcuta',
    text: 'La Fiscalía imputó a tres personas por trata de personas con fines de explotación sexual.',
    publishedAt: '2026-03-12T10:00:00.000Z',
    fetchedAt: '2026-03-12T11:00:00.000Z',
    language: 'es',
    label: 'incident',
    score: 0.91,
    reasons: [{ id: 'es.offence.trata_de_personas', category: 'offence.trafficking', weight: 1 }],
    types: ['sexual_exploitation'],
    indicators: [],
    entities: [],
    places: [],
    countries: ['CO', 'VE'],
    eventCountry: 'CO',
    victims: { count: 3, minors: true, nationalities: ['VE'] },
    notice: null,
    lexiconVersion: 'lex-1',
    extractorVersion: 'x-1',
    ...over,
  };
}

export function runStoreConformance(name: string, factory: () => Promise<LeadStore>, opts: ConformanceOptions = {}): void {
  const skips = opts.skips ?? {};
  const test = (title: string, fn: () => Promise<void>) => {
    const why = skips[title];
    if (why) it.skip(`${title} [skipped on ${name}: ${why}]`, fn);
    else it(title, fn);
  };

  describe(`LeadStore conformance: ${name}`, () => {
    let store: LeadStore;
    beforeEach(async () => {
      store = await factory();
      await store.init();
    });
    afterEach(async () => {
      await store.close();
    });

    test('creates a lead and reads it back whole', async () => {
      const r = await store.upsertLead(leadInput());
      expect(r.outcome).toBe('created');
      expect(r.status).toBe('new');
      const lead = await store.getLead(r.id);
      expect(lead).toMatchObject({
        id: r.id,
        title: 'Desarticulan red de trata en Cúcuta',
        countries: ['CO', 'VE'],
        victims: { count: 3, minors: true, nationalities: ['VE'] },
        status: 'new',
        history: [],
        sourceIds: ['src-a'],
      });
      expect(lead?.urls).toContain('https://news.example/2026/03/12/red-de-trata-cucuta');
    });

    test('init is idempotent', async () => {
      await store.init();
      await store.upsertLead(leadInput());
      await store.init();
      expect((await store.stats()).leads).toBe(1);
    });

    test('upserting the same document twice stores one lead', async () => {
      const a = await store.upsertLead(leadInput());
      const b = await store.upsertLead(leadInput());
      expect(b).toEqual({ id: a.id, outcome: 'unchanged', status: 'new' });
      expect((await store.listLeads()).total).toBe(1);
    });

    test('concurrent upserts of one document store one lead', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.upsertLead(leadInput())));
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
      expect((await store.listLeads()).total).toBe(1);
    });

    test('the same text at another URL joins the existing lead with both URLs and sources', async () => {
      const a = await store.upsertLead(leadInput());
      const b = await store.upsertLead(
        leadInput({ canonicalUrl: 'https://mirror.example/nota/123', url: 'https://mirror.example/nota/123?utm_source=x', sourceId: 'src-b', contentHash: 'hash-https://news.example/2026/03/12/red-de-trata-cucuta' }),
      );
      expect(b.id).toBe(a.id);
      expect(b.outcome).toBe('updated');
      const lead = await store.getLead(a.id);
      expect(lead?.urls).toEqual(expect.arrayContaining(['https://mirror.example/nota/123', 'https://news.example/2026/03/12/red-de-trata-cucuta']));
      expect(lead?.sourceIds).toEqual(['src-a', 'src-b']);
      expect(await store.findLeadByUrl('https://mirror.example/nota/123')).toMatchObject({ id: a.id });
    });

    test('a near-duplicate (simhash within 3 bits) joins the existing lead', async () => {
      const now = new Date().toISOString();
      const a = await store.upsertLead(leadInput({ simhash: 'a5a5a5a5a5a5a5a5', fetchedAt: now }));
      const b = await store.upsertLead(
        leadInput({ canonicalUrl: 'https://other.example/x', contentHash: 'different', simhash: 'a5a5a5a5a5a5a5a6', sourceId: 'src-b', fetchedAt: now }),
      );
      expect(b.id).toBe(a.id);
      const c = await store.upsertLead(
        leadInput({ canonicalUrl: 'https://third.example/y', contentHash: 'third', simhash: '5a5a5a5a5a5a5a5a', fetchedAt: now }),
      );
      expect(c.id).not.toBe(a.id);
      expect((await store.listLeads()).total).toBe(2);
    });

    test('a changed document at the same URL refreshes the analysis and keeps the review state', async () => {
      const a = await store.upsertLead(leadInput());
      await store.setStatus(a.id, { status: 'confirmed', by: 'ana', note: 'verified with the prosecutor' });
      const b = await store.upsertLead(leadInput({ contentHash: 'v2', score: 0.5, lexiconVersion: 'lex-2' }));
      expect(b).toEqual({ id: a.id, outcome: 'updated', status: 'confirmed' });
      const lead = await store.getLead(a.id);
      expect(lead).toMatchObject({ score: 0.5, lexiconVersion: 'lex-2', status: 'confirmed' });
      expect(lead?.history).toHaveLength(1);
    });

    test('a dismissed lead stays dismissed when the same story is seen again', async () => {
      const a = await store.upsertLead(leadInput());
      await store.setStatus(a.id, { status: 'dismissed', by: 'ana', note: 'drug case' });
      const again = await store.upsertLead(leadInput({ canonicalUrl: 'https://syndicated.example/z', sourceId: 'src-c', contentHash: 'hash-https://news.example/2026/03/12/red-de-trata-cucuta' }));
      expect(again.status).toBe('dismissed');
      expect((await store.getLead(a.id))?.status).toBe('dismissed');
      expect((await store.listLeads({ status: 'new' })).total).toBe(0);
    });

    test('status changes record who, what, when and the note, in order', async () => {
      const a = await store.upsertLead(leadInput());
      await store.setStatus(a.id, { status: 'needs_info', by: 'ana', note: 'need victim count', at: '2026-03-13T00:00:00.000Z' });
      const lead = await store.setStatus(a.id, { status: 'confirmed', by: 'luis', at: '2026-03-14T00:00:00.000Z' });
      expect(lead.status).toBe('confirmed');
      expect(lead.history).toEqual([
        { at: '2026-03-13T00:00:00.000Z', by: 'ana', from: 'new', to: 'needs_info', note: 'need victim count' },
        { at: '2026-03-14T00:00:00.000Z', by: 'luis', from: 'needs_info', to: 'confirmed', note: null },
      ]);
    });

    test('setStatus on an unknown id fails with lead_not_found', async () => {
      await expect(store.setStatus('nope', { status: 'confirmed', by: 'x' })).rejects.toMatchObject({ code: 'lead_not_found' });
    });

    test('lists with filters, sorting and paging', async () => {
      await store.upsertLead(leadInput());
      await store.upsertLead(
        leadInput({
          canonicalUrl: 'https://g1.example/sp/trabalho-escravo',
          contentHash: 'pt1',
          language: 'pt',
          label: 'incident',
          score: 0.8,
          types: ['forced_labour'],
          countries: ['BR'],
          eventCountry: 'BR',
          title: 'Fiscais resgatam 18 trabalhadores',
          text: 'Auditores resgataram trabalhadores em condição análoga à escravidão.',
          publishedAt: '2026-02-01T00:00:00.000Z',
        }),
      );
      await store.upsertLead(
        leadInput({ canonicalUrl: 'https://n.example/campaign', contentHash: 'aw1', label: 'awareness', score: 0.4, types: [], countries: ['PE'], eventCountry: null, language: 'es', publishedAt: '2026-04-01T00:00:00.000Z' }),
      );
      const ids = (r: { items: Array<{ canonicalUrl: string }> }) => r.items.map((l) => l.canonicalUrl);
      expect(ids(await store.listLeads())).toEqual([
        'https://news.example/2026/03/12/red-de-trata-cucuta',
        'https://g1.example/sp/trabalho-escravo',
        'https://n.example/campaign',
      ]);
      expect(ids(await store.listLeads({ label: 'incident', language: 'pt' }))).toEqual(['https://g1.example/sp/trabalho-escravo']);
      expect(ids(await store.listLeads({ country: 've' }))).toEqual(['https://news.example/2026/03/12/red-de-trata-cucuta']);
      expect(ids(await store.listLeads({ type: 'forced_labour' }))).toEqual(['https://g1.example/sp/trabalho-escravo']);
      expect(ids(await store.listLeads({ minScore: 0.85 }))).toEqual(['https://news.example/2026/03/12/red-de-trata-cucuta']);
      expect(ids(await store.listLeads({ from: '2026-03-01', to: '2026-03-31' }))).toEqual(['https://news.example/2026/03/12/red-de-trata-cucuta']);
      expect(ids(await store.listLeads({ text: 'ESCRAVIDÃO' }))).toEqual(['https://g1.example/sp/trabalho-escravo']);
      expect(ids(await store.listLeads({ label: ['incident', 'awareness'] }, { sort: 'date' }))).toEqual([
        'https://n.example/campaign',
        'https://news.example/2026/03/12/red-de-trata-cucuta',
        'https://g1.example/sp/trabalho-escravo',
      ]);
      const page = await store.listLeads({}, { limit: 1, offset: 1 });
      expect(page.total).toBe(3);
      expect(ids(page)).toEqual(['https://g1.example/sp/trabalho-escravo']);
    });

    test('iterates every lead in batches', async () => {
      for (let i = 0; i < 7; i++) await store.upsertLead(leadInput({ canonicalUrl: `https://n.example/${i}`, contentHash: `h${i}` }));
      const seen: string[] = [];
      for await (const l of store.iterateLeads({}, 3)) seen.push(l.canonicalUrl);
      expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `https://n.example/${i}`).sort());
    });

    test('replaceAnalysis changes the analysis but not status, history or URLs', async () => {
      const a = await store.upsertLead(leadInput());
      await store.setStatus(a.id, { status: 'needs_info', by: 'ana' });
      await store.replaceAnalysis(a.id, { score: 0.2, label: 'awareness', lexiconVersion: 'lex-9' });
      const lead = await store.getLead(a.id);
      expect(lead).toMatchObject({ score: 0.2, label: 'awareness', lexiconVersion: 'lex-9', status: 'needs_info' });
      expect(lead?.history).toHaveLength(1);
      expect((await store.listLeads({ label: 'awareness' })).total).toBe(1);
    });

    test('remembers seen documents', async () => {
      expect(await store.getSeen('https://x.example/a')).toBeNull();
      await store.markSeen({ canonicalUrl: 'https://x.example/a', contentHash: 'h1', leadId: null, seenAt: '2026-01-01T00:00:00.000Z' });
      await store.markSeen({ canonicalUrl: 'https://x.example/a', contentHash: 'h2', leadId: 'L', seenAt: '2026-01-02T00:00:00.000Z' });
      expect(await store.getSeen('https://x.example/a')).toEqual({ canonicalUrl: 'https://x.example/a', contentHash: 'h2', leadId: 'L', seenAt: '2026-01-02T00:00:00.000Z' });
    });

    test('keeps conditional-GET validators per URL, the last response replacing the record', async () => {
      expect(await store.getUrlValidators('https://x.example/a')).toBeNull();
      const first = { url: 'https://x.example/a', etag: 'W/"v1"', lastModified: 'Tue, 03 May 2022 10:00:00 GMT', contentHash: 'h1', checkedAt: '2026-01-01T00:00:00.000Z' };
      await store.putUrlValidators(first);
      await store.putUrlValidators({ url: 'https://x.example/b', etag: null, lastModified: 'Wed, 04 May 2022 10:00:00 GMT', contentHash: null, checkedAt: '2026-01-01T00:00:00.000Z' });
      expect(await store.getUrlValidators('https://x.example/a')).toEqual(first);
      // A later answer without an ETag drops the old one: validators are only sent as the server last gave them.
      const second = { url: 'https://x.example/a', etag: null, lastModified: 'Thu, 05 May 2022 10:00:00 GMT', contentHash: 'h2', checkedAt: '2026-01-02T00:00:00.000Z' };
      await store.putUrlValidators(second);
      expect(await store.getUrlValidators('https://x.example/a')).toEqual(second);
      expect(await store.getUrlValidators('https://x.example/b')).toMatchObject({ etag: null, lastModified: 'Wed, 04 May 2022 10:00:00 GMT' });
      expect(await store.getUrlValidators('https://x.example/a?page=2')).toBeNull();
    });

    test('keeps per-source state and merges patches', async () => {
      expect(await store.getSourceState('feed-1')).toBeNull();
      await store.updateSourceState('feed-1', { url: 'https://x.example/rss', etag: '"abc"', polls: 1, lastItemsFound: 12 });
      const s = await store.updateSourceState('feed-1', { url: 'https://x.example/rss', lastError: 'fetch: GET https://x.example/rss returned 503', consecutiveFailures: 1 });
      expect(s).toMatchObject({ sourceId: 'feed-1', etag: '"abc"', polls: 1, lastItemsFound: 12, consecutiveFailures: 1, lastError: 'fetch: GET https://x.example/rss returned 503' });
      expect((await store.listSourceStates()).map((x) => x.sourceId)).toEqual(['feed-1']);
    });

    test('reports statistics by label, status, country, type and language', async () => {
      await store.upsertLead(leadInput());
      await store.upsertLead(leadInput({ canonicalUrl: 'https://n.example/2', contentHash: 'h2', label: 'awareness', countries: ['CO'], types: [], language: 'es' }));
      await store.markSeen({ canonicalUrl: 'https://n.example/3', contentHash: 'h3', leadId: null, seenAt: '2026-01-01T00:00:00.000Z' });
      const s = await store.stats();
      expect(s).toMatchObject({
        leads: 2,
        byLabel: { incident: 1, awareness: 1 },
        byStatus: { new: 2 },
        byCountry: { CO: 2, VE: 1 },
        byType: { sexual_exploitation: 1 },
        byLanguage: { es: 2 },
        documentsSeen: 1,
      });
    });
  });
}
