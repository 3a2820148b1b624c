import { readFileSync } from 'node:fs';
import { InputError } from '../../core/index.js';
import { addEntry, defaultLexiconDir, lexiconStats, loadLexicons, testPattern, validateLexicons, type EntryDef } from '../../lexicons/index.js';
import { openStore } from '../../store/index.js';
import { configFrom, type GlobalOptions } from '../context.js';
import { table } from '../format.js';

const dirOf = (opts: GlobalOptions) => configFrom(opts).lexiconDir || defaultLexiconDir();

export async function lexiconValidate(opts: GlobalOptions & { json?: boolean }): Promise<number> {
  const r = validateLexicons(dirOf(opts));
  if (opts.json) {
    process.stdout.write(JSON.stringify(r) + '\n');
    return r.ok ? 0 : 1;
  }
  for (const e of r.errors) process.stdout.write(`error   ${e.file}:${e.line}: ${e.reason}\n`);
  for (const w of r.warnings) process.stdout.write(`warning ${w.file}:${w.line}: ${w.reason}\n`);
  process.stdout.write(`${r.ok ? 'ok' : 'FAILED'}: ${r.entries} entries in ${r.languages.join(', ')} · version ${r.version} · ${r.errors.length} errors, ${r.warnings.length} warnings\n`);
  return r.ok ? 0 : 1;
}

/** Hits of a pattern with their context, on given files or on stored documents. */
export async function lexiconTest(pattern: string, files: string[], opts: GlobalOptions & { lang?: string; limit?: string }): Promise<number> {
  const lang = opts.lang ?? 'es';
  let texts: Array<{ id: string; text: string }>;
  if (files.length) {
    texts = files.map((f) => {
      try {
        return { id: f, text: readFileSync(f, 'utf8') };
      } catch (err) {
        throw new InputError('file_unreadable', `lexicon test: cannot read ${f}: ${(err as Error).message}`);
      }
    });
  } else {
    const store = await openStore(configFrom(opts));
    try {
      texts = [];
      for await (const l of store.iterateLeads({ language: lang })) texts.push({ id: l.id, text: l.text });
    } finally {
      await store.close();
    }
  }
  const results = testPattern(pattern, lang, texts);
  let hits = 0;
  for (const r of results) {
    for (const h of r.hits) {
      hits++;
      process.stdout.write(`${r.id}:${h.start}  …${h.context.replace(/\s+/g, ' ')}…\n`);
    }
  }
  process.stdout.write(`${hits} hits in ${results.filter((r) => r.hits.length).length} of ${texts.length} documents\n`);
  return 0;
}

export async function lexiconAdd(opts: GlobalOptions & { lang: string; group: string; id: string; category: string; pattern: string[]; weight?: string; exclude?: string[]; match?: string[]; notMatch?: string[]; notes?: string }): Promise<number> {
  const entry: EntryDef = {
    id: opts.id,
    category: opts.category,
    weight: opts.weight === undefined ? 0.5 : Number(opts.weight),
    patterns: opts.pattern,
    ...(opts.exclude?.length ? { exclude: opts.exclude } : {}),
    ...(opts.notes ? { notes: opts.notes } : {}),
    examples: { match: opts.match ?? [], ...(opts.notMatch?.length ? { no_match: opts.notMatch } : {}) },
  } as EntryDef;
  const { file } = addEntry(dirOf(opts), opts.lang, opts.group, entry);
  process.stdout.write(`added ${opts.id} to ${file}\n`);
  return 0;
}

export async function lexiconStatsCmd(opts: GlobalOptions & { json?: boolean; byEntry?: boolean }): Promise<number> {
  const set = loadLexicons(dirOf(opts));
  const store = await openStore(configFrom(opts));
  const reviewed: Array<{ indicatorIds: string[]; status: string }> = [];
  try {
    for await (const l of store.iterateLeads({ status: ['confirmed', 'dismissed'] })) {
      reviewed.push({ indicatorIds: l.indicators.filter((i) => !i.negated).map((i) => i.id), status: l.status });
    }
  } finally {
    await store.close();
  }
  if (opts.byEntry) return entryStats(set.entries.map((e) => e.id), reviewed, set.version, opts.json === true);
  const rows = lexiconStats(set, reviewed);
  if (opts.json) {
    process.stdout.write(JSON.stringify(rows) + '\n');
    return 0;
  }
  process.stdout.write(
    table(
      ['LANG', 'CATEGORY', 'ENTRIES', 'HITS', 'CONFIRMED', 'DISMISSED', 'PRECISION'],
      rows.map((r) => [r.lang, r.category, String(r.entries), String(r.hits), String(r.confirmed), String(r.dismissed), r.precision === null ? '-' : r.precision.toFixed(2)]),
    ) + `\nlexicon version ${set.version} · ${reviewed.length} reviewed leads\n`,
  );
  return 0;
}

/** Per-term precision: for each entry, reviewed leads it fired in, confirmed vs dismissed. */
function entryStats(ids: string[], reviewed: ReadonlyArray<{ indicatorIds: string[]; status: string }>, version: string, json: boolean): number {
  const rows = ids.map((id) => {
    let confirmed = 0;
    let dismissed = 0;
    for (const r of reviewed) {
      if (!r.indicatorIds.includes(id)) continue;
      if (r.status === 'confirmed') confirmed++;
      else if (r.status === 'dismissed') dismissed++;
    }
    const n = confirmed + dismissed;
    return { id, hits: n, confirmed, dismissed, precision: n ? confirmed / n : null };
  });
  rows.sort((a, b) => b.hits - a.hits || a.id.localeCompare(b.id));
  if (json) {
    process.stdout.write(JSON.stringify(rows) + '\n');
    return 0;
  }
  const shown = rows.filter((r) => r.hits > 0);
  process.stdout.write(
    table(['ENTRY', 'HITS', 'CONFIRMED', 'DISMISSED', 'PRECISION'], shown.map((r) => [r.id, String(r.hits), String(r.confirmed), String(r.dismissed), r.precision === null ? '-' : r.precision.toFixed(2)])) +
      `\n${shown.length} of ${rows.length} entries fired in ${reviewed.length} reviewed leads · lexicon ${version}\n`,
  );
  return 0;
}
