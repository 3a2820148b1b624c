import type { Entity, Lead } from '../../core/index.js';
import type { RelatedLead } from '../../workers/index.js';
import { locateSpan, renderEvidenceText, groupClass, indicatorTip } from '../highlight.js';
import { externalLink, html, type SafeHtml } from '../html.js';
import { formatDate, formatDateTime, formatNumber, layout } from '../layout.js';
import { STRINGS } from '../strings.js';
import { reviewForm } from './review-form.js';

const S = STRINGS.lead;

export interface LeadPageInput {
  lead: Lead;
  /** The list's query string, to go back to the same filtered list. */
  back: string;
  saved?: string;
  error?: string;
  /** Notices near an incident or incidents near a notice (issue 5); the section is shown when given. */
  related?: { items: RelatedLead[]; maxKm: number; days: number };
}

/**
 * Span text is shown only where it occurs verbatim in the stored (masked) text; people whose role is victim
 * are never shown by name, whatever the entity holds.
 */
function spanText(text: string, span: { start: number; end: number; text: string }): string | null {
  const r = locateSpan(text, span);
  return r ? text.slice(r.start, r.end) : null;
}

function entityLabel(lead: Lead, e: Entity): SafeHtml {
  if (e.type === 'person' && e.role === 'victim') return html`<span class="muted">${S.withheld}</span>`;
  const t = spanText(lead.text, e) ?? (lead.title && lead.title.includes(e.text) ? e.text : null);
  if (t === null) return html`<span class="muted">${S.notLocated}</span>`;
  // A name the stored text masks (a person of unknown role under the default policy) reads as withheld, not as blocks.
  return /\p{L}/u.test(t) ? html`${t}` : html`<span class="muted">${S.withheld}</span>`;
}

function rolePill(e: Entity): SafeHtml | string {
  if (e.role) return html` <span class="pill">${e.role}</span>`;
  return e.type === 'person' ? html` <span class="pill muted">${S.roleUnknown}</span>` : '';
}

function entities(lead: Lead): SafeHtml {
  if (lead.entities.length === 0) return html`<p class="muted">${S.none}</p>`;
  const byType = new Map<string, Entity[]>();
  for (const e of lead.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  return html`<dl class="facts">${[...byType].map(
    ([type, list]) => html`<dt>${type}</dt><dd><ul class="plain">${list.map(
      (e) => html`<li>${entityLabel(lead, e)}${rolePill(e)}${
        e.value !== undefined && !(e.type === 'person' && e.role === 'victim') ? html` <span class="muted small">= ${String(e.value)}${e.ref ? ` ${e.ref}` : ''}</span>` : ''
      }</li>`,
    )}</ul></dd>`,
  )}</dl>`;
}

function places(lead: Lead): SafeHtml {
  if (lead.places.length === 0) return html`<p class="muted">${S.none}</p>`;
  return html`<ul class="plain">${lead.places.map(
    (p) => html`<li>${p.name}${p.admin1 && p.admin1 !== p.name ? `, ${p.admin1}` : ''}${p.countryCode ? html` <strong>${p.countryCode}</strong>` : ''}${
      p.kind ? html` <span class="muted small">${p.kind}</span>` : ''
    } <span class="muted small">${p.confidence.toFixed(2)}</span></li>`,
  )}</ul>`;
}

function victims(lead: Lead): SafeHtml {
  const v = lead.victims;
  const yesNo = (b: boolean | null) => (b === null ? S.unknown : b ? 'yes' : 'no');
  const evidence = (v.evidence ?? []).map((ev) => ({ ev, text: spanText(lead.text, ev) })).filter((x) => x.text !== null);
  return html`<dl class="facts">
<dt>${S.victimCount}</dt><dd>${v.count ?? S.unknown}</dd>
<dt>${S.minors}</dt><dd>${v.minors === false ? S.minorsNone : yesNo(v.minors)}</dd>
<dt>${S.nationalities}</dt><dd>${v.nationalities.join(', ') || S.unknown}</dd>
${v.gender ? html`<dt>${S.gender}</dt><dd>${v.gender}</dd>` : ''}
</dl>
${evidence.length ? html`<p class="small muted">${S.evidence}</p><ul class="plain small">${evidence.map((x) => html`<li><q>${x.text}</q> <span class="pill">${x.ev.supports}</span></li>`)}</ul>` : ''}`;
}

function reasons(lead: Lead): SafeHtml {
  return html`<table><thead><tr><th scope="col">Rule / indicator</th><th scope="col">Category</th><th scope="col">${S.weight}</th></tr></thead><tbody>${lead.reasons.map((r) => {
    const t = r.text !== undefined && r.start !== undefined && r.end !== undefined ? spanText(lead.text, { start: r.start, end: r.end, text: r.text }) : null;
    return html`<tr><td>${r.id}${t ? html`<br><q class="small">${t}</q>` : ''}</td><td>${r.category}</td><td>${formatNumber(r.weight)}</td></tr>`;
  })}</tbody></table>`;
}

function indicatorTable(lead: Lead, located: boolean[]): SafeHtml {
  if (lead.indicators.length === 0) return html`<p class="muted">${S.none}</p>`;
  return html`<table class="indicators"><thead><tr><th scope="col">Evidence</th><th scope="col">Category</th><th scope="col">${S.weight}</th></tr></thead><tbody>${lead.indicators.map(
    (ind, i) => html`<tr><td><span class="pill ${groupClass(ind.group)}">${STRINGS.groups[ind.group] ?? ind.group}</span> ${
      located[i] ? html`<q>${spanText(lead.text, ind)}</q>` : html`<span class="muted">${S.notLocated}</span>`
    }</td><td title="${indicatorTip(ind)}">${ind.category}${ind.negated ? html` <em class="small">(${S.negated})</em>` : ''}</td><td>${formatNumber(ind.weight)}</td></tr>`,
  )}</tbody></table>`;
}

function legend(): SafeHtml {
  return html`<ul class="legend" aria-label="${S.legend}">${Object.entries(STRINGS.groups).map(([g, name]) => html`<li class="${groupClass(g)}">${name}</li>`)}</ul>`;
}

function history(lead: Lead): SafeHtml {
  if (lead.history.length === 0) return html`<p class="muted">${S.noHistory}</p>`;
  return html`<ol class="history">${lead.history.map(
    (h) => html`<li><time datetime="${h.at}">${formatDateTime(h.at)}</time>: <strong>${h.by}</strong> ${STRINGS.statuses[h.from] ?? h.from} → <strong>${
      STRINGS.statuses[h.to] ?? h.to
    }</strong>${h.note ? html`: <q>${h.note}</q>` : ''}</li>`,
  )}</ol>`;
}

function notice(lead: Lead): SafeHtml {
  const n = lead.notice;
  if (!n) return html``;
  return html`<h2>${S.notice}</h2><dl class="facts">
<dt>Name</dt><dd class="muted">${S.withheld}</dd>
${n.age !== null ? html`<dt>Age</dt><dd>${n.age}</dd>` : ''}${n.sex ? html`<dt>Sex</dt><dd>${n.sex}</dd>` : ''}
${n.lastSeenDate ? html`<dt>Last seen</dt><dd>${n.lastSeenDate}${n.lastSeenPlace ? `, ${n.lastSeenPlace}` : ''}</dd>` : ''}
${n.authority ? html`<dt>Authority</dt><dd>${n.authority}</dd>` : ''}${n.alertType ? html`<dt>Alert</dt><dd>${n.alertType}</dd>` : ''}
<dt>Notice</dt><dd>${externalLink(n.noticeUrl)}</dd></dl>`;
}

// --- related leads (issue 5) ---
function related(lead: Lead, r: NonNullable<LeadPageInput['related']>): SafeHtml {
  const what = lead.kind === 'notice' ? 'incidents' : 'missing-person notices';
  const head = html`<h2 id="h-related">Related leads</h2><p class="small muted">Open ${what} within ${r.maxKm} km and ${r.days} days.</p>`;
  if (r.items.length === 0) return html`<div id="related">${head}<p class="muted">${S.none}</p></div>`;
  return html`<div id="related">${head}<table class="related"><thead><tr><th scope="col">Lead</th><th scope="col">Why related</th><th scope="col">Score</th></tr></thead><tbody>${r.items.map(
    (x) => html`<tr data-related-id="${x.lead.id}"><td><a href="/leads/${encodeURIComponent(x.lead.id)}">${x.lead.title?.trim() || STRINGS.list.untitled}</a><br><span class="pill">${
      x.lead.kind === 'notice' ? 'notice' : STRINGS.labels[x.lead.label]
    }</span> <span class="pill status-${x.lead.status}">${STRINGS.statuses[x.lead.status]}</span> <span class="small muted">${formatDate(x.lead.notice?.lastSeenDate ?? x.lead.publishedAt)}</span></td><td><ul class="plain small">${x.reasons.map(
      (why) => html`<li>${why}</li>`,
    )}</ul></td><td>${x.score.toFixed(2)}</td></tr>`,
  )}</tbody></table></div>`;
}
// --- end related leads ---

export function leadPage(input: LeadPageInput): SafeHtml {
  const { lead } = input;
  const { body: evidence, located } = renderEvidenceText(lead.text, lead.indicators);
  const title = lead.title?.trim() || STRINGS.list.untitled;
  const body = html`<p><a href="/${input.back ? `?${input.back}` : ''}">← ${S.back}</a></p>
<h1>${title}</h1>
<p><span class="pill label-${lead.label}">${STRINGS.labels[lead.label]}</span> score <strong>${lead.score.toFixed(2)}</strong>
· <span class="pill status-${lead.status}" id="lead-status">${STRINGS.statuses[lead.status]}</span>
· ${lead.language} · ${S.published} ${formatDate(lead.publishedAt) || S.unknown}
${lead.types.length ? html`· ${lead.types.map((t) => html`<span class="pill">${t.replace(/_/g, ' ')}</span>`)}` : ''}</p>
${input.saved ? html`<p class="notice-ok" role="status">${S.saved(input.saved)}</p>` : ''}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<div class="lead-grid">
<section aria-labelledby="h-text"><h2 id="h-text">${S.text}</h2>${legend()}
<div class="evidence-text" lang="${lead.language}">${evidence}</div>
<h2>${S.reasons}</h2>${reasons(lead)}
<h2>${S.indicators}</h2>${indicatorTable(lead, located)}
${input.related ? related(lead, input.related) : ''}</section>
<aside>
<h2>${S.review}</h2>${reviewForm(lead, input.back)}
<h2>${S.history}</h2>${history(lead)}
<h2>${S.types}</h2><p>${lead.types.length ? lead.types.map((t) => html`<span class="pill">${t.replace(/_/g, ' ')}</span>`) : S.none}</p>
<h2>${S.victims}</h2>${victims(lead)}
<h2>${S.places}</h2><p class="small">${S.eventCountry}: <strong>${lead.eventCountry ?? S.unknown}</strong> · ${lead.countries.join(', ')}</p>${places(lead)}
<h2>${S.entities}</h2>${entities(lead)}
${notice(lead)}
<h2>${S.sourceUrls}</h2><ul class="plain small">${lead.urls.map((u) => html`<li>${externalLink(u)}</li>`)}</ul>
<p class="small muted">${lead.sourceIds.join(', ')}</p>
<h2>${S.provenance}</h2><dl class="facts small">
<dt>${S.lexiconVersion}</dt><dd><code>${lead.lexiconVersion}</code></dd>
<dt>${S.extractorVersion}</dt><dd><code>${lead.extractorVersion}</code></dd>
<dt>${S.fetched}</dt><dd>${formatDateTime(lead.fetchedAt)}</dd>
</dl>
</aside>
</div>`;
  return layout(title, 'leads', body);
}
