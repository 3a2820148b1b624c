import { describeError, jobIdFor } from '../core/index.js';
import type { StageProcessor } from '../queues/index.js';
import { canonicalizeUrl, discoverSource } from '../sources/index.js';
import type { PipelineDeps } from './deps.js';

export interface DiscoverResultSummary {
  sourceId: string;
  items: number;
  notModified: boolean;
}

/** discover: a feed, sitemap, listing or folder gives item URLs; each becomes a fetch job keyed by its canonical URL. */
export function discoverProcessor(deps: PipelineDeps): StageProcessor<'discover', DiscoverResultSummary> {
  return async ({ source, force, parentUrl }, ctx) => {
    const { store } = deps;
    const state = await store.getSourceState(source.id);
    try {
      // Validators of this exact URL (a child sitemap has its own); a source state from before per-URL
      // validators still counts for the source's own URL.
      const own = force ? null : await store.getUrlValidators(source.url);
      const prior = own ?? (!force && state?.url === source.url ? state : null);
      const res = await discoverSource(deps.fetcher, source, {
        ...(prior?.etag ? { etag: prior.etag } : {}),
        ...(prior?.lastModified ? { lastModified: prior.lastModified } : {}),
      });
      if (res.kind !== 'single' && res.kind !== 'folder') {
        await store.putUrlValidators({
          url: source.url,
          // A 304 need not repeat the validators: the ones it confirmed stay.
          etag: res.notModified ? (res.etag ?? prior?.etag ?? null) : res.etag,
          lastModified: res.notModified ? (res.lastModified ?? prior?.lastModified ?? null) : res.lastModified,
          contentHash: null,
          checkedAt: res.fetchedAt,
        });
      }
      const kind = source.notices || source.kind === 'notice' ? 'notice' : 'article';
      // A page that is its own source is polled again and again: each poll revalidates it (conditional GET).
      const revalidate = res.kind === 'single';
      for (const item of res.items) {
        const canonical = canonicalizeUrl(item.url);
        await ctx.enqueue(
          'fetch',
          {
            url: item.url,
            sourceId: source.id,
            kind,
            ...(source.lang ? { langHint: source.lang } : {}),
            ...(source.country ? { countryHint: source.country } : {}),
            ...(source.selectors?.body ? { bodySelector: source.selectors.body } : {}),
            feedTitle: item.title,
            feedPublishedAt: item.publishedAt,
            ...(force ? { force } : {}),
            ...(revalidate ? { revalidate } : {}),
          },
          // A revalidation is a new job per poll; a feed item is one job per URL, whichever feed lists it.
          jobIdFor('fetch', revalidate ? `${canonical}@${ctx.jobId}` : canonical),
        );
      }
      for (const child of res.sitemaps) {
        const childPayload = { source: { ...source, url: child, kind: 'sitemap' as const }, parentUrl: parentUrl ?? source.url };
        await ctx.enqueue('discover', childPayload, jobIdFor('discover', `${child}@${Date.now()}`));
      }
      const ok = {
        lastSuccessAt: new Date().toISOString(),
        consecutiveFailures: 0,
        ...(res.errors.length ? { lastError: res.errors.join('; '), lastErrorAt: new Date().toISOString() } : {}),
      };
      // A scheduled child sitemap is part of its index's poll: it reports success and errors on the source, but
      // the source keeps its own URL, validators (the child's are per URL), poll count and items found (the
      // index's poll; children run concurrently, so a read-modify-write of a sum would lose updates).
      if (parentUrl) {
        await store.updateSourceState(source.id, { url: parentUrl, ...ok });
      } else {
        await store.updateSourceState(source.id, {
          url: source.url,
          etag: res.etag ?? state?.etag ?? null,
          lastModified: res.lastModified ?? state?.lastModified ?? null,
          ...ok,
          lastItemsFound: res.notModified ? (state?.lastItemsFound ?? 0) : res.items.length,
          polls: (state?.polls ?? 0) + 1,
        });
      }
      ctx.log.info({ source: source.id, items: res.items.length, notModified: res.notModified }, 'discovered');
      return { sourceId: source.id, items: res.items.length, notModified: res.notModified };
    } catch (err) {
      await store.updateSourceState(source.id, {
        url: parentUrl ?? source.url,
        lastError: describeError(err),
        lastErrorAt: new Date().toISOString(),
        consecutiveFailures: (state?.consecutiveFailures ?? 0) + 1,
        ...(parentUrl ? {} : { polls: (state?.polls ?? 0) + 1 }),
      });
      throw err;
    }
  };
}
