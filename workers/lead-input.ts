import type { Extraction, SourceDocument } from '../core/index.js';
import { type NamePolicy, redactForStorage } from '../extractors/index.js';
import type { LeadInput } from '../store/index.js';

/** The text that is analysed and stored: the headline, then the body. Offsets refer to this string. */
export function analysisText(doc: Pick<SourceDocument, 'title' | 'text'>): string {
  const title = doc.title?.trim();
  if (!title || doc.text.startsWith(title)) return doc.text;
  return `${title}\n\n${doc.text}`;
}

/**
 * What gets stored for a document: the evidence a reviewer needs and nothing that exposes a victim beyond it.
 * Victims' names (and by default those of people whose role the text does not establish) are redacted in the text
 * and every quoted span unless the deployment keeps them.
 */
export function toLeadInput(doc: SourceDocument, text: string, extraction: Extraction, policy: NamePolicy): LeadInput {
  const safe = redactForStorage(text, extraction, policy);
  const x = safe.extraction;
  return {
    url: doc.url,
    sourceId: doc.sourceId,
    kind: doc.kind,
    canonicalUrl: doc.canonicalUrl,
    contentHash: doc.contentHash,
    simhash: doc.simhash ?? null,
    title: safeTitle(doc.title, text, safe.text),
    text: safe.text,
    publishedAt: doc.publishedAt,
    fetchedAt: doc.fetchedAt,
    notice: doc.notice ?? null,
    ...analysisFields(x),
  };
}

/**
 * The headline as stored: the analysed text starts with it (`analysisText`), so the redacted text's first characters are
 * the redacted headline ("Rescatan a Micaela ..." must not keep the name the body hides).
 */
export function safeTitle(title: string | null, text: string, safeText: string): string | null {
  if (title === null || safeText === text) return title;
  const t = title.trim();
  if (!t || !text.startsWith(t)) return title;
  const lead = title.indexOf(t);
  return title.slice(0, lead) + safeText.slice(0, t.length) + title.slice(lead + t.length);
}

/** The lead fields an extraction decides (what `rescore` replaces). */
export function analysisFields(x: Extraction): Pick<
  LeadInput,
  'language' | 'label' | 'score' | 'reasons' | 'types' | 'indicators' | 'entities' | 'places' | 'countries' | 'eventCountry' | 'victims' | 'lexiconVersion' | 'extractorVersion'
> {
  return {
    language: x.language,
    label: x.relevance.label,
    score: x.relevance.score,
    reasons: x.relevance.reasons,
    types: x.types,
    indicators: x.indicators,
    entities: x.entities,
    places: x.places,
    countries: x.countries,
    eventCountry: x.eventCountry,
    victims: x.victims,
    lexiconVersion: x.lexiconVersion,
    extractorVersion: x.extractorVersion,
  };
}
