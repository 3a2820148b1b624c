import { Readable, pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, constants as zc } from 'node:zlib';
import type { Transform } from 'node:stream';
import { NonRetryableError } from '../../core/index.js';

export interface BodyLimits {
  /** Largest body accepted, after decompression. */
  maxBytes: number;
  /** Decompressed/compressed ratio that marks a decompression bomb (checked once past `ratioFloorBytes`). */
  maxRatio: number;
  ratioFloorBytes?: number;
  /** Subject for error messages (the URL). */
  subject: string;
}

const SLICE = 16 * 1024;

export type ContentEncoding = 'identity' | 'gzip' | 'deflate' | 'br';

/** The single content coding of a response; throws for anything we cannot decode. */
export function parseContentEncoding(header: string | undefined, subject: string): ContentEncoding {
  const codings = (header ?? '').toLowerCase().split(',').map((s) => s.trim()).filter((s) => s && s !== 'identity');
  if (codings.length === 0) return 'identity';
  if (codings.length === 1) {
    const c = codings[0]!;
    if (c === 'gzip' || c === 'x-gzip') return 'gzip';
    if (c === 'deflate') return 'deflate';
    if (c === 'br') return 'br';
  }
  throw new NonRetryableError('unsupported_encoding', `fetch: ${subject} uses content-encoding "${header}", which we do not decode`, { subject });
}

function decompressor(encoding: Exclude<ContentEncoding, 'identity'>, first: Uint8Array): Transform {
  const opts = { finishFlush: zc.Z_SYNC_FLUSH };
  if (encoding === 'gzip') return createGunzip(opts);
  if (encoding === 'br') return createBrotliDecompress({ finishFlush: zc.BROTLI_OPERATION_FLUSH });
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: a zlib header has CMF 0x?8 and a valid check.
  const zlibWrapped = first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
  return zlibWrapped ? createInflate(opts) : createInflateRaw(opts);
}

/**
 * Reads a body stream into one buffer, decompressing as it goes. Stops (and destroys the source) as soon as
 * the decompressed size passes `maxBytes` (`body_too_large`) or the expansion ratio passes `maxRatio`
 * (`decompression_bomb`): a bomb never gets inflated in memory.
 */
export async function readBody(source: AsyncIterable<Uint8Array>, encoding: ContentEncoding, limits: BodyLimits): Promise<Buffer> {
  const floor = limits.ratioFloorBytes ?? 1024 * 1024;
  const chunks: Buffer[] = [];
  let compressed = 0;
  let total = 0;
  const tooLarge = () =>
    new NonRetryableError('body_too_large', `fetch: ${limits.subject} body exceeds ${limits.maxBytes} bytes`, { subject: limits.subject });

  const iterator = source[Symbol.asyncIterator]();
  if (encoding === 'identity') {
    try {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxBytes) throw tooLarge();
        chunks.push(Buffer.from(value));
      }
    } finally {
      await iterator.return?.();
    }
    return Buffer.concat(chunks, total);
  }

  const firstStep = await iterator.next();
  if (firstStep.done) return Buffer.alloc(0);
  const first = firstStep.value;
  // Slices keep the compressed count close to what the inflater has actually consumed, so the ratio is honest.
  async function* slices(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < chunk.byteLength; at += SLICE) {
      const part = chunk.subarray(at, at + SLICE);
      compressed += part.byteLength;
      yield part;
    }
  }
  async function* counted(): AsyncGenerator<Uint8Array> {
    yield* slices(first);
    for (;;) {
      const { value, done } = await iterator.next();
      if (done) return;
      yield* slices(value);
    }
  }
  const inflater = decompressor(encoding, first);
  const input = Readable.from(counted(), { objectMode: false });
  pipeline(input, inflater, () => {});
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > floor && total > limits.maxRatio * Math.max(1, compressed)) {
        throw new NonRetryableError(
          'decompression_bomb',
          `fetch: ${limits.subject} expands more than ${limits.maxRatio}x (${compressed} bytes gave ${total}), refused as a decompression bomb`,
          { subject: limits.subject },
        );
      }
      if (total > limits.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof NonRetryableError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI')) {
      throw new NonRetryableError('bad_encoding', `fetch: ${limits.subject} body is not valid ${encoding} (${code})`, { subject: limits.subject, cause: err });
    }
    throw err;
  } finally {
    inflater.destroy();
    input.destroy();
    await iterator.return?.();
  }
  return Buffer.concat(chunks, total);
}
