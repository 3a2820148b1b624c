import type { AnalysisDoc, Extractor } from '../types.js';
import { documentCountries, eventCountry } from './countries.js';
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
    doc.places = resolvePlaces(doc.text, doc.language, { countryHint: doc.input.countryHint, entities: doc.entities });
    doc.countries = documentCountries(doc.places, doc.victims.nationalities);
    doc.eventCountry = eventCountry(doc.text, doc.places, doc.input.countryHint);
  },
};
