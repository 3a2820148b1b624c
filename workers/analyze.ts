import type { StageProcessor } from '../queues/index.js';
import { canonicalizeUrl } from '../sources/index.js';
import type { UpsertOutcome } from '../store/index.js';
import type { PipelineDeps } from './deps.js';
import { analysisText, toLeadInput } from './lead-input.js';

export type AnalyzeOutcome = { canonicalUrl: string; label: string; leadId: string | null; outcome: UpsertOutcome | 'not_a_lead' };

/**
 * analyze: a document gives an extraction; incidents, awareness pieces and every missing-person notice become
 * leads, upserted idempotently (a retry of this job stores the lead once).
 */
export function analyzeProcessor(deps: PipelineDeps): StageProcessor<'analyze', AnalyzeOutcome> {
  return async ({ doc }) => {
    const text = analysisText(doc);
    const lang = doc.langHint ?? doc.language ?? undefined;
    const extraction = await deps.extract({
      text,
      ...(lang ? { lang } : {}),
      ...(doc.title ? { title: doc.title } : {}),
      publishedAt: doc.publishedAt,
      ...(doc.countryHint ? { countryHint: doc.countryHint } : {}),
    });
    const isLead = doc.kind === 'notice' || extraction.relevance.label !== 'none';
    let leadId: string | null = null;
    let outcome: AnalyzeOutcome['outcome'] = 'not_a_lead';
    if (isLead) {
      const r = await deps.store.upsertLead(toLeadInput(doc, text, extraction, deps.config));
      leadId = r.id;
      outcome = r.outcome;
    }
    await deps.store.markSeen({ canonicalUrl: doc.canonicalUrl, contentHash: doc.contentHash, leadId, seenAt: new Date().toISOString() });
    const requested = canonicalizeUrl(doc.url);
    if (requested !== doc.canonicalUrl) {
      await deps.store.markSeen({ canonicalUrl: requested, contentHash: doc.contentHash, leadId, seenAt: new Date().toISOString() });
    }
    return { canonicalUrl: doc.canonicalUrl, label: extraction.relevance.label, leadId, outcome };
  };
}
