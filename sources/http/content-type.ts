import type { AcceptKind } from './types.js';

/** Media types we read. Everything else (images, PDFs, archives, executables) is refused before the body. */
const ALLOWED = new Set([
  'text/html',
  'application/xhtml+xml',
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'text/plain',
]);

/** Gzipped sitemaps (`sitemap.xml.gz`) come as these; the body is gunzipped with the same caps. */
export const GZIP_TYPES = new Set(['application/gzip', 'application/x-gzip']);

export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isAllowedMediaType(type: string, accept: AcceptKind): boolean {
  if (type === '') return true; // no header: sniffed by the charset and feed parsers
  if (ALLOWED.has(type)) return true;
  if (/^(application|text)\/[\w.+-]+\+xml$/.test(type)) return true;
  return accept === 'feed' && GZIP_TYPES.has(type);
}

export function acceptHeader(accept: AcceptKind): string {
  switch (accept) {
    case 'html':
      return 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5';
    case 'feed':
      return 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,text/html;q=0.5';
    default:
      return 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,application/json;q=0.8,text/plain;q=0.5';
  }
}

/** Media type for a local file, by extension, else by its first bytes. */
export function mediaTypeForFile(path: string, head: Uint8Array): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  switch (ext) {
    case 'html':
    case 'htm':
      return 'text/html';
    case 'xhtml':
      return 'application/xhtml+xml';
    case 'xml':
      return 'application/xml';
    case 'rss':
      return 'application/rss+xml';
    case 'atom':
      return 'application/atom+xml';
    case 'rdf':
      return 'application/rdf+xml';
    case 'json':
      return 'application/json';
    case 'txt':
    case 'md':
      return 'text/plain';
    case 'gz':
      return 'application/gzip';
  }
  const start = Buffer.from(head.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (start.startsWith('<?xml')) return 'application/xml';
  if (/^<(!doctype html|html|head|body)/i.test(start)) return 'text/html';
  if (start.startsWith('{') || start.startsWith('[')) return 'application/json';
  return 'text/plain';
}
