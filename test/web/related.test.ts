import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { LeadInput } from '../../store/index.js';
import { XSS_TITLE, sampleLeads, startTestServer, type TestServer } from './helpers.js';

// Invented: a missing girl last seen in Cúcuta ten days before the sample incident there was published.
const NAME = 'Yurani Inventada Pabón';

function noticeNearCucuta(): LeadInput {
  const [incident] = sampleLeads();
  return {
    ...incident!,
    kind: 'notice',
    label: 'none',
    score: 0.1,
    url: 'https://alertas.example/aviso/12',
    canonicalUrl: 'https://alertas.example/aviso/12',
    contentHash: 'h-notice-related',
    title: `Se busca a ${NAME}`,
    text: `Se busca a ${NAME}, de 16 años, vista por última vez en Cúcuta.`,
    publishedAt: '2026-03-04T09:00:00.000Z',
    indicators: [],
    entities: [],
    reasons: [],
    types: [],
    victims: { count: null, minors: null, nationalities: [] },
    notice: { name: NAME, age: 16, sex: 'female', lastSeenDate: '2026-03-02', lastSeenPlace: 'Cúcuta', authority: 'Fiscalía', alertType: 'Alerta', noticeUrl: 'https://alertas.example/aviso/12' },
  };
}

/** A second incident in Cúcuta whose title is hostile HTML, to check the section escapes it. */
function hostileIncident(): LeadInput {
  const [incident] = sampleLeads();
  return { ...incident!, url: 'https://evil.example/cucuta', canonicalUrl: 'https://evil.example/cucuta', contentHash: 'h-evil-cucuta', title: XSS_TITLE, publishedAt: '2026-03-08T08:00:00.000Z' };
}

let t: TestServer;
let incidentId: string;
let noticeId: string;
let awarenessId: string;
let evilId: string;
beforeAll(async () => {
  t = await startTestServer([...sampleLeads(), noticeNearCucuta(), hostileIncident()]);
  [incidentId, , awarenessId, , noticeId, evilId] = t.ids as [string, string, string, string, string, string];
});
afterAll(async () => {
  await t.stop();
});

interface RelatedBody {
  id: string;
  maxKm: number;
  days: number;
  items: Array<{ lead: { id: string; kind: string; title: string | null; notice: { name: string | null } | null }; distanceKm: number | null; daysApart: number | null; reasons: string[] }>;
}

describe('GET /api/leads/:id/related', () => {
  it('lists the notice near an incident with its reasons, and never the missing person\'s name', async () => {
    const res = await fetch(`${t.url}/api/leads/${incidentId}/related`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as RelatedBody;
    expect(body.items.map((x) => x.lead.id)).toEqual([noticeId]);
    const [x] = body.items;
    expect(x!.distanceKm).toBe(0);
    expect(x!.daysApart).toBe(10);
    expect(x!.reasons).toEqual([
      'same place: Cúcuta',
      'same department: Norte de Santander',
      '10 days apart (published 2026-03-12, last seen 2026-03-02)',
      'victims are minors; missing person is 16',
      'victims are female; missing person is female',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Yurani|Pabón/);
  });

  it('lists the incidents near a notice, and respects days', async () => {
    const all = (await (await fetch(`${t.url}/api/leads/${noticeId}/related`)).json()) as RelatedBody;
    expect(all.items.map((x) => x.lead.id).sort()).toEqual([incidentId, evilId].sort());
    const narrow = (await (await fetch(`${t.url}/api/leads/${noticeId}/related?days=7`)).json()) as RelatedBody;
    expect(narrow.days).toBe(7);
    expect(narrow.items.map((x) => x.lead.id)).toEqual([evilId]);
  });

  it('answers 400 for a bad km and 404 for an unknown lead', async () => {
    const bad = await fetch(`${t.url}/api/leads/${noticeId}/related?km=-5`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^km:/);
    expect((await fetch(`${t.url}/api/leads/ffffffffffffffffffffffff/related`)).status).toBe(404);
  });
});

describe('Related leads section of the lead page', () => {
  it('links each related lead with its reasons, escaped', async () => {
    const res = await fetch(`${t.url}/leads/${noticeId}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    const section = page.slice(page.indexOf('<div id="related">'));
    expect(section).toContain('<h2 id="h-related">Related leads</h2>');
    expect(section).toContain(`<a href="/leads/${incidentId}">Rescatan a 12 mujeres en una finca de Cúcuta</a>`);
    expect(section).toContain(`<tr data-related-id="${evilId}">`);
    expect(section).toContain('&lt;script&gt;window.__xss = 1&lt;/script&gt;');
    expect(section).not.toContain('<script>window.__xss');
    expect(section).toContain('<li>victims are minors; missing person is 16</li>');
    expect(page).not.toMatch(/Yurani|Pabón/);
  });

  it('is absent from an awareness article', async () => {
    const page = await (await fetch(`${t.url}/leads/${awarenessId}`)).text();
    expect(page).not.toContain('id="related"');
  });
});
