import { fold } from './fold.js';

/**
 * Interned token forms, shared by every text the tokeniser reads.
 *
 * Why: news repeats its words, so almost every token is a form seen before. The tokeniser hashes a token's characters
 * while it scans them and finds the form here by comparing characters, without slicing the text or folding the
 * word again; each distinct folded form (norm) has a small integer id by which the automaton keeps its per-form
 * caches in arrays instead of string-keyed maps. The table is bounded: past FORMS_MAX written forms it is emptied
 * between two texts (never inside one, so the ids of one token stream stay valid), and `formGeneration()` changes so
 * that caches indexed by id know to start again.
 */

const FORMS_MAX = 1 << 16;
const EMPTY = -1;
/** Numbers per slot: hash, norm id, offset and length in `chars`, then the first INLINE code units, two per number. */
const SLOT = 8;
const INLINE = 8;

class FormTable {
  /**
   * Slot k holds a written form at SLOT × k: its hash (EMPTY when free), its norm id, the offset and length of its code
   * units in `chars`, and its first INLINE code units packed two per number. The characters are compared from typed
   * arrays: comparing them with the form's string (charCodeAt on strings of several representations) cost more than
   * all the rest. Most words are no longer than INLINE, and their comparison reads the slot alone: one cache line per
   * token instead of two (slot, then `chars`), which counts when the extractors run one after the other and each finds
   * the cache full of the others' data.
   */
  slots = new Int32Array(SLOT * 8192).fill(EMPTY);
  mask = 8191;
  chars = new Uint16Array(1 << 16);
  charsUsed = 0;
  count = 0;
  readonly normIds = new Map<string, number>();
  readonly norms: string[] = [];
  generation = 0;

  trim(): void {
    if (this.count < FORMS_MAX) return;
    this.slots.fill(EMPTY);
    this.charsUsed = 0;
    this.count = 0;
    this.normIds.clear();
    this.norms.length = 0;
    this.generation++;
  }

  normId(norm: string): number {
    let id = this.normIds.get(norm);
    if (id === undefined) {
      id = this.norms.push(norm) - 1;
      this.normIds.set(norm, id);
    }
    return id;
  }

  lookup(text: string, start: number, end: number, hash: number, punct: boolean, codes: Uint16Array | null): number {
    const slots = this.slots;
    const mask = this.mask;
    const len = end - start;
    let k = hash & mask;
    for (;;) {
      const at = SLOT * k;
      const h = slots[at]!;
      if (h === EMPTY) break;
      if (h === hash && slots[at + 3] === len) {
        let c = 0;
        if (codes !== null) {
          // the inline units, two at a time (then the odd last one), then the rest from `chars`
          const inline = len < INLINE ? len : INLINE;
          while (c + 1 < inline && slots[at + 4 + (c >> 1)] === (codes[start + c]! | (codes[start + c + 1]! << 16))) c += 2;
          if (c + 1 === inline && (slots[at + 4 + (c >> 1)]! & 0xffff) === codes[start + c]) c++;
          if (c === inline && c < len) {
            const chars = this.chars;
            const off = slots[at + 2]!;
            while (c < len && chars[off + c] === codes[start + c]) c++;
          }
        } else {
          const chars = this.chars;
          const off = slots[at + 2]!;
          while (c < len && chars[off + c] === text.charCodeAt(start + c)) c++;
        }
        if (c === len) return slots[at + 1]!;
      }
      k = (k + 1) & mask;
    }
    const raw = text.slice(start, end);
    const id = this.normId(punct ? raw : fold(raw));
    if (2 * (this.count + 1) > mask + 1) this.grow();
    this.insert(hash, id, this.store(text, start, len), len);
    return id;
  }

  /** Copies a form's code units into `chars`; returns their offset. */
  private store(text: string, start: number, len: number): number {
    if (this.charsUsed + len > this.chars.length) {
      const bigger = new Uint16Array(2 * (this.chars.length + len));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    const off = this.charsUsed;
    for (let c = 0; c < len; c++) this.chars[off + c] = text.charCodeAt(start + c);
    this.charsUsed += len;
    return off;
  }

  private insert(hash: number, id: number, off: number, len: number): void {
    let k = hash & this.mask;
    while (this.slots[SLOT * k] !== EMPTY) k = (k + 1) & this.mask;
    const at = SLOT * k;
    this.slots[at] = hash;
    this.slots[at + 1] = id;
    this.slots[at + 2] = off;
    this.slots[at + 3] = len;
    for (let j = 0; j < INLINE / 2; j++) {
      const lo = 2 * j < len ? this.chars[off + 2 * j]! : 0;
      const hi = 2 * j + 1 < len ? this.chars[off + 2 * j + 1]! : 0;
      this.slots[at + 4 + j] = lo | (hi << 16);
    }
    this.count++;
  }

  /** Doubles the slots (kept at most half full, so probes stay short) and re-inserts every form. */
  private grow(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    this.slots = new Int32Array(SLOT * size).fill(EMPTY);
    this.mask = size - 1;
    this.count = 0;
    for (let at = 0; at < old.length; at += SLOT) if (old[at] !== EMPTY) this.insert(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
  }
}

const table = new FormTable();

/** Changes whenever ids are reassigned (the table was emptied). */
export function formGeneration(): number {
  return table.generation;
}

/** Number of distinct norms with an id (ids are 0 … normCount() - 1). */
export function normCount(): number {
  return table.norms.length;
}

/** The norm of an id. */
export function normOf(id: number): string {
  return table.norms[id]!;
}

/** Empties the table when it has grown past its bound; call between texts only. */
export function trimForms(): void {
  table.trim();
}

/** The id of a norm, given one when new. */
export function normId(norm: string): number {
  return table.normId(norm);
}

/**
 * Hash step over one UTF-16 code unit (FNV-1a); start from FORM_HASH_SEED. Kept to 30 bits so that it stays a small
 * integer in V8 (a full 32-bit value would be a heap number, allocated at every character).
 */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619) & 0x3fffffff;
}
export const FORM_HASH_SEED = 0x011c9dc5;

/**
 * The norm id of `text[start, end)`, whose hash (hashStep over its code units) is `hash`: a word's or number's norm is
 * its fold, a punctuation mark's is itself. `codes`, when given, holds the text's code units (see token-stream.ts codeUnits)
 * and the characters are compared from it.
 */
export function formId(text: string, start: number, end: number, hash: number, punct: boolean, codes: Uint16Array | null = null): number {
  return table.lookup(text, start, end, hash, punct, codes);
}
