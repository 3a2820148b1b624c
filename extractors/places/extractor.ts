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
  version: '1',
  extract(doc: AnalysisDoc): void {
    shareWordTokens(doc);
    doc.places = resolvePlaces(doc.text, doc.language, { countryHint: doc.input.countryHint, entities: doc.entities });
    // Victims' origin read from places ("oriundos do Nepal") joins the nationalities `victims` found in demonyms.
    if (doc.victims.count !== null || doc.victims.nationalities.length > 0 || doc.victims.minors !== null) {
      for (const cc of originCountries(doc.text, doc.places)) if (!doc.victims.nationalities.includes(cc)) doc.victims.nationalities.push(cc);
    }
    doc.countries = documentCountries(doc.places, doc.victims.nationalities);
    doc.eventCountry = eventCountry(doc.text, doc.places, doc.input.countryHint);
  },
};
