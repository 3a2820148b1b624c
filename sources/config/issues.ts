import { LineCounter, isNode, type Document } from 'yaml';
import type { z } from 'zod';

/** `sources[2].selectors.items` from a zod/yaml path. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(top level)';
}

/** The 1-based line of a path in the document (falls back to the nearest ancestor that exists). */
export function lineOf(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return null;
}

export function describeIssue(file: string, doc: Document, counter: LineCounter, prefix: ReadonlyArray<PropertyKey>, issue: z.core.$ZodIssue): string {
  const path = [...prefix, ...issue.path];
  const line = lineOf(doc, counter, path);
  const where = line ? `${file}:${line}` : file;
  return `${where}: ${formatPath(path)}: ${issue.message}`;
}
