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
  return async ({ source, force }, ctx) => {
    const { store } = deps;
    const state = await store.getSourceState(source.id);
    try {
      const res = await discoverSource(deps.fetcher, source, {
        ...(state?.etag && !force ? { etag: state.etag } : {}),
        ...(state?.lastModified && !force ? { lastModified: state.lastModified } : {}),
      });
      const kind = source.notices || source.kind === 'notice' ? 'notice' : 'article';
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
          },
          jobIdFor('fetch', canonical),
        );
      }
      for (const child of res.sitemaps) {
        await ctx.enqueue('discover', { source: { ...source, url: child, kind: 'sitemap' } }, jobIdFor('discover', `${child}@${Date.now()}`));
      }
      await store.updateSourceState(source.id, {
        url: source.url,
        etag: res.etag ?? state?.etag ?? null,
        lastModified: res.lastModified ?? state?.lastModified ?? null,
        lastSuccessAt: new Date().toISOString(),
        consecutiveFailures: 0,
        lastItemsFound: res.notModified ? (state?.lastItemsFound ?? 0) : res.items.length,
        polls: (state?.polls ?? 0) + 1,
        ...(res.errors.length ? { lastError: res.errors.join('; '), lastErrorAt: new Date().toISOString() } : {}),
      });
      ctx.log.info({ source: source.id, items: res.items.length, notModified: res.notModified }, 'discovered');
      return { sourceId: source.id, items: res.items.length, notModified: res.notModified };
    } catch (err) {
      await store.updateSourceState(source.id, {
        url: source.url,
        lastError: describeError(err),
        lastErrorAt: new Date().toISOString(),
        consecutiveFailures: (state?.consecutiveFailures ?? 0) + 1,
        polls: (state?.polls ?? 0) + 1,
      });
      throw err;
    }
  };
}
