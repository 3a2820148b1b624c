/**
 * extractArticle: main text and metadata of a news page. Never throws on malformed HTML: whatever
 * cannot be found is null and listed in `missing`.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { ArticleResult } from '../../core/index.js';
import { computeStats, selectContent } from './content.js';
import { filterParagraphs, makeSkipper } from './clean.js';
import { prune } from './prune.js';
import { blocksToText, childrenOf, collapse, collapsedLength, limitDepth, rawText } from './text.js';
import { parseMachineDate } from './dates.js';
import type { PageMeta } from './metadata.js';
import { indexPage } from './page-index.js';
import { findAuthor, findCanonical, findLanguage, findTitle, readMeta } from './metadata.js';
import { findPublishedAt } from './published.js';

export interface ExtractArticleOptions {
  /** CSS selector of the article body for a known source; the scorer is used when it matches nothing. */
  bodySelector?: string;
  titleSelector?: string;
  dateSelector?: string;
  /** When the page was fetched: lets relative dates ("hace 2 horas", "há 3 dias") resolve. */
  fetchedAt?: Date;
}

function selectorText($: CheerioAPI, selector: string | undefined): string | null {
  if (!selector) return null;
  try {
    const t = collapse($(selector).first().text());
    return t === '' ? null : t;
  } catch {
    return null;
  }
}

function selectorDate($: CheerioAPI, selector: string | undefined, parse: (s: string) => string | null): string | null {
  if (!selector) return null;
  try {
    const el = $(selector).first();
    const raw = el.attr('datetime') ?? el.attr('content') ?? el.text();
    return raw ? parse(raw) : null;
  } catch {
    return null;
  }
}

/** Share of 6-word probes of `reference` found in `text`: low when the scorer picked another block. */
function coverage(reference: string, text: string): number {
  // Letters and digits only: structured bodies often glue paragraphs or differ in quotes and spacing.
  const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const words = collapse(reference).split(' ');
  const hay = squash(text);
  let probes = 0;
  let hits = 0;
  for (let i = 0; i + 6 <= words.length && probes < 20; i += Math.max(6, Math.floor(words.length / 20))) {
    const probe = squash(words.slice(i + 1, i + 5).join(' '));
    if (probe.length < 12) continue;
    probes++;
    if (hay.includes(probe)) hits++;
  }
  return probes ? hits / probes : 1;
}

/** The JSON-LD body split into paragraphs (publishers separate them with newlines, if at all). */
function ldBodyText(body: string): string {
  // Publishers put plain text, HTML or entity-encoded HTML here: parse it as HTML either way.
  const withBreaks = body.replace(/\r?\n\s*/g, '<br>');
  const root = load(`<div>${withBreaks}</div>`)('div').first()[0];
  return root ? blocksToText([root]).split('\n').map((p) => collapse(p)).filter((p) => p !== '').join('\n\n') : '';
}

const STANDFIRST_TAGS = new Set(['h2', 'h3', 'p', 'div', 'span']);
const STANDFIRST_HINT = /(?:lead|bajada|subtit|sumario|summary|excerpt|standfirst|deck|dek|resumen|copete|chamada|linha-fina|olho|entradilla|descri|intro|epigra(?:fe|ph)|lede|abstract|sub-?head|gorro|volanta|bigote)/i;

/**
 * The standfirst (lead under the headline): an element marked as such whose text is the page's meta
 * description. It usually sits outside the body container, so the scorer alone would miss it.
 */
function findStandfirst(root: AnyNode, pm: PageMeta): string | null {
  const lead = collapse(pm.meta.get('og:description') ?? pm.meta.get('description') ?? '');
  if (lead.length < 60) return null;
  const probe = lead.slice(0, 60);
  let found: string | null = null;
  const walk = (n: AnyNode): void => {
    for (const c of childrenOf(n)) {
      if (found !== null || c.type !== 'tag') continue;
      const a = c.attribs;
      if (STANDFIRST_TAGS.has(c.name) && (a['class'] || a['id'] || a['itemprop'])) {
        const hint = `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['itemprop'] ?? ''}`;
        if (STANDFIRST_HINT.test(hint)) {
          const len = collapsedLength(rawText(c));
          if (len >= lead.length * 0.8 && len <= lead.length * 1.3) {
            const t = collapse(rawText(c));
            if (t.includes(probe)) found = t;
          }
        }
      }
      walk(c);
    }
  };
  walk(root);
  return found;
}

export function extractArticle(html: string, url?: string, opts: ExtractArticleOptions = {}): ArticleResult {
  let $: CheerioAPI;
  try {
    $ = load(typeof html === 'string' ? html : '');
  } catch {
    return { title: null, text: null, publishedAt: null, language: null, author: null, canonicalUrl: url ?? null, missing: ['title', 'text', 'date'] };
  }
  limitDepth($.root()[0] as AnyNode);
  const page = indexPage($.root()[0] as AnyNode);
  const pm = readMeta(page, url);
  const title = selectorText($, opts.titleSelector) ?? findTitle(page, pm);
  const language = findLanguage(page, pm);
  const author = findAuthor(page, pm);
  const canonicalUrl = findCanonical(page, pm, url);
  const bodyEl = page.body;
  const pageText = collapse(rawText(bodyEl));
  const standfirst = findStandfirst(bodyEl, pm);
  const topText = pageText.slice(0, 4000);
  const publishedAt =
    selectorDate($, opts.dateSelector, parseMachineDate) ??
    findPublishedAt(page, pm, url, topText, { fetchedAt: opts.fetchedAt });

  let nodes: Element[] = [];
  if (opts.bodySelector) {
    try {
      nodes = $(opts.bodySelector).toArray().filter((n): n is Element => n.type === 'tag');
    } catch {
      nodes = [];
    }
  }
  const microdataBody = page.articleBodies
    .map((el) => blocksToText([el]))
    .reduce((a, b) => (b.length > a.length ? b : a), '');
  let text: string;
  const configured = nodes.length > 0;
  if (configured) {
    // A configured body is trusted: only scripts, hidden and furniture-classed blocks inside it go.
    for (const n of nodes) prune(n, Infinity);
    text = filterParagraphs(blocksToText(nodes));
  } else {
    prune(bodyEl, pageText.length);
    const stats = computeStats(bodyEl);
    nodes = selectContent(bodyEl, stats).nodes;
    text = nodes.length ? filterParagraphs(blocksToText(nodes, makeSkipper(stats, title))) : '';
  }

  // Structured bodies (JSON-LD articleBody, microdata) win when the scorer found much less text.
  if (!configured) {
    const ldBody = pm.jsonLd?.articleBody ? ldBodyText(pm.jsonLd.articleBody) : '';
    const domText = text;
    const better = [ldBody, microdataBody].find(
      (structured) =>
        structured.length > 200 &&
        (domText.length < structured.length * 0.6 || (structured.length > 500 && coverage(structured, domText) < 0.3)),
    );
    if (better) text = better;
  }

  if (!configured && standfirst && text && !collapse(text).includes(standfirst.slice(0, 60))) text = `${standfirst}\n\n${text}`;

  const missing: Array<'title' | 'text' | 'date'> = [];
  if (!title) missing.push('title');
  if (!text) missing.push('text');
  if (!publishedAt) missing.push('date');
  return { title: title || null, text: text || null, publishedAt, language, author, canonicalUrl, missing };
}
