/**
 * One error hierarchy, classed by what the runtime should do with the failure.
 * Errors cross process boundaries (BullMQ stores `name` and `message`), so match on `name`/`code`,
 * never on `instanceof` alone: see `errorKind()`.
 */

export type ErrorKind = 'retryable' | 'non_retryable' | 'rate_limited' | 'config' | 'input';

export interface RastroErrorOptions {
  cause?: unknown;
  /** Subject of the failure (a URL, a file, a source id), for per-source health. */
  subject?: string;
}

export class RastroError extends Error {
  override name: string = 'RastroError';
  readonly code: string;
  readonly kind: ErrorKind = 'retryable';
  readonly subject: string | undefined;

  constructor(code: string, message: string, options: RastroErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.subject = options.subject;
  }
}

/** Transient: 5xx, timeouts, connection resets, a store or Redis that went away. Retry with backoff. */
export class RetryableError extends RastroError {
  override name = 'RetryableError' as const;
  override readonly kind = 'retryable' as const;
}

/** Permanent: 404/410/451, robots or SSRF refusal, malformed input that will never parse. Do not retry. */
export class NonRetryableError extends RastroError {
  override name = 'NonRetryableError' as const;
  override readonly kind = 'non_retryable' as const;
}

/** The remote asked us to slow down (429, 503 with Retry-After). */
export class RateLimitedError extends RastroError {
  override name = 'RateLimitedError' as const;
  override readonly kind = 'rate_limited' as const;
  readonly retryAfterMs: number;

  constructor(code: string, message: string, retryAfterMs: number, options: RastroErrorOptions = {}) {
    super(code, message, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** A setting is missing or invalid. Fatal at start-up. */
export class ConfigError extends RastroError {
  override name = 'ConfigError' as const;
  override readonly kind = 'config' as const;
}

/** The user gave a bad flag, file or value. The CLI prints one line and exits non-zero. */
export class InputError extends RastroError {
  override name = 'InputError' as const;
  override readonly kind = 'input' as const;
}

const KIND_BY_NAME: Record<string, ErrorKind> = {
  RetryableError: 'retryable',
  NonRetryableError: 'non_retryable',
  RateLimitedError: 'rate_limited',
  ConfigError: 'config',
  InputError: 'input',
  UnrecoverableError: 'non_retryable',
};

/** What to do with any thrown value, including errors rebuilt from another process. */
export function errorKind(err: unknown): ErrorKind {
  if (err instanceof RastroError) return err.kind;
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; kind?: unknown };
    if (typeof e.kind === 'string' && e.kind in REVERSE_KINDS) return e.kind as ErrorKind;
    if (typeof e.name === 'string' && e.name in KIND_BY_NAME) return KIND_BY_NAME[e.name]!;
  }
  return 'retryable';
}

const REVERSE_KINDS: Record<ErrorKind, true> = {
  retryable: true,
  non_retryable: true,
  rate_limited: true,
  config: true,
  input: true,
};

/** One readable line for people: `code: message` without a stack. */
export function describeError(err: unknown): string {
  if (err instanceof RastroError) return err.message;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
