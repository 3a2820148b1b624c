/**
 * A quick negative test for word sets. The values, victims and places extractors each walk every word token of a
 * document asking whether it is one of a few dozen words (a month, a number word, a demonym...); a hash lookup per
 * token and per list was most of their time. A sieve answers "certainly not" for almost every token from its first
 * two characters and its length, with a few bit operations on a 4 KB table; only the rest go to the set itself.
 * Word tokens carry their slot (`WordTokens.slots`), so a full pass need not touch the token objects at all.
 */
export class WordSieve {
  private readonly bits = new Uint32Array(1024);

  /** `prefixes`: the sieve holds word beginnings: any word whose first two characters one of them has may pass. */
  constructor(words: Iterable<string> = [], private readonly prefixes = false) {
    for (const w of words) this.add(w);
  }

  /** Empties the sieve, for reuse: a new one costs a 4 KB buffer outside the heap. */
  clear(): this {
    this.bits.fill(0);
    return this;
  }

  add(w: string): void {
    this.addSlot(sieveSlot(w));
  }

  /** Adds the word whose `sieveSlot` is `slot`. */
  addSlot(slot: number): void {
    const s = this.prefixes ? slot & ~31 : slot;
    this.bits[s >>> 5]! |= 1 << (s & 31);
  }

  /** False when `w` was certainly never added; true when it may have been. */
  mayHave(w: string): boolean {
    return this.hasSlot(sieveSlot(w));
  }

  /** `mayHave` of the word whose `sieveSlot` is `slot`. */
  hasSlot(slot: number): boolean {
    const s = this.prefixes ? slot & ~31 : slot;
    return (this.bits[s >>> 5]! & (1 << (s & 31))) !== 0;
  }
}

/** Bit index from the first two code units (5 bits each: letters are distinct, the rest may share) and the length. */
export function sieveSlot(w: string): number {
  return ((w.charCodeAt(0) & 31) << 10) | ((w.charCodeAt(1) & 31) << 5) | (w.length > 31 ? 31 : w.length);
}
