import type { Queue } from 'bullmq';

/** What the web server reads from a BullMQ queue (the `Queues` record of queues/ satisfies it). */
export type QueueLike = Pick<Queue, 'name' | 'getJobCounts' | 'getFailed' | 'getMetrics'>;
export type QueueMap = Readonly<Record<string, QueueLike>>;

export const QUEUE_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized', 'waiting-children'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface FailedJobInfo {
  id: string | null;
  name: string;
  attemptsMade: number;
  failedReason: string;
  failedAt: string | null;
}

export interface QueueInfo {
  queue: string;
  counts: Record<QueueState, number>;
  /** Jobs completed / failed over the last hour, from BullMQ metrics (0 unless workers record metrics). */
  completedLastHour: number;
  failedLastHour: number;
  failed: FailedJobInfo[];
}

export async function queueCounts(q: QueueLike): Promise<Record<QueueState, number>> {
  const raw = await q.getJobCounts(...QUEUE_STATES);
  return Object.fromEntries(QUEUE_STATES.map((s) => [s, raw[s] ?? 0])) as Record<QueueState, number>;
}

async function lastHour(q: QueueLike, type: 'completed' | 'failed'): Promise<number> {
  const m = await q.getMetrics(type, 0, 59);
  return m.data.reduce((a, b) => a + (Number(b) || 0), 0);
}

/** Counts per state and the most recent failed jobs with their reasons (job data is not included: it holds URLs only, but stays out of the page). */
export async function queueInfo(q: QueueLike, failedLimit = 20): Promise<QueueInfo> {
  const [counts, failedJobs, completedLastHour, failedLastHour] = await Promise.all([
    queueCounts(q),
    q.getFailed(0, Math.max(0, failedLimit - 1)),
    lastHour(q, 'completed'),
    lastHour(q, 'failed'),
  ]);
  const failed = failedJobs
    .filter((j): j is NonNullable<typeof j> => Boolean(j))
    .map((j) => ({
      id: j.id ?? null,
      name: j.name,
      attemptsMade: j.attemptsMade,
      failedReason: j.failedReason ?? '',
      failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    }));
  return { queue: q.name, counts, completedLastHour, failedLastHour, failed };
}

/** Redis reads give up after this long: BullMQ queues commands while Redis is down, and a page must not hang. */
export const QUEUE_READ_TIMEOUT_MS = 3000;

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function allQueueInfo(queues: QueueMap, failedLimit = 20, timeoutMs = QUEUE_READ_TIMEOUT_MS): Promise<QueueInfo[]> {
  return withTimeout(Promise.all(Object.values(queues).map((q) => queueInfo(q, failedLimit))), timeoutMs, 'queues');
}

export async function allQueueCounts(queues: QueueMap, timeoutMs = QUEUE_READ_TIMEOUT_MS): Promise<Array<{ name: string; counts: Record<QueueState, number> }>> {
  return withTimeout(Promise.all(Object.values(queues).map(async (q) => ({ name: q.name, counts: await queueCounts(q) }))), timeoutMs, 'queue counts');
}
