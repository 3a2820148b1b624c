/**
 * Publication date of a page, by precedence of the publisher's own declarations:
 * 1. the release time given to the cXense recommender (RELEASE_KEYS), then JSON-LD datePublished of the article
 *    the page describes (NewsArticle, Article, ReportageNews, @graph);
 * 2. meta tags (article:published_time and the many CMS variants);
 * 3. itemprop=datePublished and `<time pubdate|datetime>` outside related boxes, navigation and comments,
 *    those inside the article or near the headline first, never ones marked as modified;
 * 4. the date written near the headline or byline ("Publicado el 12 de marzo de 2024", "12/03/2024 - 10h30",
 *    "Atualizado em ... / Publicado em ...", "March 12, 2024"), skipping "updated" and print-edition dates;
 * 5. the date in the URL; 6. a relative date ("hace 2 horas") when the fetch time is known;
 * 7. the modification date as a last resort.
 * UTC timestamps are re-expressed in the publisher's zone so the calendar day is theirs.
 */
import type { AnyNode, Element } from 'domhandler';
import { attr, type DateContext, type PageIndex } from './page-index.js';
import { dateFromUrl, localizeUtc, parseMachineDate, parsePublishedText, parseRelativeDate, parseTextDate, shiftUtc, siteOffset } from './dates.js';
import { childrenOf, collapse, rawText } from './text.js';
import { localeRegion, type PageMeta } from './metadata.js';

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published',
  'article.published', 'datepublished', 'published_time', 'publish-date', 'publish_date', 'publishdate',
  'pubdate', 'publication_date', 'publication-date', 'date.release', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created', 'parsely-pub-date', 'sailthru.date',
  'article_date_original', 'original-publish-date',
  'date', 'datecreated', 'created', 'article:post_date', 'bt:pubdate', 'eomportal-lastupdate',
];
/**
 * The time a site hands its cXense recommender as the story's release: where a CMS's datePublished is the draft's
 * creation ("2022-05-10T23:35:55") and the story went out in the next morning's edition, this is the release
 * ("2022-05-11T04:10:00-03:00", the day the page shows its readers). Read before JSON-LD and the other tags.
 */
const RELEASE_KEYS = ['cxenseparse:recs:publishtime', 'cxenseparse:publishtime'];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dc.date.modified', 'dcterms.modified'];

export interface PublishedOptions {
  /** When the page was fetched: resolves relative dates ("hace 2 horas"); without it they are ignored. */
  fetchedAt?: Date | undefined;
}

/** Publication date as ISO 8601, or null. `topText` is the first part of the page text, for written dates. */
export function findPublishedAt(page: PageIndex, pm: PageMeta, url: string | undefined, topText: string, opts: PublishedOptions = {}): string | null {
  const region = localeRegion(page, pm);
  const d = findPublishedRaw(page, pm, url, topText, opts, region);
  if (!d) return null;
  if (siteOffset(url, region) !== 0) return localizeUtc(d, url, region);
  // A generic domain without a locale region: the zone the page writes its other timestamps in.
  const zone = pageZone(page, pm);
  if (zone !== null) return shiftUtc(d, zone);
  // No zone at all: the byline's written date is the publisher's day; trust it when it is the UTC day or
  // the day before (an evening story in the Americas).
  if (/T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/.test(d)) {
    const shown = visibleLines(page).map(({ text }) => parsePublishedText(text)).find((v) => v !== null);
    const prev = new Date(Date.parse(`${d.slice(0, 10)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (shown && shown === prev) return shown;
  }
  return d;
}

/** Short texts of date-classed elements outside furniture, the article's own byline first. */
function visibleLines(page: PageIndex): Array<{ el: Element; text: string }> {
  return bestByRank(
    page.dateish
      .slice(0, 60)
      .map((el) => ({ el, text: boundedText(el, 3000) }))
      .filter(({ text }) => text.length > 0 && text.length < 160),
    page,
    () => false,
  );
}

/** Offset (minutes) of the first non-UTC ISO timestamp among the page's meta tags, <time>s and JSON-LD. */
function pageZone(page: PageIndex, pm: PageMeta): number | null {
  const values = [
    pm.jsonLd?.dateModified,
    ...page.metas.slice(0, 200).map((el) => attr(el, 'content')),
    ...page.timeEls.map((el) => attr(el, 'datetime')),
  ];
  for (const v of values) {
    const m = v ? /^\d{4}-\d{1,2}-\d{1,2}T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})$/.exec(v.trim()) : null;
    if (!m) continue;
    const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    if (minutes !== 0 && Math.abs(minutes) <= 14 * 60) return minutes;
  }
  return null;
}

/** Collapsed text of an element, read only until `max` raw characters (date lines are short; wrappers are not). */
function boundedText(el: Element, max: number): string {
  let out = '';
  const walk = (n: AnyNode): void => {
    for (const c of childrenOf(n)) {
      if (out.length > max) return;
      if (c.type === 'text') out += (c as unknown as { data: string }).data;
      else if (c.type === 'tag') walk(c);
    }
  };
  walk(el);
  // A wrapper far longer than any date line: not one.
  return out.length > max ? '' : collapse(out);
}

/** Within a few dozen elements after the first <h1>: the byline, whatever the column is called. */
function rightUnderHeadline(ctx: DateContext, h1Order: number): boolean {
  return h1Order >= 0 && ctx.order > h1Order && ctx.order <= h1Order + 60;
}

/** Lower ranks first: the article's own header and byline before anything else on the page. */
function rank(ctx: DateContext | undefined, h1Order: number, isPubdate: boolean): number {
  if (!ctx) return 5;
  if (isPubdate) return 0;
  const nearHeadline = h1Order >= 0 && ctx.order >= h1Order - 40 && ctx.order <= h1Order + 400;
  if (ctx.inArticle && nearHeadline) return 1;
  if (nearHeadline) return 2;
  if (ctx.inArticle) return 3;
  return 4;
}

function bestByRank<T extends { el: Element }>(items: T[], page: PageIndex, pubdate: (el: Element) => boolean): T[] {
  return items
    .filter(({ el }) => {
      const ctx = page.dateCtx.get(el);
      return !ctx || (!ctx.furniture && !ctx.modified && (!ctx.chrome || rightUnderHeadline(ctx, page.h1Order)));
    })
    .map((it, i) => ({ it, i, r: rank(page.dateCtx.get(it.el), page.h1Order, pubdate(it.el)) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ it }) => it);
}

/** The text just before an element inside its parent says "updated", "actualizado", "atualizado"... */
function labelledAsUpdate(el: Element): boolean {
  const parent = el.parent;
  if (!parent || parent.type !== 'tag') return false;
  const whole = collapse(rawText(parent));
  const own = collapse(rawText(el));
  if (whole.length > 200 || own === '') return false;
  const at = whole.indexOf(own);
  return at > 0 && /(?:actualiza|atualiza|updated?|modifica)[^\d]{0,25}$/i.test(whole.slice(0, at));
}

function findPublishedRaw(page: PageIndex, pm: PageMeta, url: string | undefined, topText: string, opts: PublishedOptions, region: string | null): string | null {
  const candidates: Array<string | null | undefined> = [
    ...RELEASE_KEYS.map((k) => pm.meta.get(k)),
    pm.jsonLd?.datePublished,
    ...PUBLISHED_KEYS.map((k) => pm.meta.get(k)),
  ];
  const parsely = pm.meta.get('parsely-page');
  if (parsely) {
    try {
      candidates.push((JSON.parse(parsely) as { pub_date?: string }).pub_date);
    } catch {
      /* not JSON */
    }
  }
  for (const c of candidates) {
    const d = c ? parseMachineDate(c) : null;
    if (d) return preferLocalForm(d, page);
  }
  // The article's own <time>s and byline lines (inside the article or near the headline) come before the
  // URL; dates elsewhere on the page (a header clock, a column of other stories) only after it.
  const times = bestByRank(page.timeEls.map((el) => ({ el })), page, (el) => 'pubdate' in el.attribs || el.attribs['itemprop'] === 'datePublished');
  let cachedLines: Array<{ el: Element; text: string }> | null = null;
  const lines = (): Array<{ el: Element; text: string }> => (cachedLines ??= visibleLines(page));
  const fromTime = (el: Element): string | null => {
    if (el.attribs['itemprop'] !== 'datePublished' && labelledAsUpdate(el)) return null;
    const raw = attr(el, 'datetime') ?? attr(el, 'content') ?? attr(el, 'title') ?? rawText(el);
    return raw ? parseMachineDate(raw) : null;
  };
  const near = (el: Element): boolean => rank(page.dateCtx.get(el), page.h1Order, false) <= 3 || 'pubdate' in el.attribs || el.attribs['itemprop'] === 'datePublished';
  for (const pass of [true, false]) {
    for (const { el } of times.slice(0, 12)) {
      const d = near(el) === pass ? fromTime(el) : null;
      if (d) return d;
    }
    for (const { el, text } of lines()) {
      const d = near(el) === pass ? parsePublishedText(text) : null;
      if (d) return d;
    }
    if (pass) {
      const byUrl = url ? dateFromUrl(url) : null;
      if (byUrl) return byUrl;
    }
  }
  const inTop = parsePublishedText(topText);
  if (inTop) return inTop;
  if (opts.fetchedAt) {
    const offset = siteOffset(url, region);
    for (const { text } of lines()) {
      const d = text.length < 60 ? parseRelativeDate(text, opts.fetchedAt, offset) : null;
      if (d) return d;
    }
  }
  const modified = MODIFIED_KEYS.map((k) => pm.meta.get(k)).find((v) => !!v) ?? pm.jsonLd?.dateModified;
  const byModified = modified ? parseMachineDate(modified) : null;
  if (byModified) return byModified;
  // Only an "Actualizado el ..." line: the closest thing to a publication date the page shows.
  for (const { text } of lines()) {
    const d = parseTextDate(text);
    if (d) return d;
  }
  return null;
}

/**
 * A UTC timestamp is replaced by the page's own local rendering of the same instant when a `<time>` or
 * meta value gives one ("2022-05-04T03:37:37Z" → "2022-05-03T23:37:37-04:00"), so the day is the publisher's.
 */
function preferLocalForm(d: string, page: PageIndex): string {
  if (!/T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/.test(d)) return d;
  const instant = Date.parse(d);
  const values = [...page.metas.slice(0, 200).map((el) => attr(el, 'content') ?? ''), ...page.timeEls.map((el) => attr(el, 'datetime') ?? '')];
  for (const v of values) {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(v)) continue;
    const local = parseMachineDate(v);
    if (local && /[+-]\d{2}:\d{2}$/.test(local) && !local.endsWith('+00:00') && Math.abs(Date.parse(local) - instant) < 60_000) return local;
  }
  return d;
}
