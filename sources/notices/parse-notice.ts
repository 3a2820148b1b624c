/**
 * parseNotice: the article text of a missing-person notice plus its structured fields, first from the
 * page's label/value structure (tables, definition lists, "Edad: 13 años" lines), then from its prose.
 * The name is returned exactly as published; mask it with maskNoticeName before exporting.
 */
import { load } from 'cheerio/slim';
import type { ArticleResult, NoticeFields } from '../../core/index.js';
import type { AnyNode } from 'domhandler';
import { extractArticle, limitDepth } from '../article/index.js';
import { detectAlertType } from './alert-types.js';
import { readLabelValues } from './label-values.js';
import {
  ageFromText, authorityFromText, lastSeenDateFromText, lastSeenPlaceFromText, nameFromText, parseAge,
  parseNoticeDate, parseSex, sexFromText,
} from './free-text.js';

export interface ParsedNotice {
  article: ArticleResult;
  notice: NoticeFields;
}

const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

function cleanName(v: string): string | null {
  const n = collapse(v).replace(/[.,;:]+$/, '');
  return n.length >= 3 && n.length <= 100 && /\p{L}/u.test(n) && !/\d{3,}/.test(n) ? n : null;
}

export function parseNotice(html: string, url: string): ParsedNotice {
  const article = extractArticle(html, url);
  const $ = load(typeof html === 'string' ? html : '');
  limitDepth($.root()[0] as AnyNode);
  const notice: NoticeFields = {
    name: null, age: null, sex: null, lastSeenDate: null, lastSeenPlace: null, authority: null, alertType: null,
    noticeUrl: url,
  };
  for (const { field, value } of readLabelValues($)) {
    switch (field) {
      case 'name':
        notice.name ??= cleanName(value);
        break;
      case 'age':
        notice.age ??= parseAge(value);
        break;
      case 'sex':
        notice.sex ??= parseSex(value);
        break;
      case 'lastSeenDate':
        notice.lastSeenDate ??= parseNoticeDate(value);
        if (notice.lastSeenDate && !notice.lastSeenPlace) notice.lastSeenPlace = lastSeenPlaceFromText(`visto por última vez ${value}`);
        break;
      case 'lastSeenPlace':
        notice.lastSeenPlace ??= value.replace(/[.;]+$/, '');
        break;
      case 'authority':
        notice.authority ??= value;
        break;
      case 'alertType':
        notice.alertType ??= detectAlertType(value);
        break;
    }
  }
  const title = article.title ?? '';
  const body = article.text ?? '';
  const prose = `${title}\n${body}`;
  const pageText = collapse($('body').text() || $.root().text());
  notice.alertType ??= detectAlertType(prose) ?? detectAlertType(pageText) ?? detectAlertType(collapse($('title').text()));
  notice.name ??= nameFromText(title) ?? nameFromText(body);
  notice.age ??= ageFromText(prose);
  notice.sex ??= sexFromText(prose);
  notice.lastSeenDate ??= lastSeenDateFromText(body);
  notice.lastSeenPlace ??= lastSeenPlaceFromText(body);
  notice.authority ??=
    authorityFromText(body) ??
    authorityFromText(collapse($('title').text())) ??
    authorityFromText($('meta[property="og:site_name"]').attr('content') ?? '') ??
    authorityFromText(pageText);
  return { article, notice };
}
