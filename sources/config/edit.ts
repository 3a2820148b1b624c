import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { YAMLSeq, isMap, isSeq, type Document } from 'yaml';
import { ConfigError, InputError } from '../../core/index.js';
import { formatPath } from './issues.js';
import { parseSourcesYaml } from './load.js';
import type { z } from 'zod';
import { sourceEntrySchema, type SourceEntry } from './schema.js';

/** What `rastro sources add` gives: a source entry; `url` may be a path relative to `cwd`. */
export type NewSource = z.input<typeof sourceEntrySchema>;

async function readDoc(file: string): Promise<{ text: string; doc: Document }> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '# Rastro sources: one entry per feed, sitemap, listing page or local folder.\nsources: []\n';
    throw new ConfigError('sources_missing', `sources: cannot read ${file} (${err.code ?? err.message})`, { subject: file, cause: err });
  });
  const { doc } = parseSourcesYaml(text, file);
  return { text, doc };
}

/** Writes next to the file, then renames: a crash never leaves half a sources file. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
}

function sourcesSeq(doc: Document): YAMLSeq {
  if (isSeq(doc.contents)) return doc.contents;
  if (isMap(doc.contents)) {
    const seq = doc.contents.get('sources', true);
    if (isSeq(seq)) return seq;
    const fresh = new YAMLSeq();
    doc.contents.set('sources', fresh);
    return fresh;
  }
  const fresh = new YAMLSeq();
  doc.contents = doc.createNode({ sources: fresh }) as never;
  return fresh;
}

function indexOf(seq: YAMLSeq, id: string): number {
  return seq.items.findIndex((item) => isMap(item) && item.get('id') === id);
}

/** A local path given relative to the caller's folder, rewritten relative to the YAML's folder (how the loader reads it). */
function relocate(url: string, file: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(url) || isAbsolute(url)) return url;
  const rel = relative(dirname(file), resolve(cwd, url)) || '.';
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * Appends a source to the YAML, keeping comments and layout. Throws InputError when the entry is invalid
 * or the id is taken. Returns the entry as written.
 */
export async function addSource(path: string, entry: NewSource, options: { cwd?: string } = {}): Promise<SourceEntry> {
  const file = resolve(path);
  const parsed = sourceEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new InputError('source_invalid', `sources add: ${formatPath(i.path)}: ${i.message}`, { subject: entry.id });
  }
  const { doc } = await readDoc(file);
  const seq = sourcesSeq(doc);
  if (indexOf(seq, parsed.data.id) >= 0) throw new InputError('source_exists', `sources add: id "${parsed.data.id}" already exists in ${file}`, { subject: file });
  const written: SourceEntry = { ...parsed.data, url: relocate(parsed.data.url, file, options.cwd ?? process.cwd()) };
  const clean = Object.fromEntries(Object.entries(written).filter(([, v]) => v !== undefined));
  seq.items.push(doc.createNode(clean));
  // Validate the whole result before touching the file.
  parseSourcesYaml(doc.toString(), file);
  await writeAtomic(file, doc.toString());
  return written;
}

/** Removes a source by id, keeping the other entries' comments. Throws InputError when there is no such id. */
export async function removeSource(path: string, id: string): Promise<void> {
  const file = resolve(path);
  const { doc } = await readDoc(file);
  const seq = sourcesSeq(doc);
  const i = indexOf(seq, id);
  if (i < 0) throw new InputError('source_unknown', `sources remove: no source with id "${id}" in ${file}`, { subject: file });
  seq.items.splice(i, 1);
  await writeAtomic(file, doc.toString());
}

/** Sets `enabled` on one source (for `rastro sources enable|disable`). */
export async function setSourceEnabled(path: string, id: string, enabled: boolean): Promise<void> {
  const file = resolve(path);
  const { doc } = await readDoc(file);
  const seq = sourcesSeq(doc);
  const i = indexOf(seq, id);
  const item = seq.items[i];
  if (i < 0 || !isMap(item)) throw new InputError('source_unknown', `sources: no source with id "${id}" in ${file}`, { subject: file });
  item.set('enabled', enabled);
  await writeAtomic(file, doc.toString());
}
