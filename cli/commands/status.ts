import { ALL_QUEUES, assertRedisReachable, createQueues, closeQueues } from '../../queues/index.js';
import { openStore } from '../../store/index.js';
import { configFrom, type GlobalOptions } from '../context.js';
import { counts, table } from '../format.js';

/** `rastro status`: store statistics and per-source health; with --queues (or REDIS_URL set) the queues too. */
export async function status(opts: GlobalOptions & { queues?: boolean; json?: boolean }): Promise<number> {
  const config = configFrom(opts);
  const store = await openStore(config);
  const out: Record<string, unknown> = {};
  try {
    const stats = await store.stats();
    const sources = await store.listSourceStates();
    out.store = { kind: store.kind, ...stats };
    out.sources = sources;
    if (!opts.json) {
      process.stdout.write(`Store (${store.kind}${store.kind === 'sqlite' ? ` ${config.dbPath}` : ''})\n`);
      process.stdout.write(`  leads ${stats.leads} · documents seen ${stats.documentsSeen} · sources ${stats.sources}\n`);
      process.stdout.write(`  by label    ${counts(stats.byLabel)}\n  by status   ${counts(stats.byStatus)}\n`);
      process.stdout.write(`  by country  ${counts(stats.byCountry)}\n  by type     ${counts(stats.byType)}\n  by language ${counts(stats.byLanguage)}\n\n`);
      if (sources.length) {
        process.stdout.write('Sources\n');
        const rows = sources.map((s) => [
          s.sourceId,
          s.lastSuccessAt?.slice(0, 19) ?? '-',
          s.lastErrorAt?.slice(0, 19) ?? '-',
          String(s.consecutiveFailures),
          s.lastItemsFound === null ? '-' : String(s.lastItemsFound),
          String(s.polls),
          String(s.missingDate),
          String(s.missingText),
          s.lastError ?? '',
        ]);
        process.stdout.write(table(['SOURCE', 'LAST OK', 'LAST ERROR', 'FAILS', 'ITEMS', 'POLLS', 'NO DATE', 'NO TEXT', 'ERROR'], rows, [24, 19, 19, 5, 5, 5, 7, 7, 60]) + '\n\n');
      }
    }
  } finally {
    await store.close();
  }
  if (opts.queues || process.env.REDIS_URL) {
    await assertRedisReachable(config.redisUrl);
    const queues = createQueues(config);
    try {
      const rows: string[][] = [];
      const q: Record<string, unknown> = {};
      for (const name of ALL_QUEUES) {
        const c = await queues[name].getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
        const m = await queues[name].getMetrics('completed', 0, 15);
        const perMin = m.data.length ? m.data.slice(0, 15).reduce((a, b) => a + b, 0) / Math.min(15, m.data.length) : 0;
        const failed = await queues[name].getFailed(0, 2);
        q[name] = { ...c, completedPerMinute15: perMin, recentFailures: failed.map((j) => ({ id: j.id, reason: j.failedReason })) };
        rows.push([name, String((c.waiting ?? 0) + (c.prioritized ?? 0)), String(c.active ?? 0), String(c.completed ?? 0), String(c.failed ?? 0), String(c.delayed ?? 0), perMin.toFixed(1)]);
        for (const j of failed) rows.push(['', '', '', '', '', '', '', `failed ${j.id}: ${j.failedReason}`]);
      }
      out.queues = q;
      if (!opts.json) process.stdout.write('Queues\n' + table(['QUEUE', 'WAITING', 'ACTIVE', 'COMPLETED', 'FAILED', 'DELAYED', 'DONE/MIN (15m)', ''], rows, [11, 7, 6, 9, 6, 7, 14, 90]) + '\n');
    } finally {
      await closeQueues(queues);
    }
  }
  if (opts.json) process.stdout.write(JSON.stringify(out) + '\n');
  return 0;
}
