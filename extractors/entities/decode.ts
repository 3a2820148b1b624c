import { NT, TAGS } from './model.js';

/** ALLOWED[prev * NT + cur]: I-X only after B-X or I-X. */
const ALLOWED = new Uint8Array(NT * NT);
for (let p = 0; p < NT; p++) {
  for (let c = 0; c < NT; c++) {
    const cur = TAGS[c]!;
    const prev = TAGS[p]!;
    ALLOWED[p * NT + c] = !cur.startsWith('I-') || prev.slice(2) === cur.slice(2) ? 1 : 0;
  }
}

/**
 * Adds emission scores of tokens [0, n) into `emis` (n * NT, zeroed by the caller): token j's
 * features are feats[offs[j] .. offs[j+1]), each a 32-bit hash reduced to a bucket by `mask`.
 */
export function emissions(
  weights: ArrayLike<number>,
  scale: number,
  mask: number,
  feats: Uint32Array,
  offs: ArrayLike<number>,
  n: number,
  emis: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    const row = j * NT;
    for (let k = offs[j]!; k < offs[j + 1]!; k++) {
      const base = (feats[k]! & mask) * NT;
      for (let t = 0; t < NT; t++) emis[row + t] = emis[row + t]! + weights[base + t]!;
    }
    if (scale !== 1) for (let t = 0; t < NT; t++) emis[row + t] = emis[row + t]! * scale;
  }
}

/** Best tag sequence for n tokens, starting and ending next to O; writes tag indices into `out`. */
export function viterbi(emis: Float64Array, n: number, trans: ArrayLike<number>, out: Uint8Array): void {
  if (n === 0) return;
  const score = new Float64Array(n * NT);
  const back = new Uint8Array(n * NT);
  for (let t = 0; t < NT; t++) score[t] = ALLOWED[t] ? trans[t]! + emis[t]! : -Infinity;
  for (let j = 1; j < n; j++) {
    for (let c = 0; c < NT; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NT; p++) {
        if (!ALLOWED[p * NT + c]) continue;
        const s = score[(j - 1) * NT + p]! + trans[p * NT + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[j * NT + c] = best + emis[j * NT + c]!;
      back[j * NT + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < NT; t++) {
    const s = score[(n - 1) * NT + t]! + trans[t * NT]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    out[j] = arg;
    arg = back[j * NT + arg]!;
  }
}
