import type { Lead, LeadStatus } from '../../core/index.js';
import { html, type SafeHtml } from '../html.js';
import { STRINGS } from '../strings.js';

const S = STRINGS.lead;
const ACTIONS: LeadStatus[] = ['confirmed', 'dismissed', 'needs_info'];

/** One form, one real submit button per status; posts back and is redirected to the lead page (303). */
export function reviewForm(lead: Lead, back: string): SafeHtml {
  const actions: LeadStatus[] = lead.status === 'new' ? ACTIONS : [...ACTIONS.filter((s) => s !== lead.status), 'new'];
  return html`<form class="review" method="post" action="/leads/${encodeURIComponent(lead.id)}/status">
<input type="hidden" name="back" value="${back}">
<div><label for="r-by">${S.reviewer}</label><input id="r-by" name="by" required maxlength="100" autocomplete="name"></div>
<div><label for="r-note">${S.note}</label><textarea id="r-note" name="note" rows="3" maxlength="2000"></textarea></div>
<div class="buttons">${actions.map((s) => html`<button type="submit" name="status" value="${s}" class="s-${s}">${S.setStatus[s]}</button>`)}</div>
</form>`;
}
