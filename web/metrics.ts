import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { LEAD_STATUSES, RELEVANCE_LABELS, describeError, type Logger, type SourceState } from '../core/index.js';
import type { LeadStore } from '../store/index.js';
import { QUEUE_STATES, allQueueCounts, type QueueMap } from './queue-info.js';

export interface WebMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  close(): void;
}

/**
 * One registry per server (never the global default): leads by label and status, source health, queue counts,
 * HTTP requests and the process/Node defaults. Store and queue figures are read at scrape time.
 */
export function createMetrics(store: LeadStore, queues: QueueMap | undefined, log: Logger): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  new Gauge({
    name: 'rastro_leads',
    help: 'Stored leads by relevance label and review status',
    labelNames: ['label', 'status'] as const,
    registers,
    async collect() {
      this.reset();
      const pairs = RELEVANCE_LABELS.flatMap((label) => LEAD_STATUSES.map((status) => ({ label, status })));
      const totals = await Promise.all(pairs.map((p) => store.listLeads({ label: p.label, status: p.status }, { limit: 0 })));
      pairs.forEach((p, i) => this.set(p, totals[i]!.total));
    },
  });

  // Several gauges are filled from one read per scrape (prom-client collects every metric concurrently).
  const readSources = sharedRead(() => store.listSourceStates());
  const sourceGauge = (name: string, help: string, value: (s: SourceState) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['source'] as const,
      registers,
      async collect() {
        this.reset();
        for (const s of await readSources()) {
          const v = value(s);
          if (v !== null) this.set({ source: s.sourceId }, v);
        }
      },
    });
  sourceGauge('rastro_source_consecutive_failures', 'Consecutive failed polls per source', (s) => s.consecutiveFailures);
  sourceGauge('rastro_source_last_items_found', 'Items found by the last poll per source', (s) => s.lastItemsFound);
  sourceGauge('rastro_source_last_success_timestamp_seconds', 'Unix time of the last successful poll per source', (s) =>
    s.lastSuccessAt ? Date.parse(s.lastSuccessAt) / 1000 : null,
  );
  sourceGauge('rastro_source_missing_date', 'Documents without a publication date per source', (s) => s.missingDate);
  sourceGauge('rastro_source_missing_text', 'Documents without extractable text per source', (s) => s.missingText);

  if (queues) {
    const readQueues = sharedRead(async () => {
      try {
        return await allQueueCounts(queues);
      } catch (err) {
        log.warn({ err: describeError(err) }, 'metrics: cannot read queue counts');
        return null;
      }
    });
    new Gauge({
      name: 'rastro_queue_up',
      help: '1 when the queues could be read at scrape time',
      registers,
      async collect() {
        this.set((await readQueues()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'rastro_queue_jobs',
      help: 'BullMQ jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        this.reset();
        for (const q of (await readQueues()) ?? []) for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, q.counts[state]);
      },
    });
  }

  const httpRequests = new Counter({
    name: 'rastro_http_requests_total',
    help: 'HTTP requests served by the review server',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });

  return { registry, httpRequests, close: () => registry.clear() };
}

/** Calls made in the same scrape share one read; the next scrape reads again. */
function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      const p = read();
      pending = p;
      const clear = () => setImmediate(() => {
        if (pending === p) pending = null;
      });
      p.then(clear, clear);
    }
    return pending;
  };
}
