import { html, type HtmlValue, type SafeHtml } from './html.js';
import { STRINGS } from './strings.js';

export type Section = 'leads' | 'sources' | 'queues' | 'none';

/** The page shell: skip link, navigation, one <main>, our stylesheet and script (no inline code: see the CSP). */
export function layout(title: string, section: Section, body: HtmlValue): SafeHtml {
  const nav = (href: string, key: Exclude<Section, 'none'>) =>
    html`<a href="${href}"${section === key ? html` aria-current="page"` : ''}>${STRINGS.nav[key]}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} · ${STRINGS.appName}</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${STRINGS.skipToContent}</a>
<header class="top"><span class="brand">${STRINGS.appName}</span>
<nav aria-label="Main">${nav('/', 'leads')} · ${nav('/sources', 'sources')} · ${nav('/queues', 'queues')} · <a href="/metrics">${STRINGS.nav.metrics}</a></nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

export function errorPage(status: number, message: string): SafeHtml {
  const title = status === 404 ? STRINGS.errors.notFound : status >= 500 ? STRINGS.errors.internal : STRINGS.errors.badRequest;
  return layout(title, 'none', html`<h1>${title}</h1><p class="error" role="alert">${message}</p><p><a href="/">${STRINGS.lead.back}</a></p>`);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return iso.length >= 10 ? iso.slice(0, 10) : iso;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Weights and scores read at two decimals; the full value stays in the JSON API. */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : String(n);
}
