import { existsSync, statSync } from 'node:fs';
import { extname, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError, type SourceConfig, type SourceKind } from '../core/index.js';
import { loadSourcesFile } from '../sources/index.js';

export type ResolvedSource = SourceConfig & { isFolder?: boolean };

const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf']);

function guessKind(pathOrUrl: string): SourceKind {
  const lower = pathOrUrl.toLowerCase();
  if (/sitemap[^/]*\.xml/.test(lower)) return 'sitemap';
  if (FEED_EXT.has(extname(new URL(pathOrUrl, 'file:///').pathname))) return 'feed';
  if (/\/(feed|rss|atom)(\/|$|\?)/.test(lower) || lower.endsWith('.json')) return 'feed';
  return 'article';
}

/**
 * A SOURCE on the command line: a sources YAML file, a local feed/article/folder, or a feed or article URL.
 * `kind` forces the kind when guessing is not enough.
 */
export async function resolveSources(args: readonly string[], kind?: SourceKind): Promise<ResolvedSource[]> {
  const out: ResolvedSource[] = [];
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) {
      let u: URL;
      try {
        u = new URL(arg);
      } catch {
        throw new InputError('source_invalid', `source: "${arg}" is not a valid URL`);
      }
      out.push({ id: u.host + u.pathname.replace(/\/+$/, ''), url: u.href, kind: kind ?? guessKind(u.href) });
      continue;
    }
    const path = resolve(arg.startsWith('file://') ? new URL(arg).pathname : arg);
    if (!existsSync(path)) throw new InputError('source_missing', `source: no such file, folder or URL: ${arg}`);
    const ext = extname(path).toLowerCase();
    if (ext === '.yaml' || ext === '.yml') {
      const loaded = await loadSourcesFile(path);
      out.push(...loaded.sources);
      continue;
    }
    const isFolder = statSync(path).isDirectory();
    const url = pathToFileURL(path).href + (isFolder ? '/' : '');
    out.push({ id: `file:${basename(path)}`, url, kind: kind ?? (isFolder ? 'file' : guessKind(url)), ...(isFolder ? { isFolder: true } : {}) });
  }
  return out;
}
