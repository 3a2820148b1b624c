/**
 * 32-bit string hashing for the hashed feature space of the NER model. Training and inference must
 * hash identically, so these functions are part of the model format: changing them needs a retrain.
 */

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Combines two 32-bit values (template id, value hash, ...) into one well-mixed 32-bit value, as a signed
 * 32-bit integer: V8 keeps those unboxed, so the feature loops allocate nothing for it (an unsigned result
 * above 2^31 is a heap number each time). The bits are what counts: callers store it in a Uint32Array, mask
 * it, or mix it again, and read the same value either way.
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return h ^ (h >>> 16);
}
