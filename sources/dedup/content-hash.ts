import { createHash } from 'node:crypto';

/** Text folded for hashing: Unicode NFKC, lower case, whitespace runs collapsed to one space, trimmed. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** sha256 (hex) of the normalised text: equal for copies that differ only in whitespace and case. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}
