/**
 * Escaping for server-rendered pages. Everything interpolated into `html` is escaped unless it is already
 * SafeHtml (the output of another `html` call). Stored text comes from the open web: there is no way to
 * interpolate an unescaped string except `trusted()`, which is for constants written in this folder.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(v));
}

/** Tagged template: literal parts are trusted, every interpolated value is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** A constant of this folder that is already HTML. Never pass stored or request data. */
export function trusted(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) is refused. */
export function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An external link that leaks nothing back (no referrer, no opener) and is not followed by crawlers. */
export function externalLink(url: string, label?: string): SafeHtml {
  const href = safeHttpUrl(url);
  if (!href) return html`<span class="url">${url}</span>`;
  return html`<a class="url" href="${href}" rel="noopener noreferrer nofollow">${label ?? url}</a>`;
}
