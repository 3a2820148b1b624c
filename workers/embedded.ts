import { jobIdFor, type SourceConfig } from '../core/index.js';
import { InProcessRunner, type RunnerEvent, type RunSummary } from '../queues/index.js';
import type { PipelineDeps } from './deps.js';
import { createProcessors } from './processors.js';
import type { AnalyzeOutcome } from './analyze.js';
import type { FetchOutcome } from './fetch.js';

export interface ScanSummary extends RunSummary {
  documents: number;
  skipped: number;
  leads: { created: number; updated: number; unchanged: number };
  byLabel: Record<string, number>;
  leadIds: string[];
}

export interface ScanOptions {
  force?: boolean;
  onEvent?: (event: RunnerEvent) => void;
}

/** The embedded one-shot run: every source through discover → fetch → analyze in this process. */
export async function runEmbedded(deps: PipelineDeps, sources: ReadonlyArray<SourceConfig & { isFolder?: boolean }>, opts: ScanOptions = {}): Promise<ScanSummary> {
  const byLabel: Record<string, number> = {};
  const leads = { created: 0, updated: 0, unchanged: 0 };
  const leadIds = new Set<string>();
  let documents = 0;
  let skipped = 0;
  const runner = new InProcessRunner(createProcessors(deps), {
    concurrency: deps.config.concurrency,
    // The analyze jobs in flight together are extracted as one batch (cli/context.ts, workers/batching-extractor.ts).
    stageConcurrency: { analyze: deps.config.analyzeConcurrency },
    attempts: deps.config.attempts,
    backoffMs: deps.config.backoffMs,
    log: deps.log,
    onEvent: (e) => {
      if (e.type === 'completed' && e.stage === 'fetch') {
        const r = e.result as FetchOutcome;
        if (r.skipped) skipped++;
        else documents++;
      }
      if (e.type === 'completed' && e.stage === 'analyze') {
        const r = e.result as AnalyzeOutcome;
        byLabel[r.label] = (byLabel[r.label] ?? 0) + 1;
        if (r.outcome !== 'not_a_lead') leads[r.outcome]++;
        if (r.leadId) leadIds.add(r.leadId);
      }
      opts.onEvent?.(e);
    },
  });
  const stamp = Date.now();
  for (const source of sources) {
    if (source.enabled === false) continue;
    await runner.enqueue('discover', { source, ...(opts.force ? { force: true } : {}) }, jobIdFor('discover', `${source.id}@${stamp}`));
  }
  const summary = await runner.drain();
  return { ...summary, documents, skipped, leads, byLabel, leadIds: [...leadIds] };
}
