import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { NonRetryableError, RetryableError, type Config } from '../core/index.js';

/**
 * SSRF guard. Only http(s) URLs whose host resolves to public unicast addresses are fetched, unless the
 * deployment explicitly allows a host (`allowHosts`) or private addresses (`allowPrivateHosts`).
 * The check runs inside the socket's DNS lookup, so the address checked is the address connected to
 * (no gap for DNS rebinding), and again on every redirect hop.
 */

export type SsrfSettings = Pick<Config, 'allowHosts' | 'allowPrivateHosts'>;

/** Cloud metadata endpoints: refused even with `allowPrivateHosts`, unless the host is listed in `allowHosts`. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', 'fd00:ec2:0:0:0:0:0:254']);

/** Why an address may not be fetched, or null when it is public unicast. */
export function blockedAddressReason(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'unparseable address';
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = blockedAddressReason(v6.toIPv4Address().toString());
      return inner === null ? null : `IPv4-mapped ${inner}`;
    }
  }
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString())) return 'cloud metadata';
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

export function isMetadataAddress(address: string): boolean {
  try {
    const ip = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
    const v = ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
    return METADATA.has(v.toString()) || METADATA.has(v.toNormalizedString());
  } catch {
    return false;
  }
}

function hostAllowed(host: string, settings: SsrfSettings): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return settings.allowHosts.some((a) => a.toLowerCase().replace(/^\[|\]$/g, '') === h);
}

/** Throws NonRetryableError(`ssrf_blocked`) when `address` (reached through `host`) may not be contacted. */
export function assertAddressAllowed(host: string, address: string, settings: SsrfSettings, subject = host): void {
  if (hostAllowed(host, settings)) return;
  const reason = blockedAddressReason(address);
  if (reason === null) return;
  if (settings.allowPrivateHosts && !isMetadataAddress(address)) return;
  throw new NonRetryableError('ssrf_blocked', `ssrf: ${subject} resolves to ${address} (${reason}), refused`, { subject });
}

/**
 * Checks a URL before any connection: scheme http/https, and an IP-literal host must be public.
 * Hostnames are checked later, at connect time, by `createGuardedLookup`.
 */
export function assertUrlAllowed(url: URL, settings: SsrfSettings): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NonRetryableError('unsupported_scheme', `ssrf: ${url.href} uses ${url.protocol}, only http and https are fetched`, {
      subject: url.href,
    });
  }
  if (url.username || url.password) {
    throw new NonRetryableError('ssrf_blocked', `ssrf: ${url.origin} carries credentials in the URL, refused`, { subject: url.origin });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) assertAddressAllowed(host, host, settings, url.href);
  else if (host === '' || /^\d+$/.test(host)) {
    throw new NonRetryableError('ssrf_blocked', `ssrf: ${url.href} has no usable host name`, { subject: url.href });
  }
}

export type LookupFn = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemLookup: LookupFn = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * A `lookup` for `net.connect` (undici `Agent({ connect: { lookup } })`): resolves with `resolve`
 * (the system resolver by default), drops every address the guard refuses, and fails with our
 * `ssrf_blocked` error when none is left. Handles both the single-address and `all: true` call shapes.
 */
export function createGuardedLookup(settings: SsrfSettings, resolve: LookupFn = systemLookup) {
  return function guardedLookup(
    hostname: string,
    options: { all?: boolean; family?: number | string } | number,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void {
    const opts = typeof options === 'number' ? { family: options } : (options ?? {});
    const family = typeof opts.family === 'number' ? opts.family : opts.family === 'IPv6' ? 6 : opts.family === 'IPv4' ? 4 : 0;
    resolve(hostname, family ? { all: true, family } : { all: true }, (err, addresses) => {
      if (err) {
        const e = new RetryableError('dns_failed', `dns: ${hostname} did not resolve (${err.code ?? err.message})`, {
          cause: err,
          subject: hostname,
        });
        callback(e as unknown as NodeJS.ErrnoException, []);
        return;
      }
      let firstRefusal: unknown = null;
      const ok = addresses.filter((a) => {
        try {
          assertAddressAllowed(hostname, a.address, settings);
          return true;
        } catch (refusal) {
          firstRefusal ??= refusal;
          return false;
        }
      });
      if (ok.length === 0) {
        callback((firstRefusal ?? new NonRetryableError('ssrf_blocked', `ssrf: ${hostname} has no address`)) as NodeJS.ErrnoException, []);
        return;
      }
      if (opts.all) callback(null, ok);
      else callback(null, ok[0]!.address, ok[0]!.family);
    });
  };
}
