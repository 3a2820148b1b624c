import { createHash } from 'node:crypto';

export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/** Stable lead id from the canonical URL: the same story URL always maps to the same lead. */
export function leadIdFor(canonicalUrl: string): string {
  return sha256Hex(canonicalUrl).slice(0, 24);
}

/** BullMQ job id for a stage and a canonical URL (no ':' allowed in custom ids). */
export function jobIdFor(stage: string, key: string): string {
  return `${stage}-${sha256Hex(key).slice(0, 32)}`;
}
