import type { Logger } from '../core/index.js';
import type { PayloadByStage } from './payloads.js';
import type { Stage } from './names.js';

/** How a processor hands work to the next stage; the job id makes the hand-off idempotent. */
export type Enqueue = <S extends Stage>(stage: S, payload: PayloadByStage[S], jobId: string) => Promise<void>;

export interface JobContext {
  readonly jobId: string;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  enqueue: Enqueue;
}

/**
 * A processor is a plain async function of a validated payload (BullMQ's Processor shape, minus the Job),
 * so the embedded runner and BullMQ workers run the very same code.
 */
export type StageProcessor<S extends Stage, R = unknown> = (payload: PayloadByStage[S], ctx: JobContext) => Promise<R>;

export type StageProcessors = { [S in Stage]: StageProcessor<S> };
