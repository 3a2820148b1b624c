import { open, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { NonRetryableError } from '../../core/index.js';
import { decodeBody } from '../charset.js';
import { mediaTypeForFile } from './content-type.js';
import type { FetchOptions, FetchResult } from './types.js';

/**
 * Reads a local file as if it were fetched: same size cap, same charset sniffing, an ETag and
 * Last-Modified from the file's mtime and size (so conditional polling of the demo corpus reports 304).
 */
export async function fetchFile(fileUrl: URL, maxBytes: number, options: FetchOptions = {}): Promise<FetchResult> {
  const href = fileUrl.href;
  let path: string;
  try {
    path = fileURLToPath(fileUrl);
  } catch (err) {
    throw new NonRetryableError('bad_url', `fetch: ${href} is not a local file path`, { subject: href, cause: err });
  }
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new NonRetryableError('file_not_found', `fetch: ${path} cannot be read (${err.code ?? err.message})`, { subject: href, cause: err });
  });
  if (info.isDirectory()) throw new NonRetryableError('is_directory', `fetch: ${path} is a folder, not a file`, { subject: href });
  if (info.size > maxBytes) {
    throw new NonRetryableError('body_too_large', `fetch: ${path} is ${info.size} bytes, over the ${maxBytes} limit`, { subject: href });
  }
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  const fetchedAt = new Date().toISOString();
  const base = { url: href, finalUrl: href, headers: {}, etag, lastModified, redirects: [], fetchedAt };
  if ((options.etag && options.etag === etag) || (!options.etag && options.lastModified && Date.parse(options.lastModified) >= Date.parse(lastModified))) {
    return { ...base, status: 304, notModified: true, contentType: '', charset: 'utf-8', body: '', bytes: 0 };
  }
  // Read at most maxBytes + 1 so a file that grew after stat is still capped.
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(maxBytes + 1, info.size + 1));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    if (bytesRead > maxBytes) throw new NonRetryableError('body_too_large', `fetch: ${path} grew over the ${maxBytes} limit`, { subject: href });
    bytes = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const contentType = mediaTypeForFile(path, bytes);
  const { text, charset } = decodeBody(bytes);
  return { ...base, status: 200, notModified: false, contentType, charset, body: text, bytes: bytes.byteLength };
}
