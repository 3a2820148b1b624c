import { NonRetryableError, jobIdFor, type ArticleResult, type NoticeFields, type SourceDocument } from '../core/index.js';
import type { StageProcessor } from '../queues/index.js';
import { canonicalizeUrl, contentHash, extractArticle, hostOf, parseNotice, simhash64 } from '../sources/index.js';
import type { PipelineDeps } from './deps.js';

/** Shorter than this, a page has no article to analyse (a paywall, a gallery, an error page). */
export const MIN_TEXT_CHARS = 80;

export type FetchOutcome = { url: string; canonicalUrl: string; skipped?: 'seen' | 'unchanged'; contentHash?: string };

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
    if (!p.force && (await store.getSeen(requested))) return { url: p.url, canonicalUrl: requested, skipped: 'seen' };

    const res = await deps.fetcher.fetch(p.url, { accept: 'html', ...(ctx.signal ? { signal: ctx.signal } : {}) });
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
    if (!p.force && seen && seen.contentHash === hash) return { url: p.url, canonicalUrl, skipped: 'unchanged' };

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
