import { describeError, type SourceConfig, type SourceState } from '../../core/index.js';
import type { Fetcher } from '../http/index.js';
import { discoverSource, type DiscoverOptions, type DiscoverResult } from './discover.js';

/** The slice of the store's LeadStore that polling needs (LeadStore satisfies it; sources may not import store/). */
export interface SourceStateStore {
  getSourceState(sourceId: string): Promise<SourceState | null>;
  updateSourceState(sourceId: string, patch: Partial<Omit<SourceState, 'sourceId'>> & { url: string }): Promise<SourceState>;
}

/**
 * One scheduled poll of a source: discovers with the validators stored from the last success
 * (conditional GET, when the URL has not changed), then records health in the store: success time,
 * validators and item count, or the failure and the run of consecutive failures. Rethrows failures
 * (our error classes) for the queue to retry or drop.
 */
export async function pollSource(
  fetcher: Fetcher,
  source: SourceConfig & { isFolder?: boolean },
  store: SourceStateStore,
  options: Omit<DiscoverOptions, 'etag' | 'lastModified'> = {},
): Promise<DiscoverResult> {
  const state = await store.getSourceState(source.id);
  const sameUrl = state?.url === source.url;
  const polls = (state?.polls ?? 0) + 1;
  try {
    const result = await discoverSource(fetcher, source, {
      ...options,
      ...(sameUrl && state?.etag ? { etag: state.etag } : {}),
      ...(sameUrl && state?.lastModified ? { lastModified: state.lastModified } : {}),
    });
    await store.updateSourceState(source.id, {
      url: source.url,
      etag: result.etag,
      lastModified: result.lastModified,
      lastSuccessAt: result.fetchedAt,
      lastError: result.errors.length > 0 ? result.errors.join('; ').slice(0, 1000) : null,
      consecutiveFailures: 0,
      lastItemsFound: result.notModified ? (state?.lastItemsFound ?? null) : result.items.length,
      polls,
    });
    return result;
  } catch (err) {
    await store.updateSourceState(source.id, {
      url: source.url,
      lastErrorAt: new Date().toISOString(),
      lastError: describeError(err).slice(0, 1000),
      consecutiveFailures: (sameUrl ? (state?.consecutiveFailures ?? 0) : 0) + 1,
      polls,
    });
    throw err;
  }
}
