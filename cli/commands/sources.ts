import { InputError, type SourceKind } from '../../core/index.js';
import { addSource, checkSource, createFetcher, loadSourcesFile, removeSource } from '../../sources/index.js';
import { openStore } from '../../store/index.js';
import { configFrom, loggerFor, type GlobalOptions } from '../context.js';
import { table } from '../format.js';

const fileOf = (opts: GlobalOptions & { file?: string }) => opts.file ?? configFrom(opts).sourcesFile;

export async function sourcesList(opts: GlobalOptions & { file?: string; json?: boolean }): Promise<number> {
  const loaded = await loadSourcesFile(fileOf(opts));
  const store = await openStore(configFrom(opts));
  try {
    const states = new Map((await store.listSourceStates()).map((s) => [s.sourceId, s]));
    if (opts.json) {
      process.stdout.write(JSON.stringify(loaded.sources.map((s) => ({ ...s, health: states.get(s.id) ?? null }))) + '\n');
      return 0;
    }
    const rows = loaded.sources.map((s) => {
      const h = states.get(s.id);
      return [s.id, s.kind, s.enabled === false ? 'no' : 'yes', s.lang ?? '-', s.country ?? '-', String(s.pollMinutes ?? 30), h?.lastSuccessAt?.slice(0, 16) ?? '-', String(h?.consecutiveFailures ?? 0), s.declaredUrl];
    });
    process.stdout.write(table(['ID', 'KIND', 'ON', 'LANG', 'COUNTRY', 'POLL MIN', 'LAST OK', 'FAILS', 'URL'], rows, [24, 8, 3, 4, 7, 8, 16, 5, 70]) + `\n${rows.length} sources in ${loaded.file}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function sourcesAdd(id: string, url: string, opts: GlobalOptions & { file?: string; kind?: SourceKind; lang?: string; country?: string; poll?: string; notices?: boolean; items?: string; link?: string; body?: string }): Promise<number> {
  const poll = opts.poll === undefined ? undefined : Number(opts.poll);
  if (poll !== undefined && (!Number.isFinite(poll) || poll <= 0)) throw new InputError('flag_invalid', `--poll: "${opts.poll}" must be a positive number of minutes`);
  const selectors = { ...(opts.items ? { items: opts.items } : {}), ...(opts.link ? { link: opts.link } : {}), ...(opts.body ? { body: opts.body } : {}) };
  const entry = await addSource(fileOf(opts), {
    id,
    url,
    kind: opts.kind ?? 'feed',
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.country ? { country: opts.country } : {}),
    ...(poll !== undefined ? { pollMinutes: poll } : {}),
    ...(opts.notices ? { notices: true } : {}),
    ...(Object.keys(selectors).length ? { selectors } : {}),
  } as never);
  process.stdout.write(`added ${entry.id} (${entry.kind}) to ${fileOf(opts)}\n`);
  return 0;
}

export async function sourcesRemove(id: string, opts: GlobalOptions & { file?: string }): Promise<number> {
  await removeSource(fileOf(opts), id);
  process.stdout.write(`removed ${id} from ${fileOf(opts)}\n`);
  return 0;
}

/** Fetches and parses each source now and says what it found; exit 1 when any source fails. */
export async function sourcesCheck(ids: string[], opts: GlobalOptions & { file?: string }): Promise<number> {
  const config = configFrom(opts);
  const loaded = await loadSourcesFile(fileOf(opts));
  const chosen = ids.length ? loaded.sources.filter((s) => ids.includes(s.id)) : loaded.sources;
  const unknown = ids.filter((id) => !loaded.sources.some((s) => s.id === id));
  if (unknown.length) throw new InputError('source_unknown', `sources check: no source with id ${unknown.map((u) => `"${u}"`).join(', ')} in ${loaded.file}`);
  const fetcher = createFetcher(config, { log: loggerFor(config) });
  let failed = 0;
  try {
    for (const s of chosen) {
      const r = await checkSource(fetcher, s, { sample: 3 });
      if (!r.ok) failed++;
      process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${s.id}: ${r.kind ?? '-'} · ${r.itemsFound} items${r.title ? ` · "${r.title}"` : ''}${r.errors.length ? ` · ${r.errors.join('; ')}` : ''}\n`);
      for (const it of r.sample) process.stdout.write(`       ${it.publishedAt?.slice(0, 10) ?? '          '} ${it.title ?? ''} ${it.url}\n`);
    }
  } finally {
    await fetcher.close();
  }
  return failed ? 1 : 0;
}
