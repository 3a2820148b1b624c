/**
 * A quick negative test for word sets. The values, victims and places extractors each walk every word token of a
 * document asking whether it is one of a few dozen words (a month, a number word, a demonym...); a hash lookup per
 * token and per list was most of their time. A sieve answers "certainly not" for almost every token from its first
 * two characters and its length, with a few bit operations on a 4 KB table; only the rest go to the set itself.
 */
export class WordSieve {
  private readonly bits = new Uint32Array(1024);

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  /** Bit index from the first two code units (5 bits each: letters are distinct, the rest may share) and the length. */
  private static slot(w: string): number {
    return ((w.charCodeAt(0) & 31) << 10) | ((w.charCodeAt(1) & 31) << 5) | (w.length > 31 ? 31 : w.length);
  }

  add(w: string): void {
    const s = WordSieve.slot(w);
    this.bits[s >>> 5]! |= 1 << (s & 31);
  }

  /** False when `w` was certainly never added; true when it may have been. */
  mayHave(w: string): boolean {
    const s = WordSieve.slot(w);
    return (this.bits[s >>> 5]! & (1 << (s & 31))) !== 0;
  }
}
