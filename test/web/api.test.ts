import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Lead } from '../../core/index.js';
import { sampleLeads, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.store.updateSourceState('src-es', { url: 'https://diario.example/feed', lastSuccessAt: '2026-03-12T10:00:00.000Z', lastItemsFound: 14, polls: 9, missingDate: 2 });
  await t.store.updateSourceState('src-pt', { url: 'https://jornal.example/rss', lastErrorAt: '2026-03-12T10:00:00.000Z', lastError: 'fetch: GET https://jornal.example/rss returned 503', consecutiveFailures: 3, polls: 5 });
});
afterAll(async () => {
  await t.stop();
});

async function getJson(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(t.url + path);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function postStatus(id: string, body: unknown, type = 'application/json'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/leads/${id}/status`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

const titles = (body: { items: Lead[] }) => body.items.map((l) => l.title);

describe('GET /api/leads', () => {
  it('lists open leads sorted by score, highest first', async () => {
    const { status, body } = await getJson('/api/leads');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(body.items.map((l: Lead) => l.score)).toEqual([0.91, 0.8, 0.3, 0.1]);
  });

  it('filters by label, country, type, language, minScore, dates and text', async () => {
    expect(titles((await getJson('/api/leads?label=incident')).body)).toEqual(['Rescatan a 12 mujeres en una finca de Cúcuta', 'Fiscais resgatam 30 trabalhadores no Pará']);
    expect(titles((await getJson('/api/leads?country=br')).body)).toEqual(['Fiscais resgatam 30 trabalhadores no Pará']);
    expect(titles((await getJson('/api/leads?country=VE')).body)).toEqual(['Rescatan a 12 mujeres en una finca de Cúcuta']);
    expect(titles((await getJson('/api/leads?type=forced_labour')).body)).toEqual(['Fiscais resgatam 30 trabalhadores no Pará']);
    expect((await getJson('/api/leads?language=es')).body.total).toBe(2);
    expect((await getJson('/api/leads?minScore=0.5')).body.total).toBe(2);
    expect(titles((await getJson('/api/leads?from=2026-02-01&to=2026-02-28')).body)).toEqual(['Fiscais resgatam 30 trabalhadores no Pará']);
    expect(titles((await getJson('/api/leads?q=ESCRAVIDAO')).body)).toEqual(['Fiscais resgatam 30 trabalhadores no Pará']);
  });

  it('pages with limit and offset and sorts by date', async () => {
    const page = (await getJson('/api/leads?limit=2&offset=1&sort=date')).body;
    expect(page.total).toBe(4);
    expect(page.limit).toBe(2);
    expect(page.offset).toBe(1);
    expect(page.items.map((l: Lead) => l.publishedAt)).toEqual(['2026-03-01T08:00:00.000Z', '2026-02-20T08:00:00.000Z']);
  });

  it('rejects bad parameters with 400 and a message naming the parameter', async () => {
    const cases: Array<[string, RegExp]> = [
      ['minScore=2', /minScore/],
      ['minScore=abc', /minScore/],
      ['status=archived', /status/],
      ['label=maybe', /label/],
      ['country=Colombia', /country: expected a two-letter ISO country code/],
      ['type=smuggling', /type/],
      ['from=12/03/2026', /from: expected an ISO date/],
      ['from=2026-03-10&to=2026-03-01', /from: must not be after to/],
      ['limit=0', /limit/],
      ['limit=100000', /limit/],
      ['sort=random', /sort/],
      ['colour=red', /unknown parameter\(s\): colour/],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await getJson(`/api/leads?${query}`);
      expect({ query, status, error: body.error }).toEqual({ query, status: 400, error: 'bad_request' });
      expect(body.message).toMatch(message);
    }
  });

  it('treats empty parameters as not set, as a GET form submits them', async () => {
    const { status, body } = await getJson('/api/leads?label=&country=&minScore=&q=');
    expect(status).toBe(200);
    expect(body.total).toBe(4);
  });
});

describe('GET /api/leads/:id', () => {
  it('returns the lead with its evidence', async () => {
    const { status, body } = await getJson(`/api/leads/${t.ids[0]}`);
    expect(status).toBe(200);
    expect(body.id).toBe(t.ids[0]);
    expect(body.indicators).toHaveLength(5);
    expect(body.victims).toMatchObject({ count: 12, minors: true });
  });

  it('never returns a victim name held in an entity', async () => {
    const res = await fetch(`${t.url}/api/leads/${t.ids[0]}`);
    const text = await res.text();
    expect(text).not.toContain('Ana Lucía Torres');
    const lead = JSON.parse(text) as Lead;
    expect(lead.entities.find((e) => e.role === 'victim')?.text).toBe('[victim]');
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await getJson('/api/leads/0123456789abcdef01234567')).status).toBe(404);
    const bad = await getJson('/api/leads/..%2F..%2Fetc');
    expect(bad.status).toBe(404);
    expect(bad.body.error).toBe('not_found');
  });
});

describe('POST /api/leads/:id/status', () => {
  it('changes the status, records the history and hides dismissed leads from the default list', async () => {
    const id = t.ids[3]!;
    const { status, body } = await postStatus(id, { status: 'dismissed', by: 'ana', note: 'migrant smuggling, not trafficking' });
    expect(status).toBe(200);
    expect(body.status).toBe('dismissed');
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ by: 'ana', from: 'new', to: 'dismissed', note: 'migrant smuggling, not trafficking' });
    const stored = await t.store.getLead(id);
    expect(stored?.history.map((h) => h.to)).toEqual(['dismissed']);
    const open = (await getJson('/api/leads')).body;
    expect(open.items.map((l: Lead) => l.id)).not.toContain(id);
    expect((await getJson('/api/leads?status=dismissed')).body.items.map((l: Lead) => l.id)).toEqual([id]);
    expect((await getJson('/api/leads?status=all')).body.total).toBe(4);
    expect((await getJson('/api/leads?status=new,dismissed')).body.total).toBe(4);
  });

  it('keeps a dismissed lead out of the list when the story is re-analysed or seen again elsewhere', async () => {
    const mx = sampleLeads()[3]!;
    const id = t.ids[3]!;
    expect((await t.store.getLead(id))?.status).toBe('dismissed');
    await t.store.upsertLead({ ...mx, lexiconVersion: 'lex-test-2' });
    await t.store.upsertLead({ ...mx, url: 'https://otro.example/copia', canonicalUrl: 'https://otro.example/copia', sourceId: 'src-otro' });
    const lists = [await getJson('/api/leads'), await getJson('/api/leads?status=new'), await getJson('/api/leads?country=MX')];
    for (const { body } of lists) expect(body.items.map((l: Lead) => l.id)).not.toContain(id);
    expect((await getJson(`/api/leads/${id}`)).body.urls).toContain('https://otro.example/copia');
  });

  it('rejects a bad status, a missing reviewer and a non-JSON body', async () => {
    const bad = await postStatus(t.ids[1]!, { status: 'archived', by: 'ana' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/status must be one of new, confirmed, dismissed, needs_info/);
    const noBy = await postStatus(t.ids[1]!, { status: 'confirmed', by: '  ' });
    expect(noBy.status).toBe(400);
    expect(noBy.body.message).toMatch(/reviewer name is required/);
    expect((await postStatus(t.ids[1]!, '{not json')).status).toBe(400);
    expect((await postStatus(t.ids[1]!, 'status=confirmed&by=ana', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await t.store.getLead(t.ids[1]!))?.history).toEqual([]);
  });

  it('answers 404 for an unknown lead', async () => {
    const r = await postStatus('0123456789abcdef01234567', { status: 'confirmed', by: 'ana' });
    expect(r.status).toBe(404);
    expect(r.body.error).toBe('not_found');
  });

  it('answers 405 for a wrong method on a known path', async () => {
    const res = await fetch(`${t.url}/api/leads/${t.ids[0]}/status`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('stats, sources, queues, health', () => {
  it('GET /api/stats counts leads by label', async () => {
    const { body } = await getJson('/api/stats');
    expect(body.leads).toBe(4);
    expect(body.byLabel).toEqual({ incident: 2, awareness: 1, none: 1 });
  });

  it('GET /api/sources reports failing sources first, with counters and no conditional-GET tokens', async () => {
    const { body } = await getJson('/api/sources');
    expect(body.sources.map((s: { sourceId: string; health: string }) => [s.sourceId, s.health])).toEqual([
      ['src-pt', 'failing'],
      ['src-es', 'ok'],
    ]);
    expect(body.sources[0]).toMatchObject({ consecutiveFailures: 3, lastError: 'fetch: GET https://jornal.example/rss returned 503' });
    expect(body.sources[1]).toMatchObject({ lastItemsFound: 14, missingDate: 2, missingText: 0 });
    expect(body.sources[0]).not.toHaveProperty('etag');
  });

  it('GET /api/queues says when no queues are configured', async () => {
    expect((await getJson('/api/queues')).body).toEqual({ enabled: false, queues: [] });
  });

  it('GET /healthz answers ok with the store kind', async () => {
    expect(await getJson('/healthz')).toMatchObject({ status: 200, body: { ok: true, store: 'sqlite', queues: false } });
  });

  it('answers 404 JSON for an unknown API path', async () => {
    expect(await getJson('/api/nothing')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });
});

describe('GET /metrics', () => {
  it('exposes leads by label and status, source failures, HTTP requests and process metrics', async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^rastro_leads\{label="incident",status="new"\} 2$/m);
    expect(text).toMatch(/^rastro_leads\{label="awareness",status="new"\} 1$/m);
    expect(text).toMatch(/^rastro_leads\{label="none",status="dismissed"\} 1$/m);
    expect(text).toMatch(/^rastro_source_consecutive_failures\{source="src-pt"\} 3$/m);
    expect(text).toMatch(/^rastro_source_consecutive_failures\{source="src-es"\} 0$/m);
    expect(text).toMatch(/^rastro_source_last_items_found\{source="src-es"\} 14$/m);
    expect(text).toMatch(/^rastro_http_requests_total\{method="GET",route="\/api\/leads",status="200"\} \d+$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).not.toMatch(/rastro_queue_jobs/);
  });

  it('uses one registry per server: two servers do not share series', async () => {
    const other = await startTestServer([]);
    try {
      const text = await (await fetch(`${other.url}/metrics`)).text();
      expect(text).toMatch(/^rastro_leads\{label="incident",status="new"\} 0$/m);
      expect(text).not.toMatch(/source="src-pt"/);
    } finally {
      await other.stop();
    }
  });
});

describe('transport safety', () => {
  it('binds to 127.0.0.1 and refuses a foreign Host header (DNS rebinding)', async () => {
    expect(new URL(t.url).hostname).toBe('127.0.0.1');
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${t.url}/api/leads`, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('rejects `ready` when the port is taken', async () => {
    const { createWebServer } = await import('../../web/index.js');
    const { loadConfig, silentLogger } = await import('../../core/index.js');
    const port = Number(new URL(t.url).port);
    const clash = createWebServer({ store: t.store, config: loadConfig({ webPort: port }, {}), log: silentLogger });
    await expect(clash.ready).rejects.toThrow(/EADDRINUSE/);
    await clash.close();
  });

  it('sends a strict Content-Security-Policy on every response', async () => {
    const csp = (await fetch(`${t.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await fetch(`${t.url}/api/leads`)).headers.get('x-content-type-options')).toBe('nosniff');
  });
});
