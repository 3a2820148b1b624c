import { NonRetryableError, RastroError, RetryableError } from '../../core/index.js';

/** Our error if one is anywhere in the cause chain (the SSRF lookup's refusal travels inside socket errors). */
function ownError(err: unknown): RastroError | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e instanceof RastroError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR']);

/**
 * Maps anything thrown while talking to a server onto our three classes.
 * `timedOut` tells a deadline abort from a caller abort.
 */
export function toFetchError(err: unknown, href: string, timedOut: boolean): RastroError {
  const own = ownError(err);
  if (own) return own;
  const e = err as { code?: string; name?: string; message?: string };
  const code = e?.code ?? '';
  const detail = code || e?.name || 'error';
  if (timedOut || TIMEOUT_CODES.has(code) || e?.name === 'TimeoutError') {
    return new RetryableError('timeout', `fetch: GET ${href} timed out (${detail})`, { subject: href, cause: err });
  }
  if (e?.name === 'AbortError' || code === 'UND_ERR_ABORTED') {
    return new RetryableError('aborted', `fetch: GET ${href} was aborted`, { subject: href, cause: err });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') {
    return new RetryableError('dns_failed', `fetch: GET ${href} failed, host did not resolve (${code})`, { subject: href, cause: err });
  }
  if (code.includes('CERT') || code.includes('SELF_SIGNED') || code.startsWith('UNABLE_TO_') || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
    return new NonRetryableError('tls_invalid', `fetch: GET ${href} failed TLS verification (${detail})`, { subject: href, cause: err });
  }
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') {
    return new NonRetryableError('request_invalid', `fetch: GET ${href} failed (${detail}: ${e?.message ?? ''})`, { subject: href, cause: err });
  }
  return new RetryableError('network', `fetch: GET ${href} failed (${detail})`, { subject: href, cause: err });
}
