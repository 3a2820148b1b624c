export { extractArticle } from './extract-article.js';
export type { ExtractArticleOptions } from './extract-article.js';
export { parseMachineDate, parseTextDate, parsePublishedText, parseRelativeDate, dateFromUrl, localizeUtc } from './dates.js';
export { limitDepth } from './text.js';
