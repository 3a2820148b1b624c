import type { Worker } from 'bullmq';
import { describeError } from '../core/index.js';
import { bullEnqueue, createMaintenanceWorker, createQueues, createStageWorker, closeQueues, rescorePayload, type Queues, type Stage } from '../queues/index.js';
import { NonRetryableError } from '../core/index.js';
import { rescoreLeads } from './rescore.js';
import type { PipelineDeps } from './deps.js';
import { createProcessors } from './processors.js';

export interface RunningWorkers {
  workers: Worker[];
  queues: Queues;
  /** Graceful: stop taking jobs, let active ones finish (BullMQ releases what it cannot finish), close connections. */
  close(): Promise<void>;
}

/** A long-running BullMQ worker process for the given stages; any number of these share the work. */
export function startWorkers(deps: PipelineDeps, stages: readonly Stage[]): RunningWorkers {
  const queues = createQueues(deps.config, deps.log);
  const enqueue = bullEnqueue(queues);
  const processors = createProcessors(deps);
  const workers = stages.map((stage) =>
    createStageWorker(deps.config, stage, processors[stage] as never, enqueue, {
      // The analyze jobs in flight together are extracted as one batch (cli/context.ts, workers/batching-extractor.ts).
      concurrency: stage === 'analyze' ? deps.config.analyzeConcurrency : deps.config.concurrency,
      log: deps.log,
      lockDurationMs: deps.config.lockMs,
      stalledIntervalMs: deps.config.stalledCheckMs,
    }),
  );
  if (stages.includes('analyze')) {
    workers.push(
      createMaintenanceWorker(
        deps.config,
        async (name, data) => {
          if (name !== 'rescore') throw new NonRetryableError('unknown_job', `maintenance: unknown job "${name}"`);
          const p = rescorePayload.parse(data);
          if (p.leadId) {
            const lead = await deps.store.getLead(p.leadId);
            if (!lead) throw new NonRetryableError('lead_not_found', `rescore: no lead with id "${p.leadId}"`);
          }
          return rescoreLeads(deps, p.leadId ? { ids: [p.leadId] } : {});
        },
        deps.log,
      ),
    );
  }
  for (const w of workers) {
    w.on('failed', (job, err) => deps.log.warn({ queue: w.name, jobId: job?.id, err: describeError(err) }, 'job failed'));
    w.on('stalled', (jobId) => deps.log.warn({ queue: w.name, jobId }, 'stalled job recovered'));
  }
  let closing: Promise<void> | null = null;
  return {
    workers,
    queues,
    close: () =>
      (closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await closeQueues(queues);
      })()),
  };
}
