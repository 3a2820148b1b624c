import { describeError, errorKind, type ErrorKind, type SourceConfig } from '../../core/index.js';
import { discoverSource, type DiscoverResult } from '../feeds/discover.js';
import type { FeedItem } from '../feeds/types.js';
import type { Fetcher } from '../http/index.js';

export interface SourceCheck {
  sourceId: string;
  url: string;
  ok: boolean;
  /** What was found at the URL (feed kind, folder, single), null on failure. */
  kind: DiscoverResult['kind'] | null;
  title: string | null;
  finalUrl: string | null;
  itemsFound: number;
  /** The first items (up to `sample`), for the operator to eyeball. */
  sample: FeedItem[];
  /** Items without a publication date, a per-source health signal. */
  missingDates: number;
  /** One line per problem: the fetch/parse failure, or child sitemaps that failed. */
  errors: string[];
  /** How the runtime would treat the failure (retryable, non_retryable, rate_limited), null when ok. */
  errorKind: ErrorKind | null;
  ms: number;
}

/** Fetches and parses one source the way the discover stage does, and reports what it found (`rastro sources check`). */
export async function checkSource(fetcher: Fetcher, source: SourceConfig & { isFolder?: boolean }, options: { sample?: number; signal?: AbortSignal } = {}): Promise<SourceCheck> {
  const started = Date.now();
  try {
    const r = await discoverSource(fetcher, source, options.signal ? { signal: options.signal } : {});
    return {
      sourceId: source.id,
      url: source.url,
      ok: r.items.length > 0 || r.notModified,
      kind: r.kind,
      title: r.title,
      finalUrl: r.finalUrl,
      itemsFound: r.items.length,
      sample: r.items.slice(0, options.sample ?? 5),
      missingDates: r.items.filter((i) => !i.publishedAt).length,
      errors: r.items.length === 0 && !r.notModified ? [`source ${source.id}: no items found at ${r.finalUrl}`, ...r.errors] : r.errors,
      errorKind: null,
      ms: Date.now() - started,
    };
  } catch (err) {
    return {
      sourceId: source.id,
      url: source.url,
      ok: false,
      kind: null,
      title: null,
      finalUrl: null,
      itemsFound: 0,
      sample: [],
      missingDates: 0,
      errors: [describeError(err)],
      errorKind: errorKind(err),
      ms: Date.now() - started,
    };
  }
}
