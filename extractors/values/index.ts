export { extractValues, values, valuesFound } from './extractor.js';
export { extractDates } from './dates.js';
export { extractAges } from './ages.js';
export { extractMoney } from './money.js';
export { extractPhones } from './phones.js';
export { extractNationalities } from './nationalities.js';
export { DEMONYMS, demonymForms } from './demonyms.js';
export { NUMBER_WORDS, wordsToNumber, parseNumeral, fold } from './numbers.js';
