// entities (NER): trained es/pt/en models + curated organizations list.
export {
  entitiesExtractor,
  recognizeEntities,
  recognizeWith,
  resourcesFor,
  modelLangFor,
  loadOrgMatcher,
  loadModel,
  OrgMatcher,
  parseOrgList,
  ORG_KINDS,
  type NerResources,
  type OrgEntry,
  type OrgKind,
  type OrgMatch,
} from './entities/index.js';
// places, values, victims, roles. Order in the pipeline: entities -> values -> victims -> places -> roles.
export { places, resolvePlaces, documentCountries, eventCountry, getGazetteer, setGazetteer, type PlaceHints } from './places/index.js';
export { values, extractValues, extractDates, extractAges, extractMoney, extractPhones, extractNationalities, DEMONYMS } from './values/index.js';
export { victims, extractVictims } from './victims.js';
export { roles, roleAt, assignRoles } from './roles.js';
// language, indicators, relevance (lexicon engine in lexicons/). Order: language -> indicators -> ... -> relevance (last).
export { detectLanguage, primaryLanguage, stopWordCounts } from './language.js';
export { indicatorsExtractor, toIndicator, isLexiconSet, type IndicatorHit } from './indicators.js';
export { relevanceExtractor, relevanceExtractorWith, decideRelevance, relevanceSignals, type RelevanceSignals } from './relevance.js';
export { backstopAllowed, relevanceFeatures, relevanceFeatureNames, incidentProbability, refineUnspecified, withLearnedBackstop, bundledRelevanceModel, type RelevanceModel } from './relevance-model.js';
export { exploitationTypes } from './exploitation-types.js';
export type { AnalysisDoc, ExtractContext, Extractor, Sentence } from './types.js';
// orchestration: the ordered extractor list and redaction before storage.
export { createBatchExtractor, createExtractor, DEFAULT_EXTRACTORS, MAX_BATCH, type BatchOutcome, emptyFindings, extractorVersion, languageExtractor, newAnalysisDoc, type ExtractorOptions } from './extract.js';
export { blockOutNames, DEFAULT_NAME_POLICY, isMaskedPerson, redactForStorage, redactVictims, REDACTION_CHAR, type NamePolicy } from './redact.js';
