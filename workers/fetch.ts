import { NonRetryableError, jobIdFor, type ArticleResult, type NoticeFields, type SourceDocument } from '../core/index.js';
import type { StageProcessor } from '../queues/index.js';
import { canonicalizeUrl, contentHash, extractArticle, hostOf, parseNotice, simhash64 } from '../sources/index.js';
import type { PipelineDeps } from './deps.js';

/** Shorter than this, a page has no article to analyse (a paywall, a gallery, an error page). */
export const MIN_TEXT_CHARS = 80;

export type FetchOutcome = {
  url: string;
  canonicalUrl: string;
  /** seen: analysed before, not requested again; not_modified: the server answered 304; unchanged: same main text. */
  skipped?: 'seen' | 'not_modified' | 'unchanged';
  contentHash?: string;
};

/**
 * The canonical URL of a fetched page: the page's own <link rel=canonical> when it stays on the same host
 * (a hostile page cannot claim another site's story), else the final URL, both canonicalised.
 */
export function canonicalFor(finalUrl: string, declared: string | null | undefined): string {
  if (declared) {
    try {
      if (hostOf(declared) === hostOf(finalUrl)) return canonicalizeUrl(declared);
    } catch {
      /* a malformed canonical link is ignored */
    }
  }
  return canonicalizeUrl(finalUrl);
}

/** fetch: a URL gives the document and its main text; unchanged documents stop here. */
export function fetchProcessor(deps: PipelineDeps): StageProcessor<'fetch', FetchOutcome> {
  return async (p, ctx) => {
    const { store } = deps;
    const requested = canonicalizeUrl(p.url);
    const seenBefore = p.force ? null : await store.getSeen(requested);
    if (seenBefore && !p.revalidate) return { url: p.url, canonicalUrl: requested, skipped: 'seen' };

    // A page analysed before is asked for conditionally. Validators are sent only when they came with the text
    // that was analysed, so a 304 always means "nothing new to analyse" (never "analysis was lost").
    const stored = seenBefore ? await store.getUrlValidators(requested) : null;
    const prior = stored && stored.contentHash === seenBefore?.contentHash ? stored : null;
    const res = await deps.fetcher.fetch(p.url, {
      accept: 'html',
      ...(prior?.etag ? { etag: prior.etag } : {}),
      ...(prior?.lastModified ? { lastModified: prior.lastModified } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (res.notModified) {
      if (!prior) throw new NonRetryableError('http_status', `fetch: GET ${p.url} returned 304 to an unconditional request`, { subject: p.url });
      await store.putUrlValidators({ ...prior, etag: res.etag ?? prior.etag, lastModified: res.lastModified ?? prior.lastModified, checkedAt: res.fetchedAt });
      return { url: p.url, canonicalUrl: requested, skipped: 'not_modified' };
    }
    // Stored once the text is handed on (or known to be unchanged): a retry after a failure refetches in full.
    const remember = (hash: string) =>
      store.putUrlValidators({ url: requested, etag: res.etag, lastModified: res.lastModified, contentHash: hash, checkedAt: res.fetchedAt });
    let article: ArticleResult;
    let notice: NoticeFields | undefined;
    if (p.kind === 'notice') {
      const parsed = parseNotice(res.body, res.finalUrl);
      article = parsed.article;
      notice = parsed.notice;
    } else {
      article = extractArticle(res.body, res.finalUrl, { fetchedAt: new Date(res.fetchedAt), ...(p.bodySelector ? { bodySelector: p.bodySelector } : {}) });
    }
    await recordHealth(deps, p.sourceId, p.url, article);
    const text = (article.text ?? '').trim();
    if (text.length < MIN_TEXT_CHARS) {
      throw new NonRetryableError('no_text', `fetch: no main text found in ${res.finalUrl} (${text.length} characters)`, { subject: p.url });
    }
    const canonicalUrl = canonicalFor(res.finalUrl, article.canonicalUrl);
    const hash = contentHash(text);
    const seen = await store.getSeen(canonicalUrl);
    if (!p.force && seen && seen.contentHash === hash) {
      await remember(hash);
      return { url: p.url, canonicalUrl, skipped: 'unchanged' };
    }

    const doc: SourceDocument = {
      url: p.url,
      canonicalUrl,
      sourceId: p.sourceId,
      kind: p.kind,
      fetchedAt: res.fetchedAt,
      title: article.title ?? p.feedTitle ?? null,
      text,
      publishedAt: article.publishedAt ?? p.feedPublishedAt ?? null,
      language: article.language,
      author: article.author,
      contentHash: hash,
      simhash: simhash64(text),
      ...(p.langHint ? { langHint: p.langHint } : {}),
      ...(p.countryHint ? { countryHint: p.countryHint } : {}),
      ...(notice ? { notice } : {}),
    };
    await ctx.enqueue('analyze', { doc }, jobIdFor('analyze', `${canonicalUrl}#${hash}`));
    await remember(hash);
    return { url: p.url, canonicalUrl, contentHash: hash };
  };
}

async function recordHealth(deps: PipelineDeps, sourceId: string, url: string, article: ArticleResult): Promise<void> {
  const missingDate = article.publishedAt ? 0 : 1;
  const missingText = article.text && article.text.trim().length >= MIN_TEXT_CHARS ? 0 : 1;
  if (!missingDate && !missingText) return;
  const state = await deps.store.getSourceState(sourceId);
  await deps.store.updateSourceState(sourceId, {
    url: state?.url ?? url,
    missingDate: (state?.missingDate ?? 0) + missingDate,
    missingText: (state?.missingText ?? 0) + missingText,
  });
}
