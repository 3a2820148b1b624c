import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Job } from 'bullmq';
import { loadConfig, jobIdFor } from '../../../core/index.js';
import { closeQueues, createQueues, createRedis, STAGES, type Queues, type Stage } from '../../../queues/index.js';
import { canonicalizeUrl } from '../../../sources/index.js';
import { sleep, waitFor, withTimeout } from './wait.js';

export const SHARED_REDIS = 'redis://127.0.0.1:6379';

/** A queue prefix no other test (or run) uses. */
export function uniquePrefix(name: string): string {
  return `rastro-wtest-${name}-${process.pid}-${Date.now().toString(36)}`;
}

export function openQueues(redisUrl: string, prefix: string): Queues {
  const queues = createQueues(loadConfig({ redisUrl, queuePrefix: prefix }, {}));
  for (const q of Object.values(queues)) q.on('error', () => {});
  return queues;
}

const PENDING = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;
const ALL_STATES = [...PENDING, 'completed', 'failed'] as const;
export type Counts = Record<Stage, Record<(typeof ALL_STATES)[number], number>>;

export async function jobCounts(queues: Queues): Promise<Counts> {
  const out = {} as Counts;
  for (const stage of STAGES) {
    out[stage] = (await withTimeout(queues[stage].getJobCounts(...ALL_STATES), 3000, `job counts of ${stage}`)) as Counts[Stage];
  }
  return out;
}

const pending = (c: Counts) => STAGES.reduce((n, s) => n + PENDING.reduce((m, st) => m + c[s][st], 0), 0);

/**
 * Resolves with the final counts once every stage queue is empty (nothing waiting, active, delayed) and at least
 * `minCompleted` jobs are done, on two polls in a row (a job hands its successor over before it completes, so
 * an empty pipeline between stages is not observable, but a second look costs little).
 */
export async function waitForDrain(queues: Queues, { timeoutMs = 60_000, minCompleted = 1 } = {}): Promise<Counts> {
  let quietPolls = 0;
  return waitFor(
    'the queues to drain',
    async () => {
      const c = await jobCounts(queues);
      const done = STAGES.reduce((n, s) => n + c[s].completed + c[s].failed, 0);
      quietPolls = pending(c) === 0 && done >= minCompleted ? quietPolls + 1 : 0;
      return quietPolls >= 2 && c;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/**
 * The fetch job BullMQ holds for a URL: a feed item's id comes from the canonical URL, as the discover stage
 * makes it; a page polled as its own source has one fetch job per poll, and the latest one is returned.
 */
export async function fetchJobFor(queues: Queues, url: string): Promise<Job | undefined> {
  const byId = await queues.fetch.getJob(jobIdFor('fetch', canonicalizeUrl(url)));
  if (byId) return byId;
  const jobs = await queues.fetch.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
  return jobs.filter((j) => (j.data as { url?: string } | undefined)?.url === url).sort((a, b) => b.timestamp - a.timestamp)[0];
}

/** Removes every key under the prefix (queues, host limiter) and closes the handles. */
export async function dropPrefix(redisUrl: string, prefix: string, queues?: Queues): Promise<void> {
  if (queues) await withTimeout(closeQueues(queues), 5000, 'closing queues').catch(() => {});
  const redis = createRedis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } catch {
    /* a private server already gone: nothing left to clean */
  } finally {
    redis.disconnect();
  }
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', res));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((res) => srv.close(() => res()));
  return port;
}

/** A redis-server of our own (never the shared 6379), with an append-only file in `dir`. */
export class PrivateRedis {
  private proc: ChildProcess | null = null;
  private log = '';
  constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  output(): string {
    return this.log;
  }

  async start(timeoutMs = 15_000): Promise<void> {
    const proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => (this.log += d));
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => (this.log += d));
    await waitFor(
      `redis-server on port ${this.port} to accept connections`,
      () => {
        if (proc.exitCode !== null) throw new Error(`redis-server exited ${proc.exitCode}: ${this.log.slice(-500)}`);
        return /Ready to accept connections/.test(this.log);
      },
      { timeoutMs, intervalMs: 50 },
    );
  }

  /** SIGTERM: Redis flushes its append-only file and exits 0. */
  async stop(timeoutMs = 15_000): Promise<number | null> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
    const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
    proc.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(timeoutMs).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      proc.kill('SIGKILL');
      throw new Error(`redis-server on port ${this.port} did not stop within ${timeoutMs} ms`);
    }
    this.log = '';
    return code;
  }

  kill(): void {
    if (this.proc && this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
}
