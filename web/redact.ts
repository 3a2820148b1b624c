import type { Lead } from '../core/index.js';
import { blockOutNames, REDACTION_CHAR as BLOCK } from '../extractors/index.js';

/** What replaces a victim's name in entities the web server shows or returns. */
export const WITHHELD = '[victim]';

/** Names worth masking: real words, not a placeholder such as "[víctima]" or an already redacted run. */
function maskable(name: string | null | undefined): name is string {
  if (!name) return false;
  const n = name.trim();
  return n.length >= 3 && !/^\[.*\]$/.test(n) && /\p{L}/u.test(n.replace(new RegExp(BLOCK, 'g'), ''));
}

const maskAll = blockOutNames;

/**
 * The lead as the web server may show it: victims' names never leave, whatever the store kept (a deployment
 * with keepVictimNames, or a name the pipeline missed). Names known from victim entities and from a notice
 * are blocked out in the title and text; victim entities lose their text and value; a notice loses the name.
 */
export function redactLead(lead: Lead): Lead {
  const names = [
    ...lead.entities.filter((e) => e.type === 'person' && e.role === 'victim').map((e) => e.text),
    lead.notice?.name ?? null,
  ].filter(maskable);
  if (names.length === 0 && !lead.notice && !lead.entities.some((e) => e.role === 'victim')) return lead;
  const m = (s: string) => maskAll(s, names);
  return {
    ...lead,
    title: lead.title === null ? null : m(lead.title),
    text: m(lead.text),
    indicators: lead.indicators.map((i) => ({ ...i, text: m(i.text) })),
    reasons: lead.reasons.map((r) => (r.text === undefined ? r : { ...r, text: m(r.text) })),
    places: lead.places.map((p) => ({ ...p, text: m(p.text) })),
    entities: lead.entities.map((e) => {
      if (e.type !== 'person' || e.role !== 'victim') return { ...e, text: m(e.text) };
      const { value: _v, ...rest } = e;
      return { ...rest, text: WITHHELD };
    }),
    victims: lead.victims.evidence ? { ...lead.victims, evidence: lead.victims.evidence.map((ev) => ({ ...ev, text: m(ev.text) })) } : lead.victims,
    notice: lead.notice ? { ...lead.notice, name: null } : null,
  };
}
