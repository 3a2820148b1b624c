/**
 * A read-only map from 32-bit unsigned keys (hashes) to small non-negative integers, in two typed arrays
 * with open addressing. A `Map<number, number>` keyed by 32-bit hashes boxes most keys (they exceed the
 * small-integer range) and scatters them over the heap; lookups here read one or two cache lines.
 */
export class U32Table {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** Key 0 marks an empty slot, so its value is kept apart (-1 when absent). */
  private readonly zero: number;

  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    let size = 16;
    while (size < list.length * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    let zero = -1;
    for (const [k, v] of list) {
      if (!Number.isInteger(v) || v < 0) throw new Error(`U32Table: value ${v} of key ${k} is not a non-negative integer`);
      const key = k >>> 0;
      if (key === 0) {
        zero = v;
        continue;
      }
      let i = slot(key) & this.mask;
      while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.values[i] = v;
    }
    this.zero = zero;
  }

  /** The value of `key`, or -1 when absent. */
  get(key: number): number {
    const k = key >>> 0;
    if (k === 0) return this.zero;
    const keys = this.keys;
    const mask = this.mask;
    let i = slot(k) & mask;
    for (;;) {
      const at = keys[i]!;
      if (at === k) return this.values[i]!;
      if (at === 0) return -1;
      i = (i + 1) & mask;
    }
  }
}

/** Spreads a key's bits over the slot index (keys may be hashes with weak low bits). */
function slot(k: number): number {
  const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
