import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, rastro } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'rastro-cli-'));
const env = { RASTRO_DB: join(dir, 'rastro.db') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LeadLine {
  id: string;
  kind: string;
  label: string;
  status: string;
  canonicalUrl: string;
  text: string;
  notice: { name: string | null } | null;
}
const jsonl = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LeadLine);

describe('rastro scan on the bundled samples (embedded default)', () => {
  let scanOut = '';
  beforeAll(() => {
    assertBuilt();
    const r = rastro(['scan'], { env });
    scanOut = r.stdout;
    expect(r.stderr).not.toMatch(/at .+\.js:\d+/); // no stack trace
    expect(r.code).toBe(0);
  }, 240_000);

  it('ends with a readable summary of documents, leads by label, country and type, and failures', () => {
    expect(scanOut).toMatch(/documents fetched\s+\d+/);
    expect(scanOut).toMatch(/leads by label\s+.*incident \d+/);
    expect(scanOut).toMatch(/leads by country\s+[A-Z]{2} \d+/);
    expect(scanOut).toMatch(/leads by type\s+\w+/);
    expect(scanOut).toMatch(/failures\s+none/);
  });

  it('stores at least 10 leads that `leads list` shows', () => {
    const table = rastro(['leads', 'list'], { env });
    expect(table.code).toBe(0);
    const shown = /(\d+) of (\d+) leads shown/.exec(table.stdout);
    expect(Number(shown?.[2])).toBeGreaterThanOrEqual(10);
    const leads = jsonl(rastro(['leads', 'list', '--format', 'jsonl', '--limit', '500'], { env }).stdout);
    expect(leads.length).toBe(Number(shown?.[2]));
    expect(leads.filter((l) => l.kind === 'notice').length).toBeGreaterThanOrEqual(1);
    expect(new Set(leads.map((l) => l.canonicalUrl)).size).toBe(leads.length);
  });

  it('a second scan stores nothing twice', () => {
    const before = jsonl(rastro(['leads', 'list', '--format', 'jsonl', '--all', '--limit', '500'], { env }).stdout).length;
    const r = rastro(['scan', '--quiet'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 new/);
    const after = jsonl(rastro(['leads', 'list', '--format', 'jsonl', '--all', '--limit', '500'], { env }).stdout).length;
    expect(after).toBe(before);
  });

  it('a dismissed lead stays dismissed when the same story is analysed again', () => {
    const [first] = jsonl(rastro(['leads', 'list', '--format', 'jsonl', '--label', 'incident', '--limit', '1'], { env }).stdout);
    expect(first).toBeDefined();
    const set = rastro(['leads', 'set-status', first!.id, 'dismissed', '--note', 'drug case, not trafficking', '--by', 'ana'], { env });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('new → dismissed by ana');
    const again = rastro(['scan', '--quiet', '--force'], { env });
    expect(again.code).toBe(0);
    const shown = jsonl(rastro(['leads', 'list', '--format', 'jsonl', '--limit', '500'], { env }).stdout);
    expect(shown.map((l) => l.id)).not.toContain(first!.id);
    const show = rastro(['leads', 'show', first!.id, '--json'], { env });
    const lead = JSON.parse(show.stdout) as { status: string; history: Array<{ by: string; to: string; note: string }> };
    expect(lead.status).toBe('dismissed');
    expect(lead.history).toEqual([expect.objectContaining({ by: 'ana', to: 'dismissed', note: 'drug case, not trafficking' })]);
  });

  it('shows a lead with the sentences that made it a lead', () => {
    const [lead] = jsonl(rastro(['leads', 'list', '--format', 'jsonl', '--label', 'incident', '--limit', '1'], { env }).stdout);
    const r = rastro(['leads', 'show', lead!.id], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Why this is a lead:');
    expect(r.stdout).toMatch(/»[^«]+«/);
  });

  it('exports CSV, JSON Lines and GeoJSON, masking notice names by default', () => {
    const csv = rastro(['leads', 'export', '--format', 'csv'], { env });
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^id,kind,label,score/);
    expect(rows.length).toBeGreaterThan(10);
    const geo = JSON.parse(rastro(['leads', 'export', '--format', 'geojson'], { env }).stdout) as { type: string; features: Array<{ geometry: { coordinates: number[] } }> };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    for (const f of geo.features) expect(f.geometry.coordinates).toHaveLength(2);
    const out = join(dir, 'leads.jsonl');
    expect(rastro(['leads', 'export', '--kind', 'notice', '--out', out], { env }).code).toBe(0);
    const notices = jsonl(readFileSync(out, 'utf8'));
    const unmasked = jsonl(rastro(['leads', 'export', '--kind', 'notice', '--unmask-notices'], { env }).stdout);
    expect(notices.length).toBeGreaterThan(0);
    for (const [i, n] of notices.entries()) {
      const real = unmasked[i]!.notice!.name!;
      expect(real.length).toBeGreaterThan(3);
      expect(n.notice!.name).not.toBe(real);
      expect(n.text).not.toContain(real);
    }
  });

  it('reports store statistics and per-source health', () => {
    const r = rastro(['status'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/leads \d+/);
    expect(r.stdout).toContain('demo-rss');
  });
});

describe('rastro errors are one clear line and a non-zero exit', () => {
  it.each([
    [['leads', 'list', '--status', 'bogus'], /--status: "bogus" is not one of/],
    [['leads', 'list', '--min-score', '7'], /--min-score: "7" must be a number from 0 to 1/],
    [['leads', 'show', 'no-such-id'], /no lead with id "no-such-id"/],
    [['scan', '/no/such/file.xml'], /no such file, folder or URL/],
    [['leads', 'set-status', 'x', 'maybe'], /--status: "maybe" is not one of/],
    [['nonsense-command'], /unknown command/],
  ])('%j', (args, message) => {
    const r = rastro(args, { env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreachable Redis is one line, not a stack trace', () => {
    const r = rastro(['enqueue', 'samples/sources.yaml'], { env: { ...env, REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^rastro: redis: cannot reach redis:\/\/127\.0\.0\.1:1/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a bad setting names the variable and the value', () => {
    const r = rastro(['leads', 'list'], { env: { ...env, RASTRO_CONCURRENCY: 'lots' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/RASTRO_CONCURRENCY="lots" is invalid/);
  });
});
