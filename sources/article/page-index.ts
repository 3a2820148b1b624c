/**
 * One walk over the parsed page collecting every element the metadata readers need (meta tags, JSON-LD,
 * title, headings, time elements, bylines, microdata bodies). On small pages, separate CSS queries cost
 * more than parsing; a single pass keeps extraction several times faster than a DOM + Readability.
 */
import type { AnyNode, Element } from 'domhandler';
import { childrenOf, rawText } from './text.js';

export interface PageIndex {
  root: AnyNode;
  body: AnyNode;
  html: Element | null;
  metas: Element[];
  /** Text of each `<script type="application/ld+json">`. */
  ldScripts: string[];
  /** Text of the first `<title>` in `<head>`, else the first anywhere. */
  title: string;
  /** The first five `<h1>`. */
  h1s: Element[];
  canonical: string | null;
  /** Elements that may carry the publication date: itemprop=datePublished, time[pubdate|datetime], abbr.published, time under a "publish" class. */
  timeEls: Element[];
  /** Elements whose class or id suggests a date line (date, fecha, data, time, publicad, meta). */
  dateish: Element[];
  /** itemprop=author, rel=author, .author-name, .byline, .autor, .author. */
  authorEls: Element[];
  /** itemprop=articleBody. */
  articleBodies: Element[];
  /** Where each element of `timeEls` and `dateish` sits, for ranking publication-date candidates. */
  dateCtx: Map<Element, DateContext>;
  /** Document order of the first `<h1>` (elements are numbered in a pre-order walk); -1 without one. */
  h1Order: number;
}

export interface DateContext {
  /** Pre-order number of the element. */
  order: number;
  /** Inside navigation, a footer, an aside, related/most-read/comment boxes or teaser lists. */
  furniture: boolean;
  /** Inside a block whose class names site chrome (sidebar, widget, menu...), which may be a layout column. */
  chrome: boolean;
  /** Marked as a modification date (class, id or itemprop). */
  modified: boolean;
  /** Inside an `<article>` or an element with an Article microdata type. */
  inArticle: boolean;
}

/** Containers whose dates belong to other stories or to comments, wherever they sit. */
const DATE_FURNITURE =
  /related|relacionad|recomend|recommend|mas-?leid|mais-?lid|most-?read|popular|trending|comment|coment|disqus|outbrain|taboola|teaser|more-(?:news|stories)|mas-noticias|mais-noticias|otras-noticias|ultimas|leia-?mais|leia-tambem|lea-tambien|te-puede|veja-tambem|newsletter/;
/**
 * Layout words that usually mark site chrome but also name the columns an article sits in
 * ("lay-sidebar", "sidebar__main"): their dates are trusted only right under the headline.
 */
const DATE_CHROME = /sidebar|widget|footer|breadcrumb|menu|navbar|weather|clima|ticker|cotiza/;
const FURNITURE_TAGS = new Set(['aside', 'nav', 'footer']);
const PAGE_LEVEL = new Set(['html', 'body', 'main']);
const MODIFIED_HINT = /modif|updat|actualiza|atualiza|edited|revised/;

const DATEISH_CLASS = /date|fecha|data|time|publicad|meta/i;
const AUTHOR_CLASSES = new Set(['author-name', 'byline', 'autor', 'author']);

export function indexPage(root: AnyNode): PageIndex {
  const idx: PageIndex = {
    root, body: root, html: null, metas: [], ldScripts: [], title: '', h1s: [], canonical: null, timeEls: [],
    dateish: [], authorEls: [], articleBodies: [], dateCtx: new Map(), h1Order: -1,
  };
  let order = 0;
  let headTitle: string | null = null;
  let anyTitle: string | null = null;
  const walk = (n: AnyNode, inHead: boolean, inPublish: boolean, furniture: boolean, chrome: boolean, inArticle: boolean): void => {
    for (const c of childrenOf(n)) {
      if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') continue;
      const el = c as Element;
      const a = el.attribs;
      const name = el.name;
      const cls = a['class'] ?? '';
      order++;
      switch (name) {
        case 'html':
          idx.html ??= el;
          break;
        case 'body':
          if (idx.body === root) idx.body = el;
          break;
        case 'meta':
          idx.metas.push(el);
          break;
        case 'script':
          if ((a['type'] ?? '').trim().toLowerCase() === 'application/ld+json') idx.ldScripts.push(rawScript(el));
          continue;
        case 'title':
          if (inHead && headTitle === null) headTitle = rawText(el);
          if (anyTitle === null) anyTitle = rawText(el);
          break;
        case 'h1':
          if (idx.h1s.length < 5) idx.h1s.push(el);
          if (idx.h1Order < 0) idx.h1Order = order;
          break;
        case 'link':
          if (idx.canonical === null && (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical') && a['href']) idx.canonical = a['href'];
          break;
      }
      const itemprop = a['itemprop'];
      const hint = `${cls} ${a['id'] ?? ''}`.toLowerCase();
      // Page-level classes (body, html, main) describe the layout ("mega-menu-primary", "has-sidebar"), not a box.
      const inFurniture = furniture || FURNITURE_TAGS.has(name) || (hint.length > 1 && !PAGE_LEVEL.has(name) && DATE_FURNITURE.test(hint));
      const inChrome = chrome || (hint.length > 1 && !PAGE_LEVEL.has(name) && DATE_CHROME.test(hint));
      const inArt = inArticle || name === 'article' || /schema\.org\/(?:\w*Article|BlogPosting|ReportageNews)/i.test(a['itemtype'] ?? '');
      const isTime =
        itemprop === 'datePublished' ||
        (name === 'time' && ('pubdate' in a || 'datetime' in a || inPublish)) ||
        (name === 'abbr' && /(?:^|\s)published(?:\s|$)/.test(cls));
      const isDateish = DATEISH_CLASS.test(cls) || /date/i.test(a['id'] ?? '');
      if (isTime) idx.timeEls.push(el);
      if (isDateish) idx.dateish.push(el);
      if (isTime || isDateish) {
        const modified = itemprop === 'dateModified' || MODIFIED_HINT.test(hint);
        idx.dateCtx.set(el, { order, furniture: inFurniture, chrome: inChrome, modified, inArticle: inArt });
      }
      if (itemprop === 'author' || a['rel'] === 'author' || cls.split(/\s+/).some((t) => AUTHOR_CLASSES.has(t))) idx.authorEls.push(el);
      if (itemprop === 'articleBody' || itemprop === 'articlebody') idx.articleBodies.push(el);
      walk(el, inHead || name === 'head', inPublish || cls.includes('publish'), inFurniture, inChrome, inArt);
    }
  };
  walk(root, false, false, false, false, false);
  idx.title = headTitle ?? anyTitle ?? '';
  return idx;
}

function rawScript(el: Element): string {
  let s = '';
  for (const c of el.children) if (c.type === 'text') s += (c as unknown as { data: string }).data;
  return s;
}

/** Content of an attribute, or null. */
export function attr(el: Element | null | undefined, name: string): string | null {
  const v = el?.attribs[name];
  return v === undefined ? null : v;
}
