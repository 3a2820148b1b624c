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
/** Pages repeat the same class strings many times: remember each one's verdict (bounded). */
const boxMemo = new Map<string, number>();
function boxBits(hint: string): number {
  let v = boxMemo.get(hint);
  if (v === undefined) {
    const h = hint.toLowerCase();
    v = (DATE_FURNITURE.test(h) ? 1 : 0) | (DATE_CHROME.test(h) ? 2 : 0);
    if (boxMemo.size > 20_000) boxMemo.clear();
    boxMemo.set(hint, v);
  }
  return v;
}

/** Bits of a box: 1 furniture, 2 chrome, 4 article. Ancestors are shared, so each is computed once. */
function boxOf(n: Element | null, memo: Map<Element, number>, depth = 0): number {
  if (!n || n.type !== 'tag' || depth > 300) return 0;
  const known = memo.get(n);
  if (known !== undefined) return known;
  const name = n.name;
  let bits = boxOf(n.parent as Element | null, memo, depth + 1);
  if (FURNITURE_TAGS.has(name)) bits |= 1;
  if (name === 'article') bits |= 4;
  const itemtype = n.attribs['itemtype'];
  if (itemtype !== undefined && /schema\.org\/(?:\w*Article|BlogPosting|ReportageNews)/i.test(itemtype)) bits |= 4;
  // Page-level classes (body, html, main) describe the layout ("mega-menu-primary", "has-sidebar"), not a box.
  const cls = n.attribs['class'];
  const id = n.attribs['id'];
  if (!PAGE_LEVEL.has(name) && (cls || id)) bits |= boxBits(id ? `${cls ?? ''} ${id}` : cls!);
  memo.set(n, bits);
  return bits;
}

/** Furniture, chrome and article membership of a date element, from its ancestors. */
function dateContext(el: Element, order: number, memo: Map<Element, number>): DateContext {
  const own = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase();
  const bits = boxOf(el, memo);
  return {
    order,
    furniture: (bits & 1) !== 0,
    chrome: (bits & 2) !== 0,
    modified: el.attribs['itemprop'] === 'dateModified' || MODIFIED_HINT.test(own),
    inArticle: (bits & 4) !== 0,
  };
}

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
  const orders = new Map<Element, number>();
  let headTitle: string | null = null;
  let anyTitle: string | null = null;
  const walk = (n: AnyNode, inHead: boolean, inPublish: boolean): void => {
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
      const isTime =
        itemprop === 'datePublished' ||
        (name === 'time' && ('pubdate' in a || 'datetime' in a || inPublish)) ||
        (name === 'abbr' && /(?:^|\s)published(?:\s|$)/.test(cls));
      const isDateish = DATEISH_CLASS.test(cls) || /date/i.test(a['id'] ?? '');
      if (isTime) idx.timeEls.push(el);
      if (isDateish) idx.dateish.push(el);
      // Where a date element sits is worked out afterwards from its ancestors (date elements are few).
      if ((isTime || isDateish) && orders.size < 400) orders.set(el, order);
      if (itemprop === 'author' || a['rel'] === 'author' || cls.split(/\s+/).some((t) => AUTHOR_CLASSES.has(t))) idx.authorEls.push(el);
      if (itemprop === 'articleBody' || itemprop === 'articlebody') idx.articleBodies.push(el);
      walk(el, inHead || name === 'head', inPublish || cls.includes('publish'));
    }
  };
  walk(root, false, false);
  const memo = new Map<Element, number>();
  for (const [el, o] of orders) idx.dateCtx.set(el, dateContext(el, o, memo));
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
