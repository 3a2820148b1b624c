import { hammingDistance } from './simhash.js';

export interface NearDuplicateMatch {
  id: string;
  hash: string;
  distance: number;
}

export interface NearDuplicateIndexOptions {
  /**
   * Number of equal-width bands the 64 bits are cut into (default 4, so 16-bit bands). By the pigeonhole
   * principle two hashes at most `bands - 1` bits apart agree on at least one band, so queries up to that
   * distance are exact; wider queries fall back to a full scan and stay exact.
   */
  bands?: number;
}

/** In-memory banded LSH over 64-bit SimHashes. */
export class NearDuplicateIndex {
  readonly bands: number;
  private readonly widths: number[];
  private readonly buckets: Array<Map<string, Set<string>>>;
  private readonly hashes = new Map<string, string>();

  constructor(opts: NearDuplicateIndexOptions = {}) {
    const bands = opts.bands ?? 4;
    if (!Number.isInteger(bands) || bands < 1 || bands > 64) {
      throw new RangeError(`NearDuplicateIndex: bands must be an integer in 1..64, got ${bands}`);
    }
    this.bands = bands;
    this.widths = Array.from({ length: bands }, (_, i) => Math.floor(64 / bands) + (i < 64 % bands ? 1 : 0));
    this.buckets = Array.from({ length: bands }, () => new Map<string, Set<string>>());
  }

  get size(): number {
    return this.hashes.size;
  }

  private keys(hash: string): string[] {
    const bits = BigInt(`0x${hash}`).toString(2).padStart(64, '0');
    const out: string[] = [];
    let at = 0;
    for (const w of this.widths) {
      out.push(bits.slice(at, at + w));
      at += w;
    }
    return out;
  }

  /** Adds or replaces the hash stored under `id`. */
  add(id: string, hash: string): void {
    hammingDistance(hash, hash); // validates the format
    const h = hash.toLowerCase();
    if (this.hashes.has(id)) this.remove(id);
    this.hashes.set(id, h);
    this.keys(h).forEach((key, band) => {
      const map = this.buckets[band]!;
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(id);
    });
  }

  remove(id: string): boolean {
    const h = this.hashes.get(id);
    if (h === undefined) return false;
    this.keys(h).forEach((key, band) => {
      const set = this.buckets[band]!.get(key);
      set?.delete(id);
      if (set && set.size === 0) this.buckets[band]!.delete(key);
    });
    this.hashes.delete(id);
    return true;
  }

  /** Stored ids within `maxDistance` bits of `hash`, nearest first (ties by id). */
  query(hash: string, maxDistance = 3): NearDuplicateMatch[] {
    hammingDistance(hash, hash);
    const h = hash.toLowerCase();
    const candidates = new Set<string>();
    if (maxDistance >= this.bands) {
      for (const id of this.hashes.keys()) candidates.add(id);
    } else {
      this.keys(h).forEach((key, band) => {
        for (const id of this.buckets[band]!.get(key) ?? []) candidates.add(id);
      });
    }
    const out: NearDuplicateMatch[] = [];
    for (const id of candidates) {
      const stored = this.hashes.get(id)!;
      const distance = hammingDistance(h, stored);
      if (distance <= maxDistance) out.push({ id, hash: stored, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
