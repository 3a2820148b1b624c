import { EXPLOITATION_TYPES, LEAD_STATUSES, RELEVANCE_LABELS, type Lead } from '../../core/index.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, layout } from '../layout.js';
import { SORTS, searchParamsObject } from '../query.js';
import { STRINGS } from '../strings.js';

const S = STRINGS.list;

export interface ListPageInput {
  /** The request's query, as the user typed it (to refill the form and build paging links). */
  params: URLSearchParams;
  items: Lead[];
  total: number;
  offset: number;
  limit: number;
  error?: string;
}

function select(name: string, label: string, value: string | undefined, options: Array<[string, string]>): SafeHtml {
  return html`<div><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">${options.map(
    ([v, text]) => html`<option value="${v}"${v === (value ?? '') ? html` selected` : ''}>${text}</option>`,
  )}</select></div>`;
}

function input(name: string, label: string, value: string | undefined, extra: SafeHtml = html``): SafeHtml {
  return html`<div><label for="f-${name}">${label}</label><input id="f-${name}" name="${name}" value="${value ?? ''}"${extra}></div>`;
}

function filters(v: Record<string, string>): SafeHtml {
  const statusOptions: Array<[string, string]> = [
    ...LEAD_STATUSES.map((s): [string, string] => [s, STRINGS.statuses[s]]),
    ['open', S.openStatuses],
    ['all', S.allStatuses],
  ];
  return html`<form class="filters" method="get" action="/" role="search" aria-label="${S.filters}">
${select('status', S.status, v.status ?? 'new', statusOptions)}
${select('label', S.label, v.label, [['', S.any], ...RELEVANCE_LABELS.map((l): [string, string] => [l, STRINGS.labels[l]])])}
${select('type', S.type, v.type, [['', S.any], ...EXPLOITATION_TYPES.map((t): [string, string] => [t, t.replace(/_/g, ' ')])])}
${input('country', S.country, v.country, html` maxlength="2" size="3" autocomplete="off"`)}
${input('language', S.language, v.language, html` maxlength="3" size="3" autocomplete="off"`)}
${input('minScore', S.minScore, v.minScore, html` type="number" min="0" max="1" step="0.05"`)}
${input('from', S.from, v.from, html` type="date"`)}
${input('to', S.to, v.to, html` type="date"`)}
${input('q', S.text, v.q, html` type="search" maxlength="200"`)}
${select('sort', S.sort, v.sort ?? 'score', SORTS.map((s): [string, string] => [s, S.sortOptions[s]]))}
<div><button class="primary" type="submit">${S.apply}</button> <a href="/">${S.reset}</a></div>
</form>`;
}

function row(lead: Lead, back: string): SafeHtml {
  const countries = lead.eventCountry ? [lead.eventCountry, ...lead.countries.filter((c) => c !== lead.eventCountry)] : lead.countries;
  const v = lead.victims;
  const victims = [
    v.count !== null ? String(v.count) : '',
    v.minors ? 'minors' : '',
    v.nationalities.length ? v.nationalities.join(', ') : '',
  ].filter(Boolean);
  const title = lead.title?.trim() || lead.text.slice(0, 90).trim() || S.untitled;
  const href = `/leads/${encodeURIComponent(lead.id)}${back ? `?back=${encodeURIComponent(back)}` : ''}`;
  return html`<tr data-lead-id="${lead.id}">
<td><a href="${href}">${title}</a>${lead.status !== 'new' ? html` <span class="pill status-${lead.status}">${STRINGS.statuses[lead.status]}</span>` : ''}</td>
<td><span class="pill label-${lead.label}">${STRINGS.labels[lead.label]}</span> ${lead.score.toFixed(2)}</td>
<td>${lead.types.map((t) => html`<span class="pill">${t.replace(/_/g, ' ')}</span>`)}</td>
<td>${countries.map((c, i) => (i === 0 && lead.eventCountry ? html`<strong title="${STRINGS.lead.eventCountry}">${c}</strong> ` : html`${c} `))}</td>
<td>${victims.join(' · ')}</td>
<td class="date">${formatDate(lead.publishedAt ?? lead.fetchedAt)}</td>
<td>${lead.language}</td>
<td>${lead.urls.length}</td>
</tr>`;
}

function pageLink(params: Record<string, string>, offset: number): string {
  const p = new URLSearchParams({ ...params, offset: String(offset) });
  return `/?${p.toString()}`;
}

export function listPage(input: ListPageInput): SafeHtml {
  const values = searchParamsObject(input.params);
  const { offset: _o, ...keep } = values;
  const back = new URLSearchParams(values).toString();
  const c = S.columns;
  const first = input.total === 0 ? 0 : input.offset + 1;
  const last = input.offset + input.items.length;
  const body = html`<h1>${S.title}</h1>
${filters(values)}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
${
  input.items.length === 0
    ? html`<p>${S.empty}</p>`
    : html`<p class="muted small" aria-live="polite">${S.showing(first, last, input.total)}</p>
<table class="leads">
<thead><tr><th scope="col">${c.title}</th><th scope="col">${c.relevance}</th><th scope="col">${c.types}</th><th scope="col">${c.countries}</th><th scope="col">${c.victims}</th><th scope="col">${c.date}</th><th scope="col">${c.language}</th><th scope="col">${c.sources}</th></tr></thead>
<tbody>${input.items.map((l) => row(l, back))}</tbody>
</table>`
}
<nav class="pager" aria-label="Pages">
${input.offset > 0 ? html`<a rel="prev" href="${pageLink(keep, Math.max(0, input.offset - input.limit))}">${S.previous}</a>` : ''}
${last < input.total ? html`<a rel="next" href="${pageLink(keep, input.offset + input.limit)}">${S.next}</a>` : ''}
</nav>`;
  return layout(S.title, 'leads', body);
}
