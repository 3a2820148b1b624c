import { NT, TAGS } from './model.js';

if (NT !== 9) throw new Error('ner decode: emissions() is unrolled for 9 tags');

/** ALLOWED[prev * NT + cur]: I-X only after B-X or I-X. */
const ALLOWED = new Uint8Array(NT * NT);
for (let p = 0; p < NT; p++) {
  for (let c = 0; c < NT; c++) {
    const cur = TAGS[c]!;
    const prev = TAGS[p]!;
    ALLOWED[p * NT + c] = !cur.startsWith('I-') || prev.slice(2) === cur.slice(2) ? 1 : 0;
  }
}

/** Transition scores with disallowed pairs set to -Infinity, cached per transition array. */
const constrainedCache = new WeakMap<object, Float64Array>();
function constrained(trans: ArrayLike<number>, cache: boolean): Float64Array {
  const hit = cache ? constrainedCache.get(trans as object) : undefined;
  if (hit) return hit;
  const out = new Float64Array(NT * NT);
  for (let i = 0; i < NT * NT; i++) out[i] = ALLOWED[i] ? trans[i]! : -Infinity;
  if (cache) constrainedCache.set(trans as object, out);
  return out;
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
  offs: Int32Array,
  n: number,
  emis: Float64Array,
): void {
  for (let j = 0; j < n; j++) {
    const row = j * NT;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const end = offs[j + 1]!;
    for (let k = offs[j]!; k < end; k++) {
      const b = (feats[k]! & mask) * NT;
      s0 += weights[b]!;
      s1 += weights[b + 1]!;
      s2 += weights[b + 2]!;
      s3 += weights[b + 3]!;
      s4 += weights[b + 4]!;
      s5 += weights[b + 5]!;
      s6 += weights[b + 6]!;
      s7 += weights[b + 7]!;
      s8 += weights[b + 8]!;
    }
    emis[row] = s0 * scale;
    emis[row + 1] = s1 * scale;
    emis[row + 2] = s2 * scale;
    emis[row + 3] = s3 * scale;
    emis[row + 4] = s4 * scale;
    emis[row + 5] = s5 * scale;
    emis[row + 6] = s6 * scale;
    emis[row + 7] = s7 * scale;
    emis[row + 8] = s8 * scale;
  }
}

let scoreBuf = new Float64Array(256 * NT);
let backBuf = new Uint8Array(256 * NT);

/**
 * Best tag sequence for n tokens, starting and ending next to O; writes tag indices into `out` from
 * `outOffset` on.
 * `frozen` transitions (a trained model's) have their constrained copy cached.
 */
export function viterbi(
  emis: Float64Array,
  n: number,
  trans: ArrayLike<number>,
  out: Uint8Array,
  frozen = false,
  outOffset = 0,
): void {
  if (n === 0) return;
  if (scoreBuf.length < n * NT) {
    scoreBuf = new Float64Array(n * NT * 2);
    backBuf = new Uint8Array(n * NT * 2);
  }
  const score = scoreBuf;
  const back = backBuf;
  const tr = constrained(trans, frozen);
  for (let t = 0; t < NT; t++) score[t] = tr[t]! + emis[t]!;
  for (let j = 1; j < n; j++) {
    const prevRow = (j - 1) * NT;
    const row = j * NT;
    for (let c = 0; c < NT; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NT; p++) {
        const s = score[prevRow + p]! + tr[p * NT + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + c] = best + emis[row + c]!;
      back[row + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < NT; t++) {
    const s = score[(n - 1) * NT + t]! + tr[t * NT]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    out[outOffset + j] = arg;
    arg = back[j * NT + arg]!;
  }
}
