/**
 * Typed arrays that live for one document's recognition, handed out as views of pooled buffers. A typed array
 * longer than 64 bytes gets its own off-heap buffer in V8 (a few hundred nanoseconds to make, and work for
 * the garbage collector to free); recognition made about a hundred per document (tags, sentence views,
 * emission scores). A view of a pooled buffer costs a small object. Only recognition passes an arena
 * (recognize.ts): training keeps its results across documents, so it allocates as before.
 */
export class Arena {
  private u8 = new Uint8Array(1 << 14);
  private u8At = 0;
  private i32 = new Int32Array(1 << 14);
  private i32At = 0;
  private f64 = new Float64Array(1 << 14);
  private f64At = 0;

  /** Makes every view handed out so far reusable: call when the previous document's results are dead. */
  reset(): void {
    this.u8At = 0;
    this.i32At = 0;
    this.f64At = 0;
  }

  /** A zero-filled Uint8Array of length n. */
  u8Array(n: number): Uint8Array {
    if (this.u8At + n > this.u8.length) {
      // Views handed out before keep the old buffer alive; new ones come from a larger one.
      this.u8 = new Uint8Array(Math.max(this.u8.length * 2, n));
      this.u8At = 0;
    }
    const v = this.u8.subarray(this.u8At, (this.u8At += n));
    v.fill(0);
    return v;
  }

  /** A zero-filled Int32Array of length n. */
  i32Array(n: number): Int32Array {
    if (this.i32At + n > this.i32.length) {
      this.i32 = new Int32Array(Math.max(this.i32.length * 2, n));
      this.i32At = 0;
    }
    const v = this.i32.subarray(this.i32At, (this.i32At += n));
    v.fill(0);
    return v;
  }

  /** A zero-filled Uint32Array of length n (a view of the Int32Array pool). */
  u32Array(n: number): Uint32Array {
    const v = this.i32Array(n);
    return new Uint32Array(v.buffer, v.byteOffset, n);
  }

  /** A Float64Array of length n, not zeroed (callers write every entry). */
  f64Array(n: number): Float64Array {
    if (this.f64At + n > this.f64.length) {
      this.f64 = new Float64Array(Math.max(this.f64.length * 2, n));
      this.f64At = 0;
    }
    return this.f64.subarray(this.f64At, (this.f64At += n));
  }
}
