import iconv from 'iconv-lite';

/**
 * Character-set detection and decoding, following the browser's order of evidence (WHATWG encoding sniffing):
 * a byte-order mark, then the Content-Type header's charset, then `<meta charset>` / `<meta http-equiv>` /
 * the XML declaration in the first 4 KB, then a UTF-8 validity check, else windows-1252.
 * ISO-8859-1, Latin-1 and ASCII labels decode as windows-1252, as browsers do (pages labelled Latin-1
 * routinely carry curly quotes and dashes in the 0x80–0x9F range).
 */

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml' | 'utf8-valid' | 'default';

export interface Decoded {
  text: string;
  /** Canonical lower-case name actually used to decode, e.g. `utf-8`, `windows-1252`. */
  charset: string;
  source: CharsetSource;
}

const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'cp819', 'ibm819', 'iso-ir-100',
  'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp1252', 'x-cp1252', 'windows-1252',
]);

/** Canonical charset name for a label, or null when iconv-lite cannot decode it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? m[2]! : null;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** Charset declared inside the document's first 4 KB: XML declaration or HTML meta. */
export function declaredCharset(bytes: Uint8Array): { label: string; source: 'meta' | 'xml' } | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return { label: xml[1]!, source: 'xml' };
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const t = tag[0];
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(t);
    if (direct && !/http-equiv/i.test(t)) return { label: direct[1]!, source: 'meta' };
    if (/http-equiv\s*=\s*["']?content-type/i.test(t)) {
      const content = /\bcontent\s*=\s*(["'])(.*?)\1/i.exec(t);
      const cs = content ? charsetFromContentType(content[2]) : null;
      if (cs) return { label: cs, source: 'meta' };
    }
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function detectCharset(bytes: Uint8Array, contentType?: string | null): { charset: string; source: CharsetSource; bomLength: number } {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom.charset, source: 'bom', bomLength: bom.length };
  const header = normalizeCharset(charsetFromContentType(contentType));
  if (header) return { charset: header, source: 'header', bomLength: 0 };
  const declared = declaredCharset(bytes);
  const fromDoc = normalizeCharset(declared?.label);
  // A document cannot truthfully declare UTF-16 in ASCII-compatible bytes (WHATWG rule): read it as UTF-8.
  if (declared && fromDoc) return { charset: fromDoc.startsWith('utf-16') ? 'utf-8' : fromDoc, source: declared.source, bomLength: 0 };
  if (isValidUtf8(bytes)) return { charset: 'utf-8', source: 'utf8-valid', bomLength: 0 };
  return { charset: 'windows-1252', source: 'default', bomLength: 0 };
}

/** Decode bytes to text with the detected charset. Never throws: undecodable bytes become U+FFFD. */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): Decoded {
  const { charset, source, bomLength } = detectCharset(bytes, contentType);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bomLength, bytes.byteLength - bomLength);
  const text = charset === 'utf-8' ? new TextDecoder('utf-8').decode(body) : iconv.decode(body, charset, { stripBOM: true });
  return { text, charset, source };
}
