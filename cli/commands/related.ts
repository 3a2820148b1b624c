import { InputError } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { RELATED_DEFAULTS, findRelatedLeads, type RelatedLead } from '../../workers/index.js';
import { configFrom, type GlobalOptions } from '../context.js';
import { table } from '../format.js';

export interface RelatedFlags {
  km?: string;
  days?: string;
  limit?: string;
  json?: boolean;
}

function positive(flag: string, v: string | undefined, dflt: number, whole: boolean): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) {
    throw new InputError('flag_invalid', `--${flag}: "${v}" must be a ${whole ? 'whole ' : ''}number of 0 or more`);
  }
  return n;
}

const HEADERS = ['ID', 'KIND', 'STATUS', 'KM', 'DAYS', 'SCORE', 'DATE', 'TITLE'];

function row(r: RelatedLead): string[] {
  const l = r.lead;
  return [
    l.id,
    l.kind === 'notice' ? 'notice' : l.label,
    l.status,
    r.distanceKm === null ? '-' : String(Math.round(r.distanceKm)),
    r.daysApart === null ? '-' : String(r.daysApart),
    r.score.toFixed(2),
    (l.notice?.lastSeenDate ?? l.publishedAt ?? l.fetchedAt).slice(0, 10),
    (l.title ?? '(untitled)').replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, ''), // no terminal escapes from web text
  ];
}

/** `rastro leads related ID`: notices near an incident, or incidents near a notice, in place and time. */
export async function leadsRelated(id: string, opts: GlobalOptions & RelatedFlags): Promise<number> {
  const maxKm = positive('km', opts.km, RELATED_DEFAULTS.maxKm, false);
  const days = positive('days', opts.days, RELATED_DEFAULTS.days, true);
  const limit = positive('limit', opts.limit, RELATED_DEFAULTS.limit, true);
  const store = await openStore(configFrom(opts));
  try {
    const lead = await store.getLead(id);
    if (!lead) throw new InputError('lead_not_found', `leads related: no lead with id "${id}"`);
    const related = await findRelatedLeads(store, lead, { maxKm, days, limit });
    if (opts.json) {
      process.stdout.write(JSON.stringify({ id, maxKm, days, items: related }, null, 2) + '\n');
      return 0;
    }
    const what = lead.kind === 'notice' ? 'incidents' : 'notices';
    if (lead.kind !== 'notice' && lead.label !== 'incident') {
      process.stdout.write(`${id} is a ${lead.label} article: only notices and incidents have related leads\n`);
      return 0;
    }
    if (related.length === 0) {
      process.stdout.write(`no ${what} within ${maxKm} km and ${days} days of ${id}${lead.places.length ? '' : ' (it has no resolved places)'}\n`);
      return 0;
    }
    // One row per lead, its reasons indented under it.
    const [head, rule, ...rows] = table(HEADERS, related.map(row), [24, 9, 10, 5, 4, 5, 10, 60]).split('\n');
    const lines = [head, rule, ...rows.flatMap((line, i) => [line, ...related[i]!.reasons.map((why) => `    · ${why}`)])];
    process.stdout.write(lines.join('\n') + '\n');
    const noun = related.length === 1 ? what.slice(0, -1) : what;
    process.stdout.write(`${related.length} ${noun} within ${maxKm} km and ${days} days of ${id}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
