import { hashString } from './hash.js';
import { tokenize } from './tokenize.js';

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

  constructor(sets: ReadonlyArray<ReadonlySet<number>>) {
    this.sets = sets;
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

  has(cat: GazCategory, entry: string): boolean {
    return this.sets[GAZ_CATEGORIES.indexOf(cat)]?.has(hashString(entryKey(entry))) ?? false;
  }

  /**
   * Marks tokens `from..to-1` of `lower` (lower-cased words) with category bits: bit 2c when a
   * match of category c starts at the token, bit 2c+1 when the token is inside a longer match.
   */
  mark(lower: readonly string[], from: number, to: number, out: Uint32Array): void {
    const sets = this.sets;
    const n = sets.length;
    for (let i = from; i < to; i++) {
      let h = 0;
      for (let len = 1; len <= GAZ_MAX_TOKENS && i + len <= lower.length; len++) {
        const w = lower[i + len - 1] ?? '';
        h = len === 1 ? hashString(w) : hashString(w, hashString(' ', h));
        for (let c = 0; c < n; c++) {
          if (len > 1 && c >= 3) break; // only places are multi-token
          if (!sets[c]!.has(h)) continue;
          out[i] = (out[i] ?? 0) | (1 << (2 * c));
          for (let k = i + 1; k < i + len && k < to; k++) out[k] = (out[k] ?? 0) | (1 << (2 * c + 1));
        }
      }
    }
  }
}
