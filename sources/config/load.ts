import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from '../../core/index.js';
import { describeIssue } from './issues.js';
import { sourceEntrySchema, sourcesFileSchema, type LoadedSource, type LoadedSources } from './schema.js';

/** A url field that is a plain path (no scheme) or a file URL, resolved against the YAML file's folder → file:// URL. */
export function resolveSourceUrl(url: string, yamlDir: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(url) && !/^file:/i.test(url)) return url;
  if (/^file:/i.test(url)) {
    // file:relative/path is not a real URL form; accept file:///abs only
    return new URL(url).href;
  }
  const path = isAbsolute(url) ? url : resolve(yamlDir, url);
  const href = pathToFileURL(path).href;
  return url.endsWith('/') && !href.endsWith('/') ? `${href}/` : href;
}

export function parseSourcesYaml(text: string, file: string): { doc: Document; counter: LineCounter; sources: LoadedSource[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new ConfigError('sources_invalid', `sources: ${file}${line ? `:${line}` : ''}: YAML syntax error: ${e.message.split('\n')[0]}`, { subject: file });
  }
  const raw: unknown = doc.toJS() ?? { sources: [] };
  const top = Array.isArray(raw) ? { success: true as const, data: { sources: raw as unknown[], defaults: {} } } : sourcesFileSchema.safeParse(raw);
  if (!top.success) {
    throw new ConfigError('sources_invalid', `sources: ${describeIssue(file, doc, counter, [], top.error.issues[0]!)} (expected "sources:" with a list)`, {
      subject: file,
    });
  }
  const list = top.data.sources;
  const prefix = Array.isArray(raw) ? [] : ['sources'];
  const defaults = top.data.defaults ?? {};
  const yamlDir = dirname(file);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const sources: LoadedSource[] = [];
  list.forEach((entry, i) => {
    const withDefaults = entry && typeof entry === 'object' && !Array.isArray(entry) ? { ...defaults, ...(entry as object) } : entry;
    const parsed = sourceEntrySchema.safeParse(withDefaults);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(describeIssue(file, doc, counter, [...prefix, i], issue));
      return;
    }
    const s = parsed.data;
    const first = seen.get(s.id);
    if (first !== undefined) {
      problems.push(describeIssue(file, doc, counter, [...prefix, i, 'id'], { code: 'custom', path: [], message: `duplicate id "${s.id}" (also at entry ${first})`, input: s.id }));
      return;
    }
    seen.set(s.id, i);
    let url: string;
    try {
      url = resolveSourceUrl(s.url, yamlDir);
    } catch {
      problems.push(describeIssue(file, doc, counter, [...prefix, i, 'url'], { code: 'custom', path: [], message: `"${s.url}" is not a URL or path`, input: s.url }));
      return;
    }
    const { url: declaredUrl, ...rest } = s;
    // zod leaves absent optionals as undefined; our types (exactOptionalPropertyTypes) want them absent.
    const present = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<LoadedSource, 'url' | 'declaredUrl'>;
    sources.push({ ...present, url, declaredUrl, enabled: s.enabled ?? true });
  });
  if (problems.length > 0) {
    throw new ConfigError('sources_invalid', `sources: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`, { subject: file });
  }
  return { doc, counter, sources };
}

/**
 * Loads and validates a sources YAML file. Relative paths resolve against the file's folder; local folders
 * are marked `isFolder` (see listSourceFiles). Errors are ConfigError naming file:line, the path and the reason.
 */
export async function loadSourcesFile(path: string): Promise<LoadedSources> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError('sources_missing', `sources: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { subject: file, cause: err });
  }
  const { sources } = parseSourcesYaml(text, file);
  for (const s of sources) {
    if (!s.url.startsWith('file:')) continue;
    const info = await stat(fileURLToPath(s.url)).catch(() => null);
    if (info?.isDirectory()) s.isFolder = true;
  }
  return { file, sources };
}

const SKIP = /^(\.|_|~)|~$|\.(bak|tmp|swp)$/i;

/** The files of a local-folder source (notices written as files), as sorted file:// URLs; recursion one level deep. */
export async function listSourceFiles(folderUrl: string, maxFiles = 10_000): Promise<string[]> {
  const root = fileURLToPath(folderUrl);
  const out: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      throw new ConfigError('sources_missing', `sources: cannot list folder ${dir} (${err.code ?? err.message})`, { subject: dir, cause: err });
    });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (SKIP.test(e.name) || out.length >= maxFiles) continue;
      const p = join(dir, e.name);
      if (e.isDirectory() && depth < 1) await walk(p, depth + 1);
      else if (e.isFile()) out.push(pathToFileURL(p).href);
    }
  }
  await walk(root, 0);
  return out;
}
