export * from './entities/index.js';
// places, values, victims, roles, privacy. Order in the pipeline: entities -> values -> victims -> places -> roles.
export { places, resolvePlaces, documentCountries, eventCountry, getGazetteer, setGazetteer, type PlaceHints } from './places/index.js';
export { values, extractValues, extractDates, extractAges, extractMoney, extractPhones, extractNationalities, DEMONYMS } from './values/index.js';
export { victims, extractVictims } from './victims.js';
export { roles, roleAt, assignRoles } from './roles.js';
export { maskVictimNames, type MaskOptions } from './privacy.js';
