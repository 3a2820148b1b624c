import type { TokenInfo } from './token-info.js';
import { hashString } from './hash.js';
import { tokenize } from './tokenize.js';
import { U32Table } from './u32-table.js';

/** Gazetteer categories, in bit order (each has a "starts a match" and an "inside a match" bit). */
export const GAZ_CATEGORIES = ['country', 'city', 'admin', 'firstname', 'orgword', 'title', 'placecue', 'common'] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];

/** Longest entry, in tokens, that the matcher looks for. */
export const GAZ_MAX_TOKENS = 4;

/** Key of an entry or a token run: lower-cased tokens joined by single spaces. */
export function entryKey(entry: string): string {
  return tokenize(entry.toLowerCase()).words.join(' ');
}

/**
 * Sets of hashed, lower-cased entries per category. A model carries the gazetteer it was trained
 * with (as hashes, no names), so features are identical at training and run time.
 */
export class Gazetteer {
  readonly sets: ReadonlyArray<ReadonlySet<number>>;
  /** Entry hash -> category bit mask (bit c for GAZ_CATEGORIES[c]), for one lookup per token run. */
  private readonly bits: U32Table;
  /** Categories that may span several tokens (places). */
  private readonly multiMask: number;
  /**
   * One bit per entry hash (128 KB, 2^20 bits): mark() probes this first. The table is 2 MB, so a probe there
   * mostly misses the processor caches, and most probes (the multi-word ones above all) find nothing; the
   * filter answers those (about 7% false positives, which the table then rejects).
   */
  private readonly filter: Int32Array;

  constructor(sets: ReadonlyArray<ReadonlySet<number>>) {
    this.sets = sets;
    const bits = new Map<number, number>();
    sets.forEach((set, c) => {
      for (const h of set) bits.set(h, (bits.get(h) ?? 0) | (1 << c));
    });
    this.bits = new U32Table(bits);
    this.multiMask = 0b111;
    this.filter = new Int32Array(FILTER_SIZE >>> 5);
    for (const h of bits.keys()) {
      const k = filterBit(h);
      this.filter[k >>> 5] = this.filter[k >>> 5]! | (1 << (k & 31));
    }
  }

  static build(lists: Partial<Record<GazCategory, Iterable<string>>>): Gazetteer {
    const sets = GAZ_CATEGORIES.map((cat) => {
      const set = new Set<number>();
      for (const entry of lists[cat] ?? []) {
        const key = entryKey(entry);
        if (key.length > 0 && key.split(' ').length <= GAZ_MAX_TOKENS) set.add(hashString(key));
      }
      return set;
    });
    return new Gazetteer(sets);
  }

  /** Serialised form: per category, the sorted hashes as base64 of a little-endian Uint32Array. */
  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    GAZ_CATEGORIES.forEach((cat, i) => {
      const arr = Uint32Array.from(this.sets[i] ?? []).sort();
      out[cat] = Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).toString('base64');
    });
    return out;
  }

  static fromJSON(json: Record<string, string>): Gazetteer {
    return new Gazetteer(
      GAZ_CATEGORIES.map((cat) => {
        const buf = Buffer.from(json[cat] ?? '', 'base64');
        const arr = new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
        return new Set(arr);
      }),
    );
  }

  /** Category bit mask (bit c for GAZ_CATEGORIES[c]) of an entry hash; 0 when absent. */
  bitsOf(hash: number): number {
    const b = this.bits.get(hash);
    return b < 0 ? 0 : b;
  }

  has(cat: GazCategory, entry: string): boolean {
    return this.sets[GAZ_CATEGORIES.indexOf(cat)]?.has(hashString(entryKey(entry))) ?? false;
  }

  /**
   * Marks tokens `from..to-1` with category bits: bit 2c when a match of category c starts at the
   * token, bit 2c+1 when the token is inside a longer match. Only place categories span several
   * tokens, and only from a capitalised token.
   */
  mark(infos: readonly TokenInfo[], from: number, to: number, out: Uint32Array): void {
    const n = infos.length;
    const filter = this.filter;
    for (let i = from; i < to; i++) {
      const first = infos[i]!;
      let h = first.lowerHash;
      let k = filterBit(h);
      const b1 = (filter[k >>> 5]! & (1 << (k & 31))) !== 0 ? this.bits.get(h) : -1;
      if (b1 >= 0) out[i] = out[i]! | spread(b1, 0);
      if ((first.flags & 3) === 0) continue; // F_CAP | F_ALLCAPS
      for (let len = 2; len <= GAZ_MAX_TOKENS && i + len <= n; len++) {
        h = hashString(infos[i + len - 1]!.lower, hashString(' ', h));
        k = filterBit(h);
        if ((filter[k >>> 5]! & (1 << (k & 31))) === 0) continue;
        const b = this.bits.get(h);
        if (b < 0 || (b & this.multiMask) === 0) continue;
        const m = b & this.multiMask;
        out[i] = out[i]! | spread(m, 0);
        for (let k = i + 1; k < i + len && k < n; k++) out[k] = out[k]! | spread(m, 1);
      }
    }
  }
}

const FILTER_BITS = 20;
const FILTER_SIZE = 1 << FILTER_BITS;

/** Bit of a hash in Gazetteer.filter (a multiplicative hash: its top bits; independent of U32Table's slots). */
function filterBit(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/** Category mask -> per-token bits (2c + offset). */
function spread(mask: number, offset: number): number {
  let out = 0;
  for (let c = 0; mask !== 0; c++, mask >>>= 1) if (mask & 1) out |= 1 << (2 * c + offset);
  return out;
}
