import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { LeadInput } from '../../store/index.js';
import { sampleLeads, startTestServer, type TestServer } from './helpers.js';

const NOTICE_TEXT = 'Se busca a [víctima], de 15 años, vista por última vez en Tapachula.';

function noticeLead(): LeadInput {
  const [first] = sampleLeads();
  return {
    ...first!,
    kind: 'notice',
    url: 'https://alertas.example/notice/77',
    canonicalUrl: 'https://alertas.example/notice/77',
    contentHash: 'h-notice',
    title: 'Alerta: adolescente desaparecida',
    text: NOTICE_TEXT,
    indicators: [],
    entities: [{ type: 'person', role: 'victim', text: 'Rosa Elvira Quispe', start: 11, end: 20, value: 'Rosa Elvira Quispe' }],
    notice: { name: 'Rosa Elvira Quispe', age: 15, sex: 'female', lastSeenDate: '2026-03-02', lastSeenPlace: 'Tapachula', authority: 'Fiscalía', alertType: 'Alerta Amber', noticeUrl: 'javascript:alert(1)' },
  };
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer([...sampleLeads(), noticeLead()]);
  // A syndicated copy of the first story at another URL (same content hash) joins the same lead.
  const [first] = sampleLeads();
  await t.store.upsertLead({ ...first!, url: 'https://agregador.example/copia-123', canonicalUrl: 'https://agregador.example/copia-123', sourceId: 'src-agg' });
  await t.store.updateSourceState('src-pt', { url: 'https://jornal.example/rss', lastErrorAt: '2026-03-12T10:00:00.000Z', lastError: 'HTTP <503>', consecutiveFailures: 2 });
});
afterAll(async () => {
  await t.stop();
});

async function get(path: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(t.url + path, { redirect: 'manual' });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

async function postForm(id: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}/leads/${id}/status`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('lead list page', () => {
  it('shows new leads by score with label, score, countries and victims', async () => {
    const { status, text, headers } = await get('/');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    const rows = [...text.matchAll(/<tr data-lead-id="([0-9a-f]+)">/g)].map((m) => m[1]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toBe(t.ids[0]);
    expect(text).toContain('<span class="pill label-incident">incident</span> 0.91');
    expect(text).toContain('12 · minors · VE');
  });

  it('pages with next and previous links that keep the filters', async () => {
    const first = await get('/?limit=2&label=incident');
    expect(first.text).toContain('Showing 1–2 of 3');
    expect(first.text).toContain('href="/?limit=2&amp;label=incident&amp;offset=2"');
    const second = await get('/?limit=2&label=incident&offset=2');
    expect(second.text).toContain('Showing 3–3 of 3');
    expect(second.text).toContain('href="/?limit=2&amp;label=incident&amp;offset=0"');
    expect(second.text).not.toContain('rel="next"');
  });

  it('answers 400 with the message and keeps the form usable on bad filters', async () => {
    const { status, text } = await get('/?minScore=7&country=%3Cscript%3E');
    expect(status).toBe(400);
    expect(text).toContain('role="alert"');
    expect(text).toMatch(/minScore: [^<]*1/);
    expect(text).toContain('value="&lt;script&gt;"');
    expect(text).not.toContain('<script>');
  });
});

describe('lead page', () => {
  it('highlights evidence and lists every syndicated URL and the lexicon version', async () => {
    const { status, text } = await get(`/leads/${t.ids[0]}`);
    expect(status).toBe(200);
    expect(text.match(/<mark class="ind /g)).toHaveLength(5);
    expect(text).toContain('href="https://diario.example/cucuta-rescate"');
    expect(text).toContain('href="https://agregador.example/copia-123"');
    expect(text).toContain('<code>lex-test-1</code>');
    expect(text).toContain('Cúcuta, Norte de Santander <strong>CO</strong>');
    expect(text).toContain('<dt>Minors</dt><dd>yes</dd>');
  });

  it('says no minor is named, not that there is none, when victims.minors is false', async () => {
    const { text } = await get(`/leads/${t.ids[1]}`);
    expect(text).toContain('<dt>Minors</dt><dd>none named</dd>');
  });

  it('never renders a victim name from entities or a notice, and refuses a javascript: notice URL', async () => {
    const { text } = await get(`/leads/${t.ids[4]}`);
    expect(text).not.toContain('Rosa Elvira');
    expect(text).not.toContain('Quispe');
    expect(text).toContain('[name withheld]');
    expect(text).not.toContain('href="javascript:');
    expect(text).toContain('Alerta Amber');
  });

  it('blocks out a victim name the store kept in the title and text (keepVictimNames or a missed mask)', async () => {
    const text = 'Rosa Elvira Quispe fue rescatada. La familia de rosa elvira quispe pidió reserva.';
    const [first] = sampleLeads();
    const { id } = await t.store.upsertLead({
      ...first!,
      url: 'https://kept.example/1',
      canonicalUrl: 'https://kept.example/1',
      contentHash: 'h-kept',
      title: 'Rescatan a Rosa Elvira Quispe',
      text,
      indicators: [],
      reasons: [],
      entities: [{ type: 'person', role: 'victim', text: 'Rosa Elvira Quispe', start: 0, end: 18 }],
      victims: { count: 1, minors: null, nationalities: [], evidence: [{ start: 0, end: 32, text: 'Rosa Elvira Quispe fue rescatada', supports: 'count' }] },
    });
    for (const path of [`/leads/${id}`, `/api/leads/${id}`, '/?q=rescatada', '/api/leads?q=familia']) {
      const body = (await get(path)).text;
      expect(body.toLowerCase()).not.toContain('quispe');
      expect(body.toLowerCase()).not.toContain('rosa elvira');
    }
    expect((await get(`/leads/${id}`)).text).toContain('████ ██████ ██████ fue rescatada');
  });

  it('shows a masked person of unknown role as withheld, with the role marked as not established', async () => {
    const [first] = sampleLeads();
    const text = '████ █████ trabajó sin paga. El fiscal Hugo Lara habló.';
    const { id } = await t.store.upsertLead({
      ...first!,
      url: 'https://unknown-role.example/1',
      canonicalUrl: 'https://unknown-role.example/1',
      contentHash: 'h-unknown-role',
      title: 'Caso en Quito',
      text,
      indicators: [],
      reasons: [],
      entities: [
        { type: 'person', text: '████ █████', start: 0, end: 10 },
        { type: 'person', role: 'official', text: 'Hugo Lara', start: text.indexOf('Hugo'), end: text.indexOf('Hugo') + 9 },
      ],
    });
    const page = (await get(`/leads/${id}`)).text;
    expect(page).toContain('<li><span class="muted">[name withheld]</span> <span class="pill muted">role not established</span></li>');
    expect(page).toContain('<li>Hugo Lara <span class="pill">official</span></li>');
  });

  it('answers 404 with a page for an unknown lead', async () => {
    const { status, text } = await get('/leads/0123456789abcdef01234567');
    expect(status).toBe(404);
    expect(text).toContain('<h1>Not found</h1>');
  });

  it('only links back to a list query, whatever the back parameter says', async () => {
    const { text } = await get(`/leads/${t.ids[0]}?back=${encodeURIComponent('//evil.example/x')}`);
    const href = /<a href="([^"]*)">← Back to the list/.exec(text)?.[1];
    expect(href).toBe('/?%2F%2Fevil.example%2Fx=');
  });
});

describe('status form', () => {
  it('records the change and redirects back to the lead with the list query', async () => {
    const res = await postForm(t.ids[2]!, { status: 'confirmed', by: 'Marta', note: 'checked with the NGO', back: 'label=awareness' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/leads/${t.ids[2]}?saved=confirmed&back=label%3Dawareness`);
    const lead = await t.store.getLead(t.ids[2]!);
    expect(lead?.history).toMatchObject([{ by: 'Marta', from: 'new', to: 'confirmed', note: 'checked with the NGO' }]);
    const page = await get(res.headers.get('location')!);
    expect(page.text).toContain('Status set to confirmed.');
    expect(page.text).toContain('href="/?label=awareness"');
  });

  it('shows the validation error on the lead page for a missing reviewer or a bad status', async () => {
    const noName = await postForm(t.ids[1]!, { status: 'dismissed', by: '' });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain('reviewer name is required');
    const badStatus = await postForm(t.ids[1]!, { status: 'deleted', by: 'Marta' });
    expect(badStatus.status).toBe(400);
    expect((await t.store.getLead(t.ids[1]!))?.history).toEqual([]);
  });

  it('refuses cross-site posts (another site cannot dismiss leads)', async () => {
    expect((await postForm(t.ids[1]!, { status: 'dismissed', by: 'x' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await postForm(t.ids[1]!, { status: 'dismissed', by: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postForm(t.ids[1]!, { status: 'dismissed', by: 'x' }, { origin: 'null' })).status).toBe(403);
    expect((await t.store.getLead(t.ids[1]!))?.status).toBe('new');
  });

  it('answers 404 for an unknown lead', async () => {
    expect((await postForm('0123456789abcdef01234567', { status: 'dismissed', by: 'x' })).status).toBe(404);
  });
});

describe('operator pages and assets', () => {
  it('shows source health with failing sources first and escapes error text', async () => {
    await t.store.updateSourceState('src-es', { url: 'https://diario.example/feed', lastSuccessAt: '2026-03-12T10:00:00.000Z', lastItemsFound: 7 });
    const { text } = await get('/sources');
    const order = [...text.matchAll(/<tr data-source-id="([^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual(['src-pt', 'src-es']);
    expect(text).toContain('<td class="health-failing">failing</td>');
    expect(text).toContain('HTTP &lt;503&gt;');
  });

  it('says queues are not configured in embedded mode', async () => {
    const { status, text } = await get('/queues');
    expect(status).toBe(200);
    expect(text).toContain('Queues are not configured');
  });

  it('serves the stylesheet and script from our own origin', async () => {
    expect((await get('/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('labels every form input', async () => {
    for (const path of ['/', `/leads/${t.ids[0]}`]) {
      const { text } = await get(path);
      const ids = [...text.matchAll(/<(?:input|select|textarea) id="([^"]+)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(1);
      for (const id of ids) expect(text).toContain(`<label for="${id}">`);
    }
  });
});
