import type {
  Entity,
  ExploitationType,
  ExtractInput,
  Indicator,
  Lang,
  Place,
  Relevance,
  Victims,
} from '../core/index.js';

/** A sentence of the analysed text. */
export interface Sentence {
  start: number;
  end: number;
}

/**
 * The document as it moves through the ordered extractor list. Each extractor reads what earlier
 * ones filled and fills its own fields. Pure: no I/O.
 */
export interface AnalysisDoc {
  readonly text: string;
  readonly input: ExtractInput;
  language: Lang;
  sentences: Sentence[];
  indicators: Indicator[];
  entities: Entity[];
  places: Place[];
  countries: string[];
  eventCountry: string | null;
  victims: Victims;
  relevance: Relevance;
  types: ExploitationType[];
}

/** Read-only resources shared by extractors (loaded once per process). */
export interface ExtractContext {
  /** The compiled lexicon set (lexicons/index.ts `LexiconSet`). Typed loosely here to keep this file dependency-free. */
  readonly lexicons: unknown;
  readonly keepVictimNames: boolean;
}

export interface Extractor {
  readonly name: string;
  readonly version: string;
  extract(doc: AnalysisDoc, ctx: ExtractContext): void;
}
