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

class FormTable {
  /**
   * Slot k holds a written form: its hash at 4k (EMPTY when free), its norm id at 4k + 1, and its code units at
   * chars[4k + 2 … 4k + 2 + 4k + 3) (offset, length). The characters are compared from a typed array: comparing them
   * with the form's string (charCodeAt on strings of several representations) cost more than all the rest.
   */
  slots = new Int32Array(4 * 8192).fill(EMPTY);
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
      const h = slots[4 * k]!;
      if (h === EMPTY) break;
      if (h === hash && slots[4 * k + 3] === len) {
        const chars = this.chars;
        const off = slots[4 * k + 2]!;
        let c = 0;
        if (codes !== null) while (c < len && chars[off + c] === codes[start + c]) c++;
        else while (c < len && chars[off + c] === text.charCodeAt(start + c)) c++;
        if (c === len) return slots[4 * k + 1]!;
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
    while (this.slots[4 * k] !== EMPTY) k = (k + 1) & this.mask;
    this.slots[4 * k] = hash;
    this.slots[4 * k + 1] = id;
    this.slots[4 * k + 2] = off;
    this.slots[4 * k + 3] = len;
    this.count++;
  }

  /** Doubles the slots (kept at most half full, so probes stay short) and re-inserts every form. */
  private grow(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    this.slots = new Int32Array(4 * size).fill(EMPTY);
    this.mask = size - 1;
    this.count = 0;
    for (let k = 0; 4 * k < old.length; k++) if (old[4 * k] !== EMPTY) this.insert(old[4 * k]!, old[4 * k + 1]!, old[4 * k + 2]!, old[4 * k + 3]!);
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
