import type { Lead } from '../core/index.js';

/** What replaces a victim's name anywhere the web server shows or returns a lead. */
export const WITHHELD = '[victim]';

/**
 * The lead as the web server may show it: victims' names never leave, whatever the store kept. Person entities
 * with role `victim` lose their text and value; a missing-person notice loses the name.
 */
export function redactLead(lead: Lead): Lead {
  return {
    ...lead,
    entities: lead.entities.map((e) => {
      if (e.type !== 'person' || e.role !== 'victim') return e;
      const { value: _v, ...rest } = e;
      return { ...rest, text: WITHHELD };
    }),
    notice: lead.notice ? { ...lead.notice, name: null } : null,
  };
}
