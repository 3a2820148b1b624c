/**
 * URL canonicalisation for dedup: one story seen at many addresses (tracking parameters, AMP and mobile
 * variants, fragments, trailing slashes, percent-encoding variants) maps to one string.
 * Idempotent: canonicalizeUrl(canonicalizeUrl(u)) === canonicalizeUrl(u).
 */

/** Query parameters that only track the visit; dropped. Prefix entries end with `*`. */
const TRACKING_PARAMS = [
  'utm_*', 'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ref', 'ref_src', 'ref_url', 'referrer', 'amp', 'amp_js_v', 'amp_gsa',
  'usqp', 'outputtype', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'vero_id', 'vero_conv',
  'oly_enc_id', 'oly_anon_id', 'wt_mc', 'wt.mc_id', 'cmpid', 'cmp', 'icid', 'ito', 'ns_campaign', 'ns_mchannel',
  'ns_source', 'ns_linkname', 'ns_fee', 'spm', 'smid', 'at_medium', 'at_campaign', 'xtor', 'ocid', 'from_rss',
];
const EXACT = new Set(TRACKING_PARAMS.filter((p) => !p.endsWith('*')));
const PREFIXES = TRACKING_PARAMS.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));

/** Host prefixes of mobile and AMP mirrors. */
const MIRROR_HOST = /^(?:amp|m|mobile|mobil|movil)\.(?=[^.]+\.[^.]+)/;

function isTracking(key: string): boolean {
  const k = key.toLowerCase();
  return EXACT.has(k) || PREFIXES.some((p) => k.startsWith(p));
}

/** Decode escapes of unreserved characters, upper-case the hex of the others, encode raw unsafe bytes. */
export function normalizePercentEncoding(component: string): string {
  const fixed = component.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const code = parseInt(hex, 16);
    const ch = String.fromCharCode(code);
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
  // A lone '%' not followed by two hex digits is encoded, so the result always decodes.
  return fixed.replace(/%(?![0-9A-F]{2})/g, '%25');
}

function canonicalPath(pathname: string): string {
  let p = normalizePercentEncoding(pathname);
  p = p.replace(/\/{2,}/g, '/');
  p = p.replace(/\.amp\.html?$/i, '.html');
  p = p.replace(/\/amp(?=\/|$)/gi, '');
  p = p.replace(/\/index\.(?:html?|php|aspx?)$/i, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

function canonicalQuery(search: string): string {
  if (search === '' || search === '?') return '';
  const pairs: Array<[string, string]> = [];
  for (const part of search.slice(1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = normalizePercentEncoding(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : normalizePercentEncoding(part.slice(eq + 1));
    if (isTracking(key)) continue;
    pairs.push([key, value]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.length ? `?${pairs.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')}` : '';
}

/**
 * Canonical form of a URL. Lower-case host without default port, no fragment, no tracking parameters,
 * remaining parameters sorted, AMP (`/amp/`, `?amp=1`, `.amp.html`, `amp.` host) and mobile (`m.`,
 * `mobile.` host) variants mapped to the main page, no trailing slash except the root, percent-escapes
 * normalised. `file:` URLs only lose their fragment. A string that is not an absolute URL is returned trimmed.
 */
export function canonicalizeUrl(url: string): string {
  const raw = url.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  u.hash = '';
  if (u.protocol === 'file:') return u.href;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(MIRROR_HOST, '');
  const port = u.port === '' || (u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443') ? '' : `:${u.port}`;
  const auth = u.username ? `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
  return `${u.protocol}//${auth}${host}${port}${canonicalPath(u.pathname)}${canonicalQuery(u.search)}`;
}

/** Registrable-ish host of a URL (lower case, mirror prefixes and `www.` removed), or null. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(MIRROR_HOST, '').replace(/^www\./, '');
  } catch {
    return null;
  }
}
