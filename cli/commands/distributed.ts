import { describeError, jobIdFor } from '../../core/index.js';
import { assertRedisReachable, createQueues, closeQueues, parseStages, STAGES, type Stage } from '../../queues/index.js';
import { RedisHostLimiter, RedisRobotsStore } from '../../sources/index.js';
import { createRedis } from '../../queues/index.js';
import { startWorkers } from '../../workers/index.js';
import { buildDeps, closeDeps, configFrom, type GlobalOptions } from '../context.js';
import { resolveSources } from '../sources-arg.js';
import type { SourceKind } from '../../core/index.js';

/** `rastro worker`: a long-running BullMQ worker; SIGTERM/SIGINT finish or release its jobs, then exit. */
export async function worker(opts: GlobalOptions & { stages?: string; concurrency?: string; analyzeConcurrency?: string }): Promise<number> {
  const stages: Stage[] = opts.stages ? parseStages(opts.stages) : [...STAGES];
  const config = configFrom(opts, {
    ...(opts.concurrency ? { concurrency: Number(opts.concurrency) } : {}),
    ...(opts.analyzeConcurrency ? { analyzeConcurrency: Number(opts.analyzeConcurrency) } : {}),
  });
  const startedAt = Date.now();
  // Say at once what the process is doing: loading the extractors takes seconds, more on a loaded machine.
  const phase = (what: string) => process.stderr.write(`rastro worker ${process.pid}: ${what}\n`);
  phase('starting: checking redis');
  await assertRedisReachable(config.redisUrl);
  const redis = createRedis(config.redisUrl);
  redis.on('error', () => {});
  // A lease outlives its request only when the worker died (SIGKILL, OOM): free it once no request can still be
  // running (RASTRO_FETCH_TIMEOUT_MS bounds one), not after the limiter's generic 120 s.
  const limiter = new RedisHostLimiter(redis, { prefix: `${config.queuePrefix}:polite`, leaseTtlMs: config.fetchTimeoutMs + 5_000 });
  // robots.txt too is shared: one fetch per host per TTL for all the workers on this Redis.
  const robotsStore = new RedisRobotsStore(redis, { prefix: `${config.queuePrefix}:polite` });
  phase(`opening the ${config.mongodbUri ? 'mongodb' : 'sqlite'} store`);
  const deps = await buildDeps(config, { limiter, robotsStore });
  deps.provider.start();
  if (stages.includes('analyze')) phase('loading lexicons, gazetteer and models');
  // The first extraction loads the gazetteer and compiles each language's lexicon: seconds of blocked event loop.
  // Done before taking jobs, so it cannot outlast the locks of jobs already held (RASTRO_LOCK_MS) and lose them.
  try {
    if (stages.includes('analyze')) await Promise.all(['es', 'pt', 'en'].map((lang) => deps.extract({ text: 'Rastro warm-up.', lang })));
  } catch (err) {
    // Exit instead of hanging on the open store, watcher and Redis connection.
    deps.provider.stop();
    await closeDeps(deps);
    redis.disconnect();
    throw new Error(`worker: the extractor fails on a warm-up text, not taking jobs (${describeError(err)})`, { cause: err });
  }
  const running = startWorkers(deps, stages);
  process.stderr.write(
    `rastro worker ${process.pid}: stages ${stages.join(',')} · concurrency ${config.concurrency}${stages.includes('analyze') ? ` (analyze ${config.analyzeConcurrency}, extracted in batches)` : ''} · redis ${config.redisUrl.replace(/\/\/[^@/]*@/, '//***@')} · store ${deps.store.kind} · ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
  );
  // How the analyze jobs were grouped, for tuning RASTRO_ANALYZE_CONCURRENCY: logged (info) each minute it changed.
  const batching = () => {
    const { batches, documents, largest } = deps.extract.stats;
    return `analyzed ${documents} documents in ${batches} batches (mean ${batches ? (documents / batches).toFixed(1) : '0'}, largest ${largest})`;
  };
  let lastBatches = deps.extract.stats.batches;
  const statsTimer = setInterval(() => {
    if (deps.extract.stats.batches === lastBatches) return;
    lastBatches = deps.extract.stats.batches;
    deps.log.info({ ...deps.extract.stats }, batching());
  }, 60_000);
  statsTimer.unref();
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write(`rastro worker ${process.pid}: second ${signal}, exiting now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`rastro worker ${process.pid}: ${signal} received, finishing active jobs…\n`);
      resolve();
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
  deps.provider.stop();
  // Active jobs get the fetch timeout plus a margin to finish. Past that (e.g. Redis is down and BullMQ cannot
  // move them), exit anyway: their locks expire and another worker recovers them as stalled, so nothing is lost.
  const graceMs = config.fetchTimeoutMs + 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    running.close().then(() => false),
    new Promise<boolean>((res) => (timer = setTimeout(() => res(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    process.stderr.write(`rastro worker ${process.pid}: active jobs did not finish within ${graceMs} ms; exiting, they will be recovered as stalled\n`);
    process.exit(1);
  }
  clearInterval(statsTimer);
  await closeDeps(deps);
  redis.disconnect();
  process.stderr.write(`rastro worker ${process.pid}: stopped cleanly${stages.includes('analyze') ? ` · ${batching()} (warm-up included)` : ''}\n`);
  return 0;
}

/** `rastro enqueue SOURCE...`: puts sources on the distributed pipeline (one discover job each). */
export async function enqueue(args: string[], opts: GlobalOptions & { kind?: SourceKind; force?: boolean }): Promise<number> {
  const config = configFrom(opts);
  const sources = await resolveSources(args.length ? args : [config.sourcesFile], opts.kind);
  await assertRedisReachable(config.redisUrl);
  const queues = createQueues(config);
  try {
    const stamp = Date.now();
    for (const source of sources) {
      if (source.enabled === false) continue;
      await queues.discover.add('discover', { source, ...(opts.force ? { force: true } : {}) }, { jobId: jobIdFor('discover', `${source.id}@${stamp}`) });
      process.stdout.write(`enqueued ${source.id} (${source.kind}) ${source.url}\n`);
    }
  } finally {
    await closeQueues(queues);
  }
  return 0;
}

/** `rastro schedule`: one BullMQ job scheduler per configured feed, polling at its interval. */
export async function schedule(args: string[], opts: GlobalOptions & { every?: string; remove?: boolean }): Promise<number> {
  const config = configFrom(opts);
  const sources = await resolveSources(args.length ? args : [config.sourcesFile]);
  await assertRedisReachable(config.redisUrl);
  const queues = createQueues(config);
  try {
    for (const source of sources) {
      const id = `poll:${source.id}`;
      if (opts.remove || source.enabled === false) {
        await queues.discover.removeJobScheduler(id);
        process.stdout.write(`removed schedule ${id}\n`);
        continue;
      }
      const minutes = opts.every ? Number(opts.every) : (source.pollMinutes ?? 30);
      if (!Number.isFinite(minutes) || minutes <= 0) throw new Error(`schedule: --every "${opts.every}" must be a positive number of minutes`);
      await queues.discover.upsertJobScheduler(id, { every: Math.round(minutes * 60_000) }, { name: 'discover', data: { source } });
      process.stdout.write(`scheduled ${source.id} every ${minutes} min (${source.url})\n`);
    }
  } catch (err) {
    throw new Error(describeError(err));
  } finally {
    await closeQueues(queues);
  }
  return 0;
}
