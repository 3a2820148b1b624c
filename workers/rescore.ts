import type { LeadFilter } from '../store/index.js';
import { MAX_BATCH, type NamePolicy, redactForStorage } from '../extractors/index.js';
import type { PipelineDeps } from './deps.js';
import { analysisFields, safeTitle } from './lead-input.js';

export interface RescoreSummary {
  scanned: number;
  changed: number;
  labels: Record<string, number>;
}

/**
 * Re-analyses stored leads with the current lexicon and extractors (after a lexicon change). Status and review
 * history are kept; only the analysis is replaced. Runs embedded or inside a BullMQ maintenance job.
 */
export async function rescoreLeads(deps: Pick<PipelineDeps, 'store' | 'extract'> & { config: NamePolicy }, filter: LeadFilter & { ids?: string[] } = {}, onProgress?: (n: number) => void): Promise<RescoreSummary> {
  const summary: RescoreSummary = { scanned: 0, changed: 0, labels: {} };
  const { ids: only, ...rest } = filter;
  const ids: string[] = only ? [...only] : [];
  if (!only) for await (const l of deps.store.iterateLeads(rest)) ids.push(l.id);
  // Leads are read and extracted a batch at a time (the extractor runs the calls in flight together as one batch),
  // then written one by one.
  for (let from = 0; from < ids.length; from += MAX_BATCH) {
    const leads = (await Promise.all(ids.slice(from, from + MAX_BATCH).map((id) => deps.store.getLead(id)))).filter((l) => l !== null);
    const raws = await Promise.all(leads.map((lead) => deps.extract({ text: lead.text, lang: lead.language, publishedAt: lead.publishedAt })));
    for (const [k, lead] of leads.entries()) {
      summary.scanned++;
      const raw = raws[k]!;
      // A better model may find a victim's name the old one missed: redact again before storing.
      const { text, extraction: x } = redactForStorage(lead.text, raw, deps.config);
      // Notices stay leads whatever their label; an article that falls to `none` is kept but labelled none. A stricter
      // name policy (RASTRO_MASK_UNKNOWN_ROLES turned on) changes the text alone, with the same versions and score.
      const changed =
        x.lexiconVersion !== lead.lexiconVersion ||
        x.extractorVersion !== lead.extractorVersion ||
        x.relevance.label !== lead.label ||
        Math.abs(x.relevance.score - lead.score) > 1e-9 ||
        text !== lead.text;
      summary.labels[x.relevance.label] = (summary.labels[x.relevance.label] ?? 0) + 1;
      if (!changed) continue;
      summary.changed++;
      // The stored headline is the start of the stored text: it is masked the same way.
      await deps.store.replaceAnalysis(lead.id, { text, title: safeTitle(lead.title, lead.text, text), ...analysisFields(x) });
      onProgress?.(summary.scanned);
    }
  }
  return summary;
}
