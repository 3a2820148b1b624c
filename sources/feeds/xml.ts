import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NonRetryableError } from '../../core/index.js';

const ARRAY_TAGS = new Set(['item', 'entry', 'url', 'sitemap', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAY_TAGS.has(name),
  // Entity expansion stays bounded (fast-xml-parser's defaults); external entities are never fetched.
  processEntities: { enabled: true, maxTotalExpansions: 1000, maxExpandedLength: 100_000 },
});

/** Bare `&` in text (`?a=1&b=2`) is the commonest fault of real feeds; escape it before giving up. */
function repairAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z][\w.-]*);)/gi, '&amp;');
}

/**
 * Parses XML into plain objects (namespace prefixes removed: `dc:date` → `date`, `xml:base` → `@_base`).
 * Not well-formed XML → NonRetryableError(`feed_malformed`) naming the URL, the line and the column.
 */
export function parseXml(xml: string, subject: string): Record<string, unknown> {
  let text = xml.replace(/^\uFEFF/, '');
  let check = XMLValidator.validate(text);
  if (check !== true) {
    const repaired = repairAmpersands(text);
    const second = XMLValidator.validate(repaired);
    if (second === true) {
      text = repaired;
      check = true;
    }
  }
  if (check !== true) {
    const { msg, line, col } = check.err;
    throw new NonRetryableError('feed_malformed', `feed: ${subject} is not well-formed XML: ${msg} (line ${line}, column ${col})`, { subject });
  }
  try {
    return parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new NonRetryableError('feed_malformed', `feed: ${subject} could not be parsed as XML (${(err as Error).message})`, { subject, cause: err });
  }
}
