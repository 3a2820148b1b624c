import { errorKind, describeError, type Lead } from '../core/index.js';
import { RELATED_DEFAULTS, findRelatedLeads, type RelatedOptions } from '../workers/index.js';
import type { WebContext } from './context.js';
import { HttpError, readJson, sendJson } from './http.js';
import { isLeadId, parseLeadQuery, parseStatusChange, toStoreQuery, type StatusChangeInput } from './query.js';
import { allQueueInfo } from './queue-info.js';
import { redactLead } from './redact.js';
import type { Router } from './router.js';
import { healthRows } from './source-health.js';

/** Unknown id → null (404 upstream); the store's not-found error is matched by kind, never by message. */
export async function changeStatus(ctx: WebContext, id: string, change: StatusChangeInput): Promise<Lead | null> {
  if (!isLeadId(id)) return null;
  try {
    return await ctx.store.setStatus(id, { status: change.status, by: change.by, note: change.note });
  } catch (err) {
    if (errorKind(err) === 'non_retryable' && (err as { code?: string }).code === 'lead_not_found') return null;
    throw err;
  }
}

export async function findLead(ctx: WebContext, id: string): Promise<Lead | null> {
  return isLeadId(id) ? ctx.store.getLead(id) : null;
}

/**
 * JSON API. Lists default to every status but `dismissed` (`status=all` includes them). Errors are
 * `{ error: <code>, message }` with 400/404/415/503.
 */
export function addApiRoutes(router: Router, ctx: WebContext): void {
  router.get('/api/leads', async ({ res, url }) => {
    const q = parseLeadQuery(url.searchParams);
    if (!q.ok) throw new HttpError(400, q.error);
    const { filter, options } = toStoreQuery(q.value, 'open');
    const { total, items } = await ctx.store.listLeads(filter, options);
    sendJson(res, 200, { total, limit: options.limit, offset: options.offset, items: items.map(redactLead) });
  });

  router.get('/api/leads/:id', async ({ res, params }) => {
    const lead = await findLead(ctx, params.id!);
    if (!lead) throw new HttpError(404, `no lead with id "${params.id}"`);
    sendJson(res, 200, redactLead(lead));
  });

  // --- related leads (issue 5): notices near an incident, incidents near a notice ---
  router.get('/api/leads/:id/related', async ({ res, url, params }) => {
    const opts = parseRelatedQuery(url.searchParams);
    if (typeof opts === 'string') throw new HttpError(400, opts);
    const lead = await findLead(ctx, params.id!);
    if (!lead) throw new HttpError(404, `no lead with id "${params.id}"`);
    sendJson(res, 200, { id: lead.id, maxKm: opts.maxKm, days: opts.days, items: await findRelatedLeads(ctx.store, lead, opts) });
  });
  // --- end related leads ---

  router.post('/api/leads/:id/status', async ({ req, res, params }) => {
    const parsed = parseStatusChange(await readJson(req));
    if (!parsed.ok) throw new HttpError(400, parsed.error);
    const lead = await changeStatus(ctx, params.id!, parsed.value);
    if (!lead) throw new HttpError(404, `no lead with id "${params.id}"`);
    ctx.log.info({ leadId: lead.id, status: lead.status, by: parsed.value.by }, 'lead status changed');
    sendJson(res, 200, redactLead(lead));
  });

  router.get('/api/stats', async ({ res }) => {
    sendJson(res, 200, await ctx.store.stats());
  });

  router.get('/api/sources', async ({ res }) => {
    sendJson(res, 200, { sources: healthRows(await ctx.store.listSourceStates()) });
  });

  router.get('/api/queues', async ({ res }) => {
    if (!ctx.queues) return sendJson(res, 200, { enabled: false, queues: [] });
    try {
      sendJson(res, 200, { enabled: true, queues: await allQueueInfo(ctx.queues) });
    } catch (err) {
      throw new HttpError(503, `cannot read the queues: ${describeError(err)}`);
    }
  });

  router.get('/healthz', async ({ res }) => {
    try {
      await ctx.store.listLeads({}, { limit: 0 });
      sendJson(res, 200, { ok: true, store: ctx.store.kind, queues: Boolean(ctx.queues) });
    } catch (err) {
      sendJson(res, 503, { ok: false, error: describeError(err) });
    }
  });
}

/** `km`, `days`, `limit` of the related-leads endpoint; a message for a bad value. */
export function parseRelatedQuery(q: URLSearchParams): Required<RelatedOptions> | string {
  const read = (name: string, dflt: number, max: number, whole: boolean): number | string => {
    const raw = q.get(name);
    if (raw === null || raw === '') return dflt;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > max || (whole && !Number.isInteger(n))) return `${name}: expected a ${whole ? 'whole ' : ''}number from 0 to ${max}`;
    return n;
  };
  const maxKm = read('km', RELATED_DEFAULTS.maxKm, 2000, false);
  const days = read('days', RELATED_DEFAULTS.days, 3650, true);
  const limit = read('limit', RELATED_DEFAULTS.limit, 100, true);
  for (const v of [maxKm, days, limit]) if (typeof v === 'string') return v;
  return { maxKm: maxKm as number, days: days as number, limit: limit as number };
}
