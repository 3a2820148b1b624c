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
}

const DATEISH_CLASS = /date|fecha|data|time|publicad|meta/i;
const AUTHOR_CLASSES = new Set(['author-name', 'byline', 'autor', 'author']);

export function indexPage(root: AnyNode): PageIndex {
  const idx: PageIndex = {
    root, body: root, html: null, metas: [], ldScripts: [], title: '', h1s: [], canonical: null, timeEls: [],
    dateish: [], authorEls: [], articleBodies: [],
  };
  let headTitle: string | null = null;
  let anyTitle: string | null = null;
  const walk = (n: AnyNode, inHead: boolean, inPublish: boolean): void => {
    for (const c of childrenOf(n)) {
      if (c.type !== 'tag' && c.type !== 'script' && c.type !== 'style') continue;
      const el = c as Element;
      const a = el.attribs;
      const name = el.name;
      const cls = a['class'] ?? '';
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
          break;
        case 'link':
          if (idx.canonical === null && (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical') && a['href']) idx.canonical = a['href'];
          break;
      }
      const itemprop = a['itemprop'];
      if (
        itemprop === 'datePublished' ||
        (name === 'time' && ('pubdate' in a || 'datetime' in a || inPublish)) ||
        (name === 'abbr' && /(?:^|\s)published(?:\s|$)/.test(cls))
      ) {
        idx.timeEls.push(el);
      }
      if (DATEISH_CLASS.test(cls) || /date/i.test(a['id'] ?? '')) idx.dateish.push(el);
      if (itemprop === 'author' || a['rel'] === 'author' || cls.split(/\s+/).some((t) => AUTHOR_CLASSES.has(t))) idx.authorEls.push(el);
      if (itemprop === 'articleBody' || itemprop === 'articlebody') idx.articleBodies.push(el);
      walk(el, inHead || name === 'head', inPublish || cls.includes('publish'));
    }
  };
  walk(root, false, false);
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
