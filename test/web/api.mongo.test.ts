import { randomUUID } from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { loadConfig, type Lead } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { startJongodb } from '../store/jongodb.js';
import { sampleLeads, startServerOn, type TestServer } from './helpers.js';

/** The same review flow over the MongoDB adapter (MONGODB_URI if set, else the jongodb binary from npm). */
let t: TestServer;
let stopMongo: (() => Promise<void>) | null = null;

beforeAll(async () => {
  let uri = process.env.MONGODB_URI ?? '';
  if (!uri) {
    const m = await startJongodb();
    uri = m.uri;
    stopMongo = m.stop;
  }
  const store = await openStore(loadConfig({ mongodbUri: uri, mongodbDb: `rastro_web_${randomUUID().slice(0, 8)}` }, {}));
  t = await startServerOn(store, sampleLeads());
}, 90_000);

afterAll(async () => {
  await t?.stop();
  await stopMongo?.();
});

describe('review API over MongoDB', () => {
  it('lists, filters, dismisses with history and hides the dismissed lead', async () => {
    const all = (await (await fetch(`${t.url}/api/leads`)).json()) as { total: number; items: Lead[] };
    expect(all.items.map((l) => l.score)).toEqual([0.91, 0.8, 0.3, 0.1]);
    const br = (await (await fetch(`${t.url}/api/leads?country=BR&type=forced_labour`)).json()) as { items: Lead[] };
    expect(br.items.map((l) => l.id)).toEqual([t.ids[1]]);
    const res = await fetch(`${t.url}/api/leads/${t.ids[0]}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'dismissed', by: 'ana', note: 'old story' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Lead).history).toMatchObject([{ by: 'ana', from: 'new', to: 'dismissed', note: 'old story' }]);
    const open = (await (await fetch(`${t.url}/api/leads`)).json()) as { items: Lead[] };
    expect(open.items.map((l) => l.id)).not.toContain(t.ids[0]);
    expect((await fetch(`${t.url}/api/leads/0123456789abcdef01234567/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"confirmed","by":"x"}' })).status).toBe(404);
  });

  it('exports lead counts by label and status in /metrics', async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/^rastro_leads\{label="incident",status="dismissed"\} 1$/m);
    expect(text).toMatch(/^rastro_leads\{label="incident",status="new"\} 1$/m);
  });
});
