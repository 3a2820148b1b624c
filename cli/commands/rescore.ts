import { jobIdFor } from '../../core/index.js';
import { assertRedisReachable, createQueues, closeQueues } from '../../queues/index.js';
import { rescoreLeads } from '../../workers/index.js';
import { buildDeps, closeDeps, configFrom, type GlobalOptions } from '../context.js';
import { counts } from '../format.js';

export async function rescore(opts: GlobalOptions & { queue?: boolean; id?: string }): Promise<number> {
  const config = configFrom(opts);
  if (opts.queue) {
    await assertRedisReachable(config.redisUrl);
    const queues = createQueues(config);
    try {
      const job = await queues.maintenance.add('rescore', opts.id ? { leadId: opts.id } : { all: true }, { jobId: jobIdFor('rescore', `${opts.id ?? 'all'}@${Date.now()}`) });
      process.stdout.write(`queued rescore job ${job.id} on the maintenance queue\n`);
    } finally {
      await closeQueues(queues);
    }
    return 0;
  }
  const deps = await buildDeps(config);
  try {
    const s = await rescoreLeads(deps, opts.id ? { ids: [opts.id] } : {});
    process.stdout.write(`rescored ${s.scanned} leads with lexicon ${deps.provider.current.version}: ${s.changed} changed · labels now ${counts(s.labels)}\n`);
    return 0;
  } finally {
    await closeDeps(deps);
  }
}
