import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction, SourceDocument } from '../../core/index.js';
import { DEFAULT_NAME_POLICY, emptyFindings, REDACTION_CHAR } from '../../extractors/index.js';
import { SqliteStore } from '../../store/index.js';
import { analysisText, toLeadInput } from '../../workers/lead-input.js';
import { rescoreLeads } from '../../workers/rescore.js';

const doc: SourceDocument = {
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  sourceId: 's',
  kind: 'article',
  fetchedAt: '2026-11-29T00:00:00Z',
  title: 'Rescatan a Micaela Rojas en Yacuiba',
  text: 'La Felcc rescató a Micaela Rojas, de 15 años. Rojas volvió con su familia.',
  publishedAt: null,
  language: 'es',
  author: null,
  contentHash: 'h',
};

function extraction(text: string): Extraction {
  const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, text: s });
  return {
    ...emptyFindings('es'),
    entities: [
      { ...at('Micaela Rojas'), type: 'person', role: 'victim' },
      { ...at('Micaela Rojas', 20), type: 'person', role: 'victim' },
    ],
    lexiconVersion: 'v',
    extractorVersion: 'x',
  };
}

describe('toLeadInput', () => {
  it("masks a victim's name in the stored headline as in the text", () => {
    const text = analysisText(doc);
    const lead = toLeadInput(doc, text, extraction(text), DEFAULT_NAME_POLICY);
    expect(lead.title).not.toContain('Micaela');
    expect(lead.title).toContain(REDACTION_CHAR);
    expect(lead.title).toHaveLength(doc.title!.length);
    expect(lead.title!.startsWith('Rescatan a ')).toBe(true);
    expect(lead.text).not.toMatch(/Micaela|Rojas/u);
  });

  it('masks a person of unknown role by default, and only victims when the deployment says so', () => {
    const t = 'Desaparece Lía Campos en Tarija\n\nLía Campos salió de su casa. La fiscal Elena Mora pidió datos.';
    const a = (s: string, from = 0) => ({ start: t.indexOf(s, from), end: t.indexOf(s, from) + s.length, text: s });
    const x: Extraction = {
      ...emptyFindings('es'),
      entities: [
        { ...a('Lía Campos'), type: 'person' },
        { ...a('Lía Campos', 20), type: 'person' },
        { ...a('Elena Mora'), type: 'person', role: 'official' },
      ],
      lexiconVersion: 'v',
      extractorVersion: 'x',
    };
    const d = { ...doc, title: 'Desaparece Lía Campos en Tarija', text: t.slice(t.indexOf('\n\n') + 2) };
    const masked = toLeadInput(d, t, x, DEFAULT_NAME_POLICY);
    expect(masked.text).not.toMatch(/Lía|Campos/u);
    expect(masked.title).toBe(`Desaparece ${REDACTION_CHAR.repeat(3)} ${REDACTION_CHAR.repeat(6)} en Tarija`);
    expect(masked.text).toContain('La fiscal Elena Mora');
    const narrow = toLeadInput(d, t, x, { keepVictimNames: false, maskUnknownRoles: false });
    expect(narrow.text).toBe(t);
    expect(narrow.title).toBe(d.title);
  });

  it('keeps the headline as published when the deployment keeps victims\' names', () => {
    const text = analysisText(doc);
    expect(toLeadInput(doc, text, extraction(text), { ...DEFAULT_NAME_POLICY, keepVictimNames: true }).title).toBe(doc.title);
  });
});

/** A fresh SQLite store in a temporary folder, closed and removed afterwards. */
async function withStore(run: (store: SqliteStore) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rastro-rescore-'));
  const store = new SqliteStore(join(dir, 't.db'));
  await store.init();
  try {
    await run(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rescoreLeads', () => {
  it('masks the headline of a lead stored with a victim name the old analysis missed', async () => {
    await withStore(async (store) => {
      const text = analysisText(doc);
      // Stored by an older analysis that found no victim: headline and text in the clear.
      const old = { ...emptyFindings('es'), lexiconVersion: 'old', extractorVersion: 'old' };
      const { id } = await store.upsertLead(toLeadInput(doc, text, old, DEFAULT_NAME_POLICY));
      const extract = async (input: { text: string }) => ({ ...extraction(input.text), lexiconVersion: 'new', extractorVersion: 'new' });
      const summary = await rescoreLeads({ store, extract: extract as never, config: DEFAULT_NAME_POLICY });
      expect(summary.changed).toBe(1);
      const lead = await store.getLead(id);
      expect(lead!.title).not.toContain('Micaela');
      expect(lead!.title!.startsWith('Rescatan a ')).toBe(true);
      expect(lead!.text).not.toContain('Micaela');
    });
  });

  it('masks again when only the name policy changed (same versions, same score)', async () => {
    await withStore(async (store) => {
      const d = { ...doc, title: null, text: 'Lía Campos salió de Tarija. La fiscal Elena Mora pidió datos.' };
      const t = analysisText(d);
      const a = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, text: s });
      const x: Extraction = {
        ...emptyFindings('es'),
        entities: [{ ...a('Lía Campos'), type: 'person' }, { ...a('Elena Mora'), type: 'person', role: 'official' }],
        lexiconVersion: 'v',
        extractorVersion: 'x',
      };
      const victimsOnly = { keepVictimNames: false, maskUnknownRoles: false };
      const { id } = await store.upsertLead(toLeadInput(d, t, x, victimsOnly));
      const extract = async () => x;
      expect((await rescoreLeads({ store, extract: extract as never, config: victimsOnly })).changed).toBe(0);
      const summary = await rescoreLeads({ store, extract: extract as never, config: DEFAULT_NAME_POLICY });
      expect(summary.changed).toBe(1);
      const lead = await store.getLead(id);
      expect(lead!.text).not.toContain('Lía');
      expect(lead!.text).toContain('La fiscal Elena Mora');
    });
  });
});
