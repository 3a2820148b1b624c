import { errorKind, describeError, NonRetryableError, RateLimitedError, type Logger } from '../core/index.js';
import { STAGES, type Stage } from './names.js';
import { PAYLOAD_SCHEMAS, type PayloadByStage } from './payloads.js';
import type { Enqueue, StageProcessors } from './processor.js';

export interface RunnerOptions {
  /** Jobs in flight at once, across the stages that have no pool of their own in `stageConcurrency`. */
  concurrency: number;
  /**
   * Stages with a pool of their own: jobs of that stage in flight at once, not counted in `concurrency`. The analyze
   * stage has one so that its jobs, which wait on one another to be extracted as a batch, neither starve nor are
   * starved by the fetches.
   */
  stageConcurrency?: Partial<Record<Stage, number>>;
  attempts: number;
  backoffMs: number;
  log: Logger;
  /** Longest wait honoured for a Retry-After (longer waits fail the job with its reason). */
  maxDelayMs?: number;
  onEvent?: (event: RunnerEvent) => void;
}

export type RunnerEvent =
  | { type: 'added'; stage: Stage; jobId: string }
  | { type: 'completed'; stage: Stage; jobId: string; result: unknown }
  | { type: 'retry'; stage: Stage; jobId: string; attempt: number; delayMs: number; error: string }
  | { type: 'failed'; stage: Stage; jobId: string; attempt: number; error: string; code: string | null };

export interface StageCounts {
  added: number;
  completed: number;
  failed: number;
  retried: number;
  duplicates: number;
}

export interface JobFailure {
  stage: Stage;
  jobId: string;
  subject: string;
  error: string;
  code: string | null;
  attempts: number;
}

export interface RunSummary {
  stages: Record<Stage, StageCounts>;
  failures: JobFailure[];
  elapsedMs: number;
}

interface PendingJob {
  stage: Stage;
  jobId: string;
  payload: unknown;
  attempt: number;
}

/**
 * The embedded queue: bounded concurrency, retries with exponential backoff, the same error classes and
 * the same job-id dedup as the BullMQ pipeline, all in one process. Later stages run first so documents
 * flow through instead of piling up.
 */
export class InProcessRunner {
  private readonly ready: Record<Stage, PendingJob[]> = { discover: [], fetch: [], analyze: [] };
  private readonly seen = new Set<string>();
  private readonly counts: Record<Stage, StageCounts>;
  private readonly failures: JobFailure[] = [];
  private active = 0;
  /** Jobs in flight per stage (those with a pool of their own are checked against it). */
  private readonly activeBy: Record<Stage, number> = { discover: 0, fetch: 0, analyze: 0 };
  /** Jobs in flight of the stages sharing `concurrency`. */
  private activeShared = 0;
  private delayed = 0;
  private started = Date.now();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly processors: StageProcessors,
    private readonly opts: RunnerOptions,
  ) {
    this.counts = Object.fromEntries(
      STAGES.map((s) => [s, { added: 0, completed: 0, failed: 0, retried: 0, duplicates: 0 }]),
    ) as Record<Stage, StageCounts>;
  }

  readonly enqueue: Enqueue = async (stage, payload, jobId) => {
    const key = `${stage}:${jobId}`;
    if (this.seen.has(key)) {
      this.counts[stage].duplicates++;
      return;
    }
    this.seen.add(key);
    this.counts[stage].added++;
    this.ready[stage].push({ stage, jobId, payload, attempt: 1 });
    this.opts.onEvent?.({ type: 'added', stage, jobId });
    this.pump();
  };

  /** Resolves when every queue is empty and nothing is running or waiting to retry. */
  async drain(): Promise<RunSummary> {
    this.started = Math.min(this.started, Date.now());
    if (!this.busy()) return this.summary();
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    return this.summary();
  }

  summary(): RunSummary {
    return {
      stages: structuredClone(this.counts),
      failures: [...this.failures],
      elapsedMs: Date.now() - this.started,
    };
  }

  private busy(): boolean {
    return this.active > 0 || this.delayed > 0 || STAGES.some((s) => this.ready[s].length > 0);
  }

  /** Starts every job a free slot allows, later stages first so documents flow through instead of piling up. */
  private pump(): void {
    for (let i = STAGES.length - 1; i >= 0; i--) {
      const stage = STAGES[i]!;
      const queue = this.ready[stage];
      const own = this.opts.stageConcurrency?.[stage];
      while (queue.length > 0 && (own !== undefined ? this.activeBy[stage] < own : this.activeShared < this.opts.concurrency)) {
        this.start(queue.shift()!, own === undefined);
      }
    }
  }

  private start(job: PendingJob, shared: boolean): void {
    this.active++;
    this.activeBy[job.stage]++;
    if (shared) this.activeShared++;
    void this.run(job).finally(() => {
      this.active--;
      this.activeBy[job.stage]--;
      if (shared) this.activeShared--;
      this.pump();
      if (!this.busy()) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    });
  }

  private async run(job: PendingJob): Promise<void> {
    const { stage, jobId } = job;
    const log = this.opts.log.child({ stage, jobId, attempt: job.attempt });
    try {
      const parsed = PAYLOAD_SCHEMAS[stage].safeParse(job.payload);
      if (!parsed.success) {
        throw new NonRetryableError('invalid_payload', `${stage}: job ${jobId} has an invalid payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      }
      const processor = this.processors[stage] as (p: PayloadByStage[Stage], ctx: Parameters<StageProcessors[Stage]>[1]) => Promise<unknown>;
      const result = await processor(parsed.data, { jobId, attempt: job.attempt, log, enqueue: this.enqueue });
      this.counts[stage].completed++;
      this.opts.onEvent?.({ type: 'completed', stage, jobId, result });
    } catch (err) {
      this.handleFailure(job, err, log);
    }
  }

  private handleFailure(job: PendingJob, err: unknown, log: Logger): void {
    const kind = errorKind(err);
    const message = describeError(err);
    const code = err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : null;
    const maxDelay = this.opts.maxDelayMs ?? 120_000;
    let delayMs: number | null = null;
    if (kind === 'retryable' && job.attempt < this.opts.attempts) {
      delayMs = this.opts.backoffMs * 2 ** (job.attempt - 1);
    } else if (kind === 'rate_limited' && job.attempt < this.opts.attempts + 2) {
      const wanted = err instanceof RateLimitedError ? err.retryAfterMs : this.opts.backoffMs;
      delayMs = wanted <= maxDelay ? wanted : null;
    }
    if (delayMs !== null) {
      this.counts[job.stage].retried++;
      this.opts.onEvent?.({ type: 'retry', stage: job.stage, jobId: job.jobId, attempt: job.attempt, delayMs, error: message });
      log.info({ err: message, delayMs }, 'retrying');
      this.delayed++;
      setTimeout(() => {
        this.delayed--;
        this.ready[job.stage].push({ ...job, attempt: job.attempt + 1 });
        this.pump();
      }, delayMs).unref?.();
      return;
    }
    this.counts[job.stage].failed++;
    this.failures.push({
      stage: job.stage,
      jobId: job.jobId,
      subject: subjectOf(job.payload),
      error: message,
      code,
      attempts: job.attempt,
    });
    this.opts.onEvent?.({ type: 'failed', stage: job.stage, jobId: job.jobId, attempt: job.attempt, error: message, code });
    log.warn({ err: message, kind }, 'job failed');
  }
}

function subjectOf(payload: unknown): string {
  if (payload && typeof payload === 'object') {
    const p = payload as { url?: unknown; source?: { url?: unknown; id?: unknown }; doc?: { url?: unknown } };
    if (typeof p.url === 'string') return p.url;
    if (p.source && typeof p.source.url === 'string') return p.source.url;
    if (p.doc && typeof p.doc.url === 'string') return p.doc.url;
  }
  return '';
}
