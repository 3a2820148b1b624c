/**
 * The analyze stage as the workers run it, into a SQLite store, with `analyzeConcurrency` 1 (document by document,
 * as before batching) against the default (the jobs in flight extracted as one batch, workers/batching-extractor.ts),
 * and wink-nlp's English pipeline alone over the same texts as the common yardstick of `bench/extract.ts`:
 *  - embedded: analyze jobs through the in-process runner (`rastro scan`);
 *  - BullMQ (when Redis answers at REDIS_URL): a backlog of analyze jobs on a fresh queue prefix drained by one
 *    analyze worker (`rastro worker --stages analyze`); the batches are whatever BullMQ's fetching makes of them.
 * Sides alternate pass by pass in one process. Every pass starts from an empty store, so each document is a new lead
 * as in a first scan. Run: node dist/bench/pipeline.js [--seconds S] (S per section)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadConfig, silentLogger, type SourceDocument } from '../core/index.js';
import { LexiconProvider } from '../lexicons/index.js';
import { newsDocs } from './news-docs.js';
import { assertRedisReachable, bullEnqueue, closeQueues, createQueues, createStageWorker, InProcessRunner } from '../queues/index.js';
import { createBatchExtractor } from '../extractors/index.js';
import { createFetcher } from '../sources/index.js';
import { openStore } from '../store/index.js';
import { createBatchingExtractor, createProcessors } from '../workers/index.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] ?? 10) || 10;
const texts = newsDocs().map((d) => d.text);
const docs: SourceDocument[] = texts.map((text, k) => ({
  url: `https://news.example/bench/${k}`,
  canonicalUrl: `https://news.example/bench/${k}`,
  sourceId: 'bench',
  kind: 'article',
  fetchedAt: '2026-11-29T00:00:00.000Z',
  title: null,
  text,
  publishedAt: '2026-11-28T00:00:00.000Z',
  language: null,
  author: null,
  contentHash: `bench-${k}`,
}));

const defaults = loadConfig({});
const provider = new LexiconProvider(undefined);
const dir = mkdtempSync(join(tmpdir(), 'rastro-bench-pipeline-'));
let run = 0;

/** One pass: every document as an analyze job, drained; the store is new for each pass and not timed. */
async function analyzePass(analyzeConcurrency: number): Promise<{ docsPerSec: number; batches: number }> {
  const config = loadConfig({ dbPath: join(dir, `p${run++}.db`), analyzeConcurrency, logLevel: 'silent' });
  // As cli/context.ts buildDeps builds them for `rastro scan` and `rastro worker`.
  const extract = createBatchingExtractor(createBatchExtractor({ lexicons: () => provider.current }));
  const deps = { config, store: await openStore(config), fetcher: createFetcher(config, { log: silentLogger }), extract, log: silentLogger };
  const runner = new InProcessRunner(createProcessors(deps), {
    concurrency: config.concurrency,
    stageConcurrency: { analyze: config.analyzeConcurrency },
    attempts: 1,
    backoffMs: 0,
    log: silentLogger,
  });
  const t0 = process.hrtime.bigint();
  for (const [k, doc] of docs.entries()) await runner.enqueue('analyze', { doc }, `analyze-${k}`);
  const summary = await runner.drain();
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  if (summary.failures.length || summary.stages.analyze.completed !== docs.length) {
    throw new Error(`bench: ${summary.failures.length} analyze jobs failed (${summary.failures[0]?.error ?? ''})`);
  }
  const batches = extract.stats.batches;
  await deps.fetcher.close();
  await deps.store.close();
  return { docsPerSec: docs.length / elapsed, batches };
}

/** One BullMQ pass: `copies` x the documents as a backlog of analyze jobs, then one worker drains it (timed). */
async function bullmqPass(analyzeConcurrency: number, copies: number): Promise<{ docsPerSec: number; batches: number; largest: number }> {
  const n = run++;
  const config = loadConfig({ dbPath: join(dir, `q${n}.db`), analyzeConcurrency, queuePrefix: `rastro-bench-${process.pid}-${n}`, logLevel: 'silent' });
  const queues = createQueues(config);
  const jobs = Array.from({ length: copies }, (_, c) =>
    docs.map((doc, k) => ({ name: 'analyze', data: { doc: { ...doc, url: `${doc.url}/${c}`, canonicalUrl: `${doc.canonicalUrl}/${c}`, contentHash: `${doc.contentHash}-${c}` } }, opts: { jobId: `a-${c}-${k}` } })),
  ).flat();
  await queues.analyze.addBulk(jobs);
  const extract = createBatchingExtractor(createBatchExtractor({ lexicons: () => provider.current }));
  const deps = { config, store: await openStore(config), fetcher: createFetcher(config, { log: silentLogger }), extract, log: silentLogger };
  let done = 0;
  let failed: unknown = null;
  const t0 = process.hrtime.bigint();
  const worker = createStageWorker(config, 'analyze', createProcessors(deps).analyze, bullEnqueue(queues), { concurrency: analyzeConcurrency, log: silentLogger });
  await new Promise<void>((resolve) => {
    worker.on('completed', () => ++done === jobs.length && resolve());
    worker.on('failed', (_job, err) => {
      failed = err;
      resolve();
    });
  });
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  await worker.close();
  for (const q of Object.values(queues)) await q.obliterate({ force: true });
  await closeQueues(queues);
  await deps.fetcher.close();
  await deps.store.close();
  if (failed) throw new Error(`bench: an analyze job failed (${String(failed)})`);
  return { docsPerSec: jobs.length / elapsed, batches: extract.stats.batches, largest: extract.stats.largest };
}

const nlp = winkNLP(model);
const its = nlp.its;
function winkPass(): number {
  const t0 = process.hrtime.bigint();
  for (const t of texts) {
    const doc = nlp.readDoc(t);
    void (doc.entities().out(its.type).length + doc.tokens().out(its.pos).length);
  }
  return texts.length / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const require = createRequire(import.meta.url);
  const v = (p: string) => (require(`${p}/package.json`) as { version: string }).version;
  const kb = (texts.reduce((a, t) => a + t.length, 0) / texts.length / 1024).toFixed(1);
  const line = (name: string, rate: number) => console.log(`${name.padEnd(72)} ${rate.toFixed(0).padStart(7)} docs/s`);

  // Warm-up: loads the gazetteer, models and lexicons, and lets the JIT settle on both paths.
  for (let i = 0; i < 2; i++) {
    winkPass();
    await analyzePass(1);
    await analyzePass(defaults.analyzeConcurrency);
  }
  {
    const wink: number[] = [];
    const single: number[] = [];
    const batched: number[] = [];
    const batchedVsSingle: number[] = [];
    const singleVsWink: number[] = [];
    const batchedVsWink: number[] = [];
    let batches = 0;
    const deadline = Date.now() + seconds * 1000;
    do {
      const w = winkPass();
      const s = (await analyzePass(1)).docsPerSec;
      const b = await analyzePass(defaults.analyzeConcurrency);
      wink.push(w);
      single.push(s);
      batched.push(b.docsPerSec);
      batches = b.batches;
      batchedVsSingle.push(b.docsPerSec / s);
      singleVsWink.push(s / w);
      batchedVsWink.push(b.docsPerSec / w);
    } while (Date.now() < deadline || wink.length < 3);
    console.log(
      `# analyze stage, embedded runner into SQLite · node ${process.version} · better-sqlite3 ${v('better-sqlite3')} · wink-nlp ${v('wink-nlp')} · ${docs.length} docs of ~${kb} KB (es/pt/en) · ${wink.length} rounds of alternating passes, medians`,
    );
    line('wink-nlp 2.x full English pipeline alone (no store)', median(wink));
    line('analyze jobs, document by document (RASTRO_ANALYZE_CONCURRENCY=1)', median(single));
    line(`analyze jobs, ${defaults.analyzeConcurrency} in flight, batched (${batches} batches per pass)`, median(batched));
    console.log(`ratio batched / document by document (median of per-round ratios): ${median(batchedVsSingle).toFixed(2)}`);
    console.log(`ratio worker path / wink alone: document by document ${median(singleVsWink).toFixed(2)}, batched ${median(batchedVsWink).toFixed(2)}`);
  }

  const redisUp = await assertRedisReachable(defaults.redisUrl, 1000).then(
    () => true,
    () => false,
  );
  if (!redisUp) {
    console.log(`# analyze stage, BullMQ: skipped, no Redis at ${defaults.redisUrl}`);
  } else {
    const copies = 3;
    const single: number[] = [];
    const batched: number[] = [];
    const ratios: number[] = [];
    let mean = 0;
    let largest = 0;
    await bullmqPass(defaults.analyzeConcurrency, 1);
    const deadline = Date.now() + seconds * 1000;
    do {
      const s = await bullmqPass(1, copies);
      const b = await bullmqPass(defaults.analyzeConcurrency, copies);
      single.push(s.docsPerSec);
      batched.push(b.docsPerSec);
      ratios.push(b.docsPerSec / s.docsPerSec);
      mean = (copies * docs.length) / b.batches;
      largest = b.largest;
    } while (Date.now() < deadline || single.length < 3);
    console.log(
      `# analyze stage, one BullMQ ${v('bullmq')} worker on Redis draining a backlog of ${copies * docs.length} jobs into SQLite · ${single.length} rounds of alternating passes, medians`,
    );
    line('BullMQ analyze worker, concurrency 1 (document by document)', median(single));
    line(`BullMQ analyze worker, concurrency ${defaults.analyzeConcurrency} (last pass: batches of ${mean.toFixed(1)} on average, ${largest} at most)`, median(batched));
    console.log(`ratio batched / document by document (median of per-round ratios): ${median(ratios).toFixed(2)}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
