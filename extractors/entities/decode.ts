import { NT, TAGS } from './model.js';

if (NT !== 9) throw new Error('ner decode: emissions() is unrolled for 9 tags');
/** Local copy of NT: module-level constants read in hot loops stay plain locals under every loader. */
const K = 9;

/** ALLOWED[prev * K + cur]: I-X only after B-X or I-X. */
const ALLOWED = new Uint8Array(K * K);
for (let p = 0; p < K; p++) {
  for (let c = 0; c < K; c++) {
    const cur = TAGS[c]!;
    const prev = TAGS[p]!;
    ALLOWED[p * K + c] = !cur.startsWith('I-') || prev.slice(2) === cur.slice(2) ? 1 : 0;
  }
}

// viterbi() relies on this layout: an I- tag (even index c > 0) follows only c - 1 (its B- tag) or itself.
for (let c = 2; c < K; c += 2) {
  for (let p = 0; p < K; p++) {
    if ((ALLOWED[p * K + c] === 1) !== (p === c - 1 || p === c)) throw new Error('ner decode: unexpected tag layout');
  }
}

/** Transition scores with disallowed pairs set to -Infinity, cached per transition array. */
const constrainedCache = new WeakMap<object, Float64Array>();
/** The last cached pair, checked before the WeakMap (a document decodes dozens of segments with the same model). */
let lastTrans: unknown;
let lastConstrained: Float64Array | undefined;
function constrained(trans: ArrayLike<number>, cache: boolean): Float64Array {
  if (cache && trans === lastTrans && lastConstrained !== undefined) return lastConstrained;
  const hit = cache ? constrainedCache.get(trans as object) : undefined;
  if (hit) {
    lastTrans = trans;
    lastConstrained = hit;
    return hit;
  }
  const out = new Float64Array(K * K);
  for (let i = 0; i < K * K; i++) out[i] = ALLOWED[i] ? trans[i]! : -Infinity;
  if (cache) constrainedCache.set(trans as object, out);
  return out;
}

/**
 * Adds emission scores of tokens [0, n) into `emis` (n * K, zeroed by the caller): token j's
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
    const row = j * K;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    const end = offs[j + 1]!;
    for (let k = offs[j]!; k < end; k++) {
      const b = (feats[k]! & mask) * K;
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

let scoreBuf = new Float64Array(256 * K);
let backBuf = new Uint8Array(256 * K);

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
  if (scoreBuf.length < n * K) {
    scoreBuf = new Float64Array(n * K * 2);
    backBuf = new Uint8Array(n * K * 2);
  }
  const score = scoreBuf;
  const back = backBuf;
  const tr = constrained(trans, frozen);
  for (let t = 0; t < K; t++) score[t] = tr[t]! + emis[t]!;
  for (let j = 1; j < n; j++) {
    const prevRow = (j - 1) * K;
    const row = j * K;
    for (let c = 0; c < K; c++) {
      let best = -Infinity;
      let arg = 0;
      if (c === 0 || (c & 1) === 1) {
        for (let p = 0; p < K; p++) {
          const s = score[prevRow + p]! + tr[p * K + c]!;
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      } else {
        // I-X: ALLOWED admits only B-X (c - 1) and I-X (c) before it; every other predecessor scores
        // -Infinity and can never be the strict maximum, so testing these two in the same order is the same.
        const sb = score[prevRow + c - 1]! + tr[(c - 1) * K + c]!;
        const si = score[prevRow + c]! + tr[c * K + c]!;
        if (sb > best) {
          best = sb;
          arg = c - 1;
        }
        if (si > best) {
          best = si;
          arg = c;
        }
      }
      score[row + c] = best + emis[row + c]!;
      back[row + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < K; t++) {
    const s = score[(n - 1) * K + t]! + tr[t * K]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    out[outOffset + j] = arg;
    arg = back[j * K + arg]!;
  }
}
