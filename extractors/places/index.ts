export { resolvePlaces, type PlaceHints } from './resolve.js';
export { places } from './extractor.js';
export { documentCountries, eventCountry, originCountries } from './countries.js';
export { getGazetteer, setGazetteer, indexGazetteer, codesOf, GAZETTEER_PATHS, type Gazetteer, type GazetteerData, type GazEntry } from './gazetteer.js';
export { wordTokens, shareWordTokens, foldWord, UPPER, DIGIT, SPACED, PLAIN, type WordToken, type WordTokens } from './normalize.js';
export { WordSieve } from './sieve.js';
