import type { Extraction, ExtractInput } from '../core/index.js';
import { MAX_BATCH, type BatchOutcome } from '../extractors/index.js';

/** How a process's analyze jobs were grouped: for the worker's log and the pipeline bench. */
export interface BatchStats {
  batches: number;
  documents: number;
  largest: number;
}

/** `PipelineDeps['extract']` with the counts of the batches it ran. */
export interface BatchingExtractor {
  (input: ExtractInput): Promise<Extraction>;
  readonly stats: Readonly<BatchStats>;
}

interface Waiting {
  input: ExtractInput;
  resolve: (x: Extraction) => void;
  reject: (err: unknown) => void;
}

/**
 * Extraction for the analyze jobs a process runs at once, in batches (`createBatchExtractor`: each extractor runs
 * over the whole batch, so its tables stay in the CPU caches; `npm run bench` shows the gain over document by
 * document).
 *
 * Every call made before the event loop next reaches its check phase joins one batch (run from `setImmediate`).
 * Nothing waits on a timer for more documents: when the queue is quiet a batch holds the one job there is, and under
 * load the jobs that became ready while one batch ran make up the next, so batches grow with the load by themselves
 * and a job waits at most for the batch it is in. At most `maxBatch` documents per batch; the rest go in the next.
 *
 * A document an extractor throws on rejects alone (its job fails and is retried on its own); the others resolve.
 * The answers are those of `createExtractor`, document by document (test/workers/batching-extractor.test.ts).
 */
export function createBatchingExtractor(runBatch: (inputs: readonly ExtractInput[]) => BatchOutcome[], maxBatch: number = MAX_BATCH): BatchingExtractor {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch must be a positive integer, got ${maxBatch}`);
  let waiting: Waiting[] = [];
  let scheduled = false;
  const stats: BatchStats = { batches: 0, documents: 0, largest: 0 };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  function flush(): void {
    scheduled = false;
    const batch = waiting.length <= maxBatch ? waiting : waiting.slice(0, maxBatch);
    waiting = batch === waiting ? [] : waiting.slice(maxBatch);
    if (waiting.length) schedule();
    if (!batch.length) return;
    stats.batches++;
    stats.documents += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    let outcomes: BatchOutcome[];
    try {
      outcomes = runBatch(batch.map((w) => w.input));
    } catch (err) {
      // createBatchExtractor catches per document; this is for anything outside that (e.g. a lexicon getter).
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, k) => {
      const o = outcomes[k];
      if (!o) w.reject(new Error(`batch extractor returned ${outcomes.length} outcomes for ${batch.length} documents`));
      else if (o.ok) w.resolve(o.extraction);
      else w.reject(o.error);
    });
  }

  const extract = (input: ExtractInput): Promise<Extraction> =>
    new Promise<Extraction>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      schedule();
    });
  return Object.assign(extract, { stats: stats as Readonly<BatchStats> });
}
