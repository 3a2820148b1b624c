import { Queue, Worker, UnrecoverableError, DelayedError, MetricsTime, type Job, type ConnectionOptions } from 'bullmq';
import { errorKind, describeError, type Config, type Logger, RateLimitedError } from '../core/index.js';
import { ALL_QUEUES, MAINTENANCE_QUEUE, type QueueName, type Stage } from './names.js';
import { PAYLOAD_SCHEMAS, type PayloadByStage } from './payloads.js';
import type { Enqueue, StageProcessor } from './processor.js';
import { redisOptions } from './connection.js';

/** Completed jobs are kept a week so a URL enqueued again within that time is recognised by its job id. */
export const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 200_000 };
export const KEEP_FAILED = { age: 30 * 24 * 3600, count: 50_000 };

export function connectionFor(config: Config): ConnectionOptions {
  return redisOptions(config.redisUrl) as ConnectionOptions;
}

export type Queues = Record<QueueName, Queue>;

/**
 * One Queue per stage. Connection errors are emitted as `error` events; an unhandled one would crash the process,
 * so they are logged (or dropped) here while ioredis reconnects.
 */
export function createQueues(config: Config, log?: Logger): Queues {
  const connection = connectionFor(config);
  const out = {} as Queues;
  for (const name of ALL_QUEUES) {
    const queue = new Queue(name, {
      connection,
      prefix: config.queuePrefix,
      defaultJobOptions: {
        attempts: config.attempts,
        backoff: { type: 'exponential', delay: config.backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    });
    queue.on('error', (err) => log?.warn({ queue: name, err: describeError(err) }, 'queue connection error'));
    out[name] = queue;
  }
  return out;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** The BullMQ side of `Enqueue`: job id from the canonical URL, so a URL seen twice is processed once. */
export function bullEnqueue(queues: Queues): Enqueue {
  return async (stage, payload, jobId) => {
    await queues[stage].add(stage, payload, { jobId });
  };
}

export interface StageWorkerOptions {
  concurrency: number;
  log: Logger;
  /** Lock duration; a killed worker's job is recovered as stalled after about this long. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * Wraps a stage processor as a BullMQ worker. One place maps our error classes to BullMQ:
 * non-retryable → UnrecoverableError (no more tries), rate-limited → job moved to delayed for Retry-After,
 * anything else → thrown as is (BullMQ retries with exponential backoff).
 */
export function createStageWorker<S extends Stage>(
  config: Config,
  stage: S,
  processor: StageProcessor<S>,
  enqueue: Enqueue,
  opts: StageWorkerOptions,
): Worker {
  const schema = PAYLOAD_SCHEMAS[stage];
  const worker = new Worker(
    stage,
    async (job: Job, token?: string, signal?: AbortSignal) => {
      const parsed = schema.safeParse(job.data);
      if (!parsed.success) {
        throw new UnrecoverableError(`${stage}: job ${job.id} has an invalid payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      const log = opts.log.child({ stage, jobId: job.id, attempt: job.attemptsMade + 1 });
      try {
        return await processor(parsed.data as PayloadByStage[S], {
          jobId: String(job.id),
          attempt: job.attemptsMade + 1,
          log,
          enqueue,
          ...(signal ? { signal } : {}),
        });
      } catch (err) {
        const kind = errorKind(err);
        log.warn({ err: describeError(err), kind }, 'job failed');
        if (kind === 'non_retryable' || kind === 'input' || kind === 'config') {
          throw new UnrecoverableError(describeError(err));
        }
        if (kind === 'rate_limited' && token) {
          const ms = err instanceof RateLimitedError ? err.retryAfterMs : 60_000;
          await job.moveToDelayed(Date.now() + ms, token);
          throw new DelayedError();
        }
        throw err;
      }
    },
    {
      connection: connectionFor(config),
      prefix: config.queuePrefix,
      concurrency: opts.concurrency,
      lockDuration: opts.lockDurationMs ?? 30_000,
      stalledInterval: opts.stalledIntervalMs ?? 30_000,
      maxStalledCount: 2,
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    },
  );
  worker.on('error', (err) => opts.log.warn({ stage, err: describeError(err) }, 'worker connection error'));
  return worker;
}

/** The maintenance queue (rescore after a lexicon change); one job at a time per process. */
export function createMaintenanceWorker(config: Config, handler: (name: string, data: unknown) => Promise<unknown>, log: Logger): Worker {
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job: Job) => {
      try {
        return await handler(job.name, job.data);
      } catch (err) {
        const kind = errorKind(err);
        if (kind !== 'retryable') throw new UnrecoverableError(describeError(err));
        throw err;
      }
    },
    { connection: connectionFor(config), prefix: config.queuePrefix, concurrency: 1, lockDuration: config.lockMs, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
  );
  worker.on('error', (err) => log.warn({ queue: MAINTENANCE_QUEUE, err: describeError(err) }, 'worker connection error'));
  return worker;
}
