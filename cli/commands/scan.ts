import { configFrom, buildDeps, closeDeps, type GlobalOptions } from '../context.js';
import { resolveSources } from '../sources-arg.js';
import { runEmbedded, type ScanSummary } from '../../workers/index.js';
import { counts } from '../format.js';
import type { RunnerEvent } from '../../queues/index.js';
import type { SourceKind } from '../../core/index.js';

export interface ScanOptions extends GlobalOptions {
  force?: boolean;
  kind?: SourceKind;
  quiet?: boolean;
  json?: boolean;
}

/** The embedded one-shot run: no Redis, no MongoDB; progress on stderr, a readable summary on stdout. */
export async function scan(args: string[], opts: ScanOptions): Promise<number> {
  const config = configFrom(opts);
  const sources = await resolveSources(args.length ? args : [config.sourcesFile], opts.kind);
  const deps = await buildDeps(config);
  const progress = new Progress(!opts.quiet && !opts.json);
  try {
    const summary = await runEmbedded(deps, sources, { ...(opts.force ? { force: true } : {}), onEvent: (e) => progress.on(e) });
    progress.done();
    const stats = await deps.store.stats();
    if (opts.json) {
      process.stdout.write(JSON.stringify({ summary, store: stats }) + '\n');
    } else {
      process.stdout.write(renderSummary(summary, config.dbPath, deps.store.kind) + '\n');
      const leads = await deps.store.listLeads({ status: ['new', 'needs_info', 'confirmed'] }, { limit: 1_000_000 });
      const mine = leads.items.filter((l) => summary.leadIds.includes(l.id));
      process.stdout.write(renderLeadBreakdown(mine) + '\n');
    }
    return summary.failures.length && summary.documents === 0 ? 1 : 0;
  } finally {
    await closeDeps(deps);
  }
}

export function renderSummary(s: ScanSummary, dbPath: string, storeKind: string): string {
  const lines = [
    '',
    `Scan finished in ${(s.elapsedMs / 1000).toFixed(1)} s`,
    `  sources polled     ${s.stages.discover.completed} ok, ${s.stages.discover.failed} failed`,
    `  documents fetched  ${s.documents}${s.skipped ? ` (+${s.skipped} already seen, skipped)` : ''}`,
    `  analysed           ${s.stages.analyze.completed}: ${counts(s.byLabel)}`,
    `  leads stored       ${s.leads.created} new, ${s.leads.updated} updated, ${s.leads.unchanged} unchanged  → ${storeKind === 'sqlite' ? dbPath : storeKind}`,
    `  retries            ${s.stages.discover.retried + s.stages.fetch.retried + s.stages.analyze.retried}`,
  ];
  if (s.failures.length) {
    lines.push(`  failures           ${s.failures.length}`);
    for (const f of s.failures.slice(0, 20)) lines.push(`    - ${f.stage} ${f.subject || f.jobId}: ${f.error}`);
    if (s.failures.length > 20) lines.push(`    … ${s.failures.length - 20} more`);
  } else {
    lines.push('  failures           none');
  }
  return lines.join('\n');
}

function renderLeadBreakdown(leads: Array<{ label: string; kind: string; eventCountry: string | null; countries: string[]; types: string[] }>): string {
  const by = (f: (l: (typeof leads)[number]) => string[]) => {
    const r: Record<string, number> = {};
    for (const l of leads) for (const k of f(l)) r[k] = (r[k] ?? 0) + 1;
    return r;
  };
  return [
    `  leads by label     ${counts(by((l) => [l.kind === 'notice' ? 'notice' : l.label]))}`,
    `  leads by country   ${counts(by((l) => (l.eventCountry ? [l.eventCountry] : l.countries.slice(0, 1))))}`,
    `  leads by type      ${counts(by((l) => l.types))}`,
    '',
    'Next: `rastro leads list` to review them, `rastro serve` for the review pages.',
  ].join('\n');
}

/** Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise. */
class Progress {
  private n = { discovered: 0, fetched: 0, analyzed: 0, failed: 0, retries: 0 };
  private last = 0;
  constructor(private readonly enabled: boolean) {}
  on(e: RunnerEvent): void {
    if (!this.enabled) return;
    if (e.type === 'completed') {
      if (e.stage === 'discover') this.n.discovered++;
      if (e.stage === 'fetch') this.n.fetched++;
      if (e.stage === 'analyze') this.n.analyzed++;
    } else if (e.type === 'failed') {
      this.n.failed++;
    } else if (e.type === 'retry') {
      this.n.retries++;
    }
    const now = Date.now();
    const tty = process.stderr.isTTY === true;
    if (now - this.last < (tty ? 100 : 2000)) return;
    this.last = now;
    this.write(tty);
  }
  private write(tty: boolean): void {
    const { discovered, fetched, analyzed, failed, retries } = this.n;
    const line = `scanning: ${discovered} sources, ${fetched} fetched, ${analyzed} analysed, ${failed} failed, ${retries} retries`;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
  done(): void {
    if (!this.enabled) return;
    this.write(process.stderr.isTTY === true);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}
