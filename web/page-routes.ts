import { describeError, type Lead } from '../core/index.js';
import { RELATED_DEFAULTS, findRelatedLeads } from '../workers/index.js';
import { findLead, changeStatus } from './api-routes.js';
import { APP_CSS, APP_JS } from './assets.js';
import type { WebContext } from './context.js';
import { HttpError, assertSameOrigin, readForm, redirect, sendHtml, sendText } from './http.js';
import { leadPage, type LeadPageInput } from './pages/lead-page.js';
import { listPage } from './pages/list-page.js';
import { queuesPage, sourcesPage } from './pages/ops-pages.js';
import { parseLeadQuery, parseStatusChange, toStoreQuery } from './query.js';
import { allQueueInfo } from './queue-info.js';
import { redactLead } from './redact.js';
import type { Router } from './router.js';
import { healthRows } from './source-health.js';

/** The list query a lead page returns to: re-serialised, so it can only ever be a query string of `/`. */
export function cleanBack(raw: string | null | undefined): string {
  if (!raw || raw.length > 2000) return '';
  const p = new URLSearchParams(raw);
  p.delete('back');
  p.delete('saved');
  return p.toString();
}

// --- related leads (issue 5) ---
/** Notices near an incident or incidents near a notice; a failure is logged and leaves the section out. */
async function relatedSection(ctx: WebContext, lead: Lead): Promise<LeadPageInput['related'] | null> {
  if (lead.kind !== 'notice' && lead.label !== 'incident') return null;
  try {
    return { items: await findRelatedLeads(ctx.store, lead), maxKm: RELATED_DEFAULTS.maxKm, days: RELATED_DEFAULTS.days };
  } catch (err) {
    ctx.log.warn({ leadId: lead.id, err: describeError(err) }, 'related leads failed');
    return null;
  }
}
// --- end related leads ---

/** Server-rendered review pages. The list shows `new` leads by default; dismissed ones only when asked for. */
export function addPageRoutes(router: Router, ctx: WebContext): void {
  router.get('/assets/app.css', ({ res }) => sendText(res, 200, 'text/css; charset=utf-8', APP_CSS));
  router.get('/assets/app.js', ({ res }) => sendText(res, 200, 'text/javascript; charset=utf-8', APP_JS));
  router.get('/favicon.ico', ({ res }) => {
    res.writeHead(204, { 'cache-control': 'max-age=86400' });
    res.end();
  });

  router.get('/', async ({ res, url }) => {
    const q = parseLeadQuery(url.searchParams);
    const { filter, options } = toStoreQuery(q.ok ? q.value : {}, 'new', 50);
    const { total, items } = await ctx.store.listLeads(filter, options);
    const page = listPage({
      params: url.searchParams,
      items: items.map(redactLead),
      total,
      offset: options.offset ?? 0,
      limit: options.limit ?? 50,
      ...(q.ok ? {} : { error: q.error }),
    });
    sendHtml(res, q.ok ? 200 : 400, page);
  });

  router.get('/leads/:id', async ({ res, url, params }) => {
    const lead = await findLead(ctx, params.id!);
    if (!lead) throw new HttpError(404, `no lead with id "${params.id}"`);
    const saved = url.searchParams.get('saved');
    const related = await relatedSection(ctx, lead);
    sendHtml(res, 200, leadPage({ lead: redactLead(lead), back: cleanBack(url.searchParams.get('back')), ...(saved ? { saved } : {}), ...(related ? { related } : {}) }));
  });

  router.post('/leads/:id/status', async ({ req, res, params }) => {
    assertSameOrigin(req);
    const form = await readForm(req);
    const back = cleanBack(form.back);
    const parsed = parseStatusChange({ status: form.status, by: form.by ?? '', note: form.note ?? null });
    if (!parsed.ok) {
      const lead = await findLead(ctx, params.id!);
      if (!lead) throw new HttpError(404, `no lead with id "${params.id}"`);
      return sendHtml(res, 400, leadPage({ lead: redactLead(lead), back, error: parsed.error }));
    }
    const lead = await changeStatus(ctx, params.id!, parsed.value);
    if (!lead) throw new HttpError(404, `no lead with id "${params.id}"`);
    ctx.log.info({ leadId: lead.id, status: lead.status, by: parsed.value.by }, 'lead status changed');
    const next = new URLSearchParams({ saved: lead.status, ...(back ? { back } : {}) });
    redirect(res, `/leads/${encodeURIComponent(lead.id)}?${next.toString()}`);
  });

  router.get('/sources', async ({ res }) => {
    sendHtml(res, 200, sourcesPage(healthRows(await ctx.store.listSourceStates())));
  });

  router.get('/queues', async ({ res }) => {
    if (!ctx.queues) return sendHtml(res, 200, queuesPage(null));
    try {
      sendHtml(res, 200, queuesPage(await allQueueInfo(ctx.queues)));
    } catch (err) {
      sendHtml(res, 503, queuesPage(null, describeError(err)));
    }
  });
}
