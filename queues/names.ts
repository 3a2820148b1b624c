/** One queue per pipeline stage, plus maintenance (rescore). */
export const STAGES = ['discover', 'fetch', 'analyze'] as const;
export type Stage = (typeof STAGES)[number];

export const MAINTENANCE_QUEUE = 'maintenance' as const;
export type QueueName = Stage | typeof MAINTENANCE_QUEUE;
export const ALL_QUEUES: readonly QueueName[] = [...STAGES, MAINTENANCE_QUEUE];

export function parseStages(list: string): Stage[] {
  const wanted = list.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = wanted.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (bad.length) throw new Error(`unknown stage "${bad.join(',')}"; expected some of ${STAGES.join(',')}`);
  return wanted as Stage[];
}
