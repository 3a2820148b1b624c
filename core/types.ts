/**
 * Shared domain types. Every folder speaks these; core imports nothing else of ours.
 * Offsets (`start`/`end`) are JavaScript UTF-16 code-unit offsets into the analysed text, `end` exclusive.
 */

export const EXPLOITATION_TYPES = [
  'sexual_exploitation',
  'forced_labour',
  'domestic_servitude',
  'forced_begging',
  'forced_criminality',
  'forced_recruitment',
  'forced_marriage',
  'organ_removal',
  'illegal_adoption',
  'child_exploitation',
  'unspecified',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const RELEVANCE_LABELS = ['incident', 'awareness', 'none'] as const;
export type RelevanceLabel = (typeof RELEVANCE_LABELS)[number];

export const LEAD_STATUSES = ['new', 'confirmed', 'dismissed', 'needs_info'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_KINDS = ['article', 'notice'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

/** Primary language subtag; the three we analyse fully, anything else passes through as a string. */
export type Lang = 'es' | 'pt' | 'en' | (string & {});

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Taxonomy groups (lexicons/taxonomy.yaml): Palermo act / means / purpose, ILO forced-labour indicators,
 * victim profile, event markers, `offence` (named crimes: "trata de personas", "proxenetismo") and
 * `context` (counter-signals such as migrant smuggling, drug trafficking, road traffic).
 */
export type IndicatorGroup = 'act' | 'means' | 'purpose' | 'ilo' | 'victim' | 'event' | 'offence' | 'context';

/** One lexicon hit mapped to the taxonomy, with its evidence. */
export interface Indicator extends Span {
  /** Lexicon entry id, e.g. `es.purpose.sexual.explotacion_sexual`. */
  id: string;
  /** Taxonomy category id, e.g. `purpose.sexual_exploitation`, `means.deception`, `ilo.debt_bondage`. */
  category: string;
  group: IndicatorGroup;
  weight: number;
  /** The sentence that holds the hit, for highlighting. */
  sentence?: { start: number; end: number };
  /** True when a clause-scoped negation or hedge covers the hit; negated hits do not count toward relevance. */
  negated?: boolean;
}

export type EntityType =
  | 'person'
  | 'organization'
  | 'location'
  | 'misc'
  | 'date'
  | 'age'
  | 'money'
  | 'phone'
  | 'nationality';

export type PersonRole = 'victim' | 'suspect' | 'official' | 'other';

export interface Entity extends Span {
  type: EntityType;
  /** For people, where the text supports one. */
  role?: PersonRole;
  /** Normalised value: ISO date for dates, number for ages and money, E.164-ish digits for phones, ISO country for nationalities. */
  value?: string | number;
  /** For money: ISO currency code. For organizations from the curated list: its id. */
  ref?: string;
  confidence?: number;
}

export interface Place extends Span {
  /** Resolved name (gazetteer's preferred name). */
  name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string | null;
  /** First-level division name, when resolved. */
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  confidence: number;
  kind?: 'country' | 'admin1' | 'city' | 'other';
  geonameId?: number;
}

/** The victims of the case a text reports: empty (null, null, []) when the text reports no case (relevance not incident). */
export interface Victims {
  count: number | null;
  /**
   * true: a victim is a minor (a noun such as "niñas", "menor de edad", or an age under 18); false: the text counts
   * victims, or names them as adults, and says of none that it is a minor; null: no victims counted or described.
   */
  minors: boolean | null;
  nationalities: string[];
  gender?: 'female' | 'male' | 'mixed' | null;
  /** Spans that support count, minors, gender and nationalities. */
  evidence?: Array<Span & { supports: 'count' | 'minors' | 'gender' | 'nationality' }>;
}

export interface RelevanceReason {
  /** Indicator id or rule name. */
  id: string;
  category: string;
  weight: number;
  start?: number;
  end?: number;
  text?: string;
}

export interface Relevance {
  label: RelevanceLabel;
  score: number;
  reasons: RelevanceReason[];
}

/** The `extract` contract of ../shared/eval/README.md, plus provenance. */
export interface Extraction {
  language: Lang;
  relevance: Relevance;
  types: ExploitationType[];
  indicators: Indicator[];
  entities: Entity[];
  places: Place[];
  countries: string[];
  eventCountry: string | null;
  victims: Victims;
  /** Content hash of the lexicon set that produced this extraction. */
  lexiconVersion: string;
  /** Version string of the extractor pipeline. */
  extractorVersion: string;
}

/** Input to extraction: text plus what the source knows. */
export interface ExtractInput {
  text: string;
  /** Language hint (from the caller, the source config or the page). */
  lang?: string;
  title?: string;
  /** ISO publication date, to resolve relative dates. */
  publishedAt?: string | null;
  /** Source country hint (ISO alpha-2), to break gazetteer ties. */
  countryHint?: string;
}

/** The `article` contract: main text extracted from HTML. */
export interface ArticleResult {
  title: string | null;
  text: string | null;
  publishedAt: string | null;
  language: string | null;
  author: string | null;
  canonicalUrl?: string | null;
  /** What could not be extracted, for per-source health. */
  missing?: Array<'title' | 'text' | 'date'>;
}

/** A fetched and cleaned document, ready for analysis. */
export interface SourceDocument {
  url: string;
  canonicalUrl: string;
  sourceId: string;
  kind: LeadKind;
  fetchedAt: string;
  title: string | null;
  text: string;
  publishedAt: string | null;
  language: string | null;
  author: string | null;
  /** sha256 of the normalised main text. */
  contentHash: string;
  /** 64-bit SimHash of the text shingles, hex, for near-duplicate detection. */
  simhash?: string;
  langHint?: string;
  countryHint?: string;
  /** Structured fields of a missing-person notice. */
  notice?: NoticeFields;
}

export interface NoticeFields {
  /** Name exactly as the notice publishes it; masked in exports by default. */
  name: string | null;
  age: number | null;
  sex: 'female' | 'male' | null;
  lastSeenDate: string | null;
  lastSeenPlace: string | null;
  authority: string | null;
  alertType: string | null;
  noticeUrl: string;
}

export interface ReviewEvent {
  at: string;
  by: string;
  from: LeadStatus;
  to: LeadStatus;
  note: string | null;
}

/** One stored candidate incident. */
export interface Lead {
  id: string;
  kind: LeadKind;
  canonicalUrl: string;
  /** Every URL the same story was seen at (syndicated and near-duplicate copies). */
  urls: string[];
  sourceIds: string[];
  contentHash: string;
  simhash: string | null;
  title: string | null;
  /** Stored text with victims' names masked unless the deployment keeps them. */
  text: string;
  publishedAt: string | null;
  fetchedAt: string;
  language: string;
  label: RelevanceLabel;
  score: number;
  reasons: RelevanceReason[];
  types: ExploitationType[];
  indicators: Indicator[];
  entities: Entity[];
  places: Place[];
  countries: string[];
  eventCountry: string | null;
  victims: Victims;
  notice: NoticeFields | null;
  lexiconVersion: string;
  extractorVersion: string;
  status: LeadStatus;
  history: ReviewEvent[];
  createdAt: string;
  updatedAt: string;
}

export type SourceKind = 'rss' | 'atom' | 'jsonfeed' | 'feed' | 'sitemap' | 'listing' | 'article' | 'notice' | 'file';

export interface SourceConfig {
  id: string;
  url: string;
  kind: SourceKind;
  lang?: string;
  country?: string;
  /** Poll interval in minutes for `rastro schedule`. */
  pollMinutes?: number;
  /** CSS selectors for listing pages and article bodies. */
  selectors?: { items?: string; link?: string; body?: string; title?: string; date?: string };
  /** Items in this source are missing-person notices. */
  notices?: boolean;
  enabled?: boolean;
}

export interface SourceState {
  sourceId: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  lastItemsFound: number | null;
  polls: number;
  missingDate: number;
  missingText: number;
}
