import { describe, it, expect } from 'vitest';
import { decideRelevance, exploitationTypes, relevanceExtractor } from '../../extractors/index.js';
import type { AnalysisDoc } from '../../extractors/index.js';
import type { Entity, Indicator, IndicatorGroup, Victims } from '../../core/index.js';

let pos = 0;
/** A synthetic counted indicator; each gets its own span. */
function ind(category: string, opts: { weight?: number; negated?: boolean; text?: string } = {}): Indicator {
  const start = (pos += 10);
  const i: Indicator = {
    id: `t.${category}`,
    category,
    group: category.split('.')[0] as IndicatorGroup,
    weight: opts.weight ?? 0.9,
    start,
    end: start + 5,
    text: opts.text ?? category,
  };
  if (opts.negated) i.negated = true;
  return i;
}

const noVictims: Victims = { count: null, minors: null, nationalities: [] };
const label = (indicators: Indicator[], victims: Victims = noVictims) => decideRelevance({ indicators, victims, entities: [] }).label;

describe('relevance rules', () => {
  it('calls a named crime with an arrest an incident, with the rule and evidence as reasons', () => {
    const r = decideRelevance({ indicators: [ind('offence.trafficking'), ind('event.arrest_raid')], victims: noVictims, entities: [] });
    expect(r.label).toBe('incident');
    expect(r.reasons[0]!.id).toBe('rule.evidence_with_case');
    expect(r.reasons.map((x) => x.category)).toEqual(['rule', 'offence.trafficking', 'event.arrest_raid']);
    expect(r.score).toBeGreaterThan(0.5);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it('ignores negated evidence', () => {
    expect(label([ind('offence.trafficking', { negated: true }), ind('event.arrest_raid')])).toBe('none');
  });

  it('calls the topic without a case awareness', () => {
    expect(label([ind('offence.trafficking'), ind('context.awareness')])).toBe('awareness');
    expect(label([ind('offence.trafficking')])).toBe('awareness');
  });

  it('does not take a hotline or a job-offer warning for a case', () => {
    expect(label([ind('offence.trafficking'), ind('event.complaint_report'), ind('event.recruitment_offer')])).toBe('awareness');
  });

  it('needs two case markers inside an awareness frame (a report that mentions rescues)', () => {
    expect(label([ind('offence.trafficking'), ind('context.awareness'), ind('event.rescue')])).toBe('awareness');
    expect(label([ind('offence.trafficking'), ind('context.awareness'), ind('event.rescue'), ind('event.arrest_raid')])).toBe('incident');
  });

  it('lets a migrant-smuggling context explain away an ambiguous crime name', () => {
    expect(label([ind('offence.trafficking', { weight: 0.7 }), ind('context.migrant_smuggling'), ind('event.arrest_raid'), ind('means.payment')])).toBe('none');
  });

  it('keeps smuggling stories with exploitation evidence or an unambiguous crime name', () => {
    expect(label([ind('offence.trafficking', { weight: 0.7 }), ind('context.migrant_smuggling'), ind('event.arrest_raid'), ind('ilo.debt_bondage')])).toBe('incident');
    expect(label([ind('offence.trafficking', { weight: 0.95 }), ind('context.migrant_smuggling'), ind('event.arrest_raid')])).toBe('incident');
  });

  it('drops fiction and history without a real case', () => {
    expect(label([ind('purpose.sexual_exploitation'), ind('context.fiction_history')])).toBe('none');
  });

  it('calls forced-labour indicators with a rescue an incident even when no crime is named', () => {
    expect(label([ind('ilo.withholding_wages'), ind('ilo.retention_of_documents'), ind('event.rescue')])).toBe('incident');
    expect(label([ind('ilo.withholding_wages'), ind('event.rescue')])).toBe('none');
  });

  it('counts victim specifics from the victims extractor toward a case', () => {
    expect(label([ind('purpose.sexual_exploitation')], { count: 3, minors: false, nationalities: [] })).toBe('incident');
  });
});

describe('exploitation types', () => {
  it('takes types from purpose indicators, unspecified for an incident without purpose, none otherwise', () => {
    expect(exploitationTypes('incident', [ind('purpose.forced_labour'), ind('purpose.organ_removal')])).toEqual(['forced_labour', 'organ_removal']);
    expect(exploitationTypes('incident', [ind('offence.trafficking')])).toEqual(['unspecified']);
    expect(exploitationTypes('awareness', [ind('purpose.forced_labour')])).toEqual([]);
  });

  it('types a case described only by work-specific ILO indicators as forced labour, not unspecified', () => {
    expect(exploitationTypes('incident', [ind('offence.trafficking'), ind('ilo.withholding_wages')])).toEqual(['forced_labour']);
    // debt and retained documents also occur in sexual exploitation: they alone do not decide the type
    expect(exploitationTypes('incident', [ind('offence.trafficking'), ind('ilo.debt_bondage'), ind('ilo.retention_of_documents')])).toEqual(['unspecified']);
    // a named purpose wins over the indicators
    expect(exploitationTypes('incident', [ind('purpose.sexual_exploitation'), ind('ilo.excessive_overtime')])).toEqual(['sexual_exploitation']);
  });

  it('drops a purpose with less than half the hits of the leading one', () => {
    const hits = [ind('purpose.sexual_exploitation'), ind('purpose.sexual_exploitation'), ind('purpose.sexual_exploitation'), ind('purpose.forced_labour')];
    expect(exploitationTypes('incident', hits)).toEqual(['sexual_exploitation']);
  });

  it('lets the generic forced_labour stand for a phrase mapped to two types unless the other type has its own evidence', () => {
    const phrase = ind('purpose.forced_labour', { text: 'trabajos forzados' });
    const twin = { ...ind('purpose.domestic_servitude', { text: 'trabajos forzados' }), start: phrase.start, end: phrase.end };
    expect(exploitationTypes('incident', [phrase, twin])).toEqual(['forced_labour']);
    // with its own evidence domestic servitude stays, and then (as the specific type) also takes the shared phrase
    expect(exploitationTypes('incident', [phrase, twin, ind('purpose.domestic_servitude', { text: 'labores domésticas' })])).toEqual([
      'domestic_servitude',
    ]);
  });

  it('prefers domestic servitude over an equally supported forced labour', () => {
    expect(exploitationTypes('incident', [ind('purpose.domestic_servitude'), ind('purpose.forced_labour')])).toEqual(['domestic_servitude']);
    const more = [ind('purpose.domestic_servitude'), ind('purpose.forced_labour'), ind('purpose.forced_labour')];
    expect(exploitationTypes('incident', more)).toEqual(['forced_labour', 'domestic_servitude']);
  });

  it('reads the purpose from a related crime name when none is named', () => {
    expect(exploitationTypes('incident', [ind('offence.related', { text: 'proxenetismo' })])).toEqual(['sexual_exploitation']);
    expect(exploitationTypes('incident', [ind('offence.related', { text: 'trabalho escravo' })])).toEqual(['forced_labour']);
    expect(exploitationTypes('incident', [ind('offence.trafficking', { text: 'sex trafficking ring' })])).toEqual(['sexual_exploitation']);
    expect(exploitationTypes('incident', [ind('offence.trafficking', { text: 'trata de personas' })])).toEqual(['unspecified']);
  });

  it('adds child_exploitation only when the text frames the case as exploitation of children, not for minor victims', () => {
    // minors exploited sexually: the purpose alone (the victims extractor's minors flag is not read)
    expect(exploitationTypes('incident', [ind('purpose.sexual_exploitation'), ind('victim.minor', { text: 'dos adolescentes' })])).toEqual([
      'sexual_exploitation',
    ]);
    const framing = ind('purpose.child_exploitation', { text: 'explotación sexual comercial de menores' });
    expect(exploitationTypes('incident', [ind('purpose.sexual_exploitation'), framing])).toEqual(['sexual_exploitation', 'child_exploitation']);
    // a crime name that frames it, and a child-only practice
    expect(exploitationTypes('incident', [ind('purpose.forced_marriage'), ind('offence.related', { text: 'sex trafficking of a minor' })])).toEqual([
      'forced_marriage',
      'child_exploitation',
    ]);
    expect(exploitationTypes('incident', [ind('purpose.domestic_servitude', { text: 'criadazgo' })])).toEqual(['domestic_servitude', 'child_exploitation']);
    // "trata de menores" / "child trafficking" names no exploitation; a verb describes victims, it frames nothing
    expect(exploitationTypes('incident', [ind('offence.trafficking', { text: 'trata de menores' })])).toEqual(['unspecified']);
    expect(exploitationTypes('incident', [ind('offence.related', { text: 'exploiting children' })])).toEqual(['unspecified']);
  });

  it('types an incident from the exploitation described in words when no purpose or crime name gives it', () => {
    const named = ind('offence.trafficking', { text: 'trata de personas' });
    expect(exploitationTypes('incident', [named, ind('context.described_sexual_exploitation')])).toEqual(['sexual_exploitation']);
    expect(exploitationTypes('incident', [named, ind('context.described_forced_criminality')])).toEqual(['forced_criminality']);
    // a named purpose is not overruled by a described activity
    expect(exploitationTypes('incident', [ind('purpose.forced_labour'), ind('context.described_sexual_exploitation')])).toEqual(['forced_labour']);
    // the described activity comes before the work-only ILO indicators
    expect(exploitationTypes('incident', [named, ind('ilo.withholding_wages'), ind('context.described_domestic_servitude')])).toEqual([
      'domestic_servitude',
    ]);
    // never outside incidents
    expect(exploitationTypes('awareness', [ind('context.described_sexual_exploitation')])).toEqual([]);
  });

  it('lets a forced marriage stand for the household and field work the girl is made to do', () => {
    const fm = ind('purpose.forced_marriage');
    expect(exploitationTypes('incident', [fm, ind('purpose.domestic_servitude')])).toEqual(['forced_marriage']);
    // housework that outweighs the union is a type of its own
    expect(exploitationTypes('incident', [fm, ind('purpose.domestic_servitude'), ind('purpose.domestic_servitude')])).toEqual([
      'domestic_servitude',
      'forced_marriage',
    ]);
    // a union told in words ("matrimonio de menores") beside housework named as a purpose: the union stands for it
    expect(exploitationTypes('incident', [ind('purpose.domestic_servitude'), ind('context.described_forced_marriage')])).toEqual(['forced_marriage']);
    // with no union described, housework stays domestic servitude
    expect(exploitationTypes('incident', [ind('purpose.domestic_servitude'), ind('context.described_domestic_servitude')])).toEqual(['domestic_servitude']);
  });

  it('reads generically named labour as the specific form the text describes (housework, begging)', () => {
    const labour = ind('purpose.forced_labour', { text: 'explotación laboral' });
    expect(exploitationTypes('incident', [labour, ind('context.described_domestic_servitude')])).toEqual(['domestic_servitude']);
    expect(exploitationTypes('incident', [labour, ind('context.described_forced_begging')])).toEqual(['forced_begging']);
    // other work described as well: the generic name stands
    const farm = ind('context.described_forced_labour');
    expect(exploitationTypes('incident', [labour, ind('context.described_domestic_servitude'), farm])).toEqual(['forced_labour']);
  });

  it('reads the purpose from a child framing when nothing else names one', () => {
    expect(exploitationTypes('incident', [ind('offence.related', { text: 'pornografía infantil' })])).toEqual(['sexual_exploitation', 'child_exploitation']);
    expect(exploitationTypes('incident', [ind('purpose.child_exploitation', { text: 'trabalho infantil' })])).toEqual(['forced_labour', 'child_exploitation']);
    const begging = [ind('purpose.child_exploitation', { text: 'trabalho infantil' }), ind('purpose.forced_begging')];
    expect(exploitationTypes('incident', begging)).toEqual(['forced_begging', 'child_exploitation']);
  });
});

describe('cases told through a complaint, an escape or an investigation', () => {
  const age = (text: string, value: number): Entity => ({ type: 'age', text, value, start: 0, end: text.length });
  const decide = (indicators: Indicator[], entities: Entity[] = [], victims: Victims = noVictims) => decideRelevance({ indicators, victims, entities });

  it('makes an incident of a named crime, a complaint and a victim with an age', () => {
    const r = decide([ind('offence.trafficking'), ind('event.complaint_report')], [age('de 19 años', 19)]);
    expect(r.label).toBe('incident');
    expect(r.reasons[0]!.id).toBe('rule.evidence_with_report_and_victim');
    expect(r.reasons.some((x) => x.id === 'victims.specific' && x.text === 'de 19 años')).toBe(true);
    // an age bound describes a population ("menores de 18 años"), not a victim
    expect(decide([ind('offence.trafficking'), ind('event.complaint_report')], [age('menores de 18 años', 18)]).label).toBe('awareness');
    // an escape or an investigation opened counts as the report
    expect(decide([ind('purpose.sexual_exploitation'), ind('event.escape')], [age('15-year-old', 15)]).label).toBe('incident');
  });

  it('keeps a report with statistics beside an awareness frame as awareness', () => {
    const stats: Victims = { count: 400, minors: null, nationalities: [] };
    const frame = { ...ind('context.awareness'), id: 'x.report' };
    expect(decide([ind('offence.trafficking'), ind('event.complaint_report'), frame], [], stats).label).toBe('awareness');
    // one person beside the same frame is a case
    expect(decide([ind('offence.trafficking'), ind('event.complaint_report'), frame], [age('de 22 anos', 22)]).label).toBe('incident');
  });

  it('makes an incident of exploitation described in words with coercion, an event and a victim', () => {
    const described = ind('context.described_sexual_exploitation');
    const oneWoman: Victims = { count: 1, minors: false, nationalities: [] };
    expect(decide([described, ind('means.force'), ind('event.complaint_report')], [], oneWoman).label).toBe('incident');
    // without coercion (pay and hours only) it is a labour dispute, not a case
    const work = ind('context.described_forced_labour');
    expect(decide([work, ind('ilo.excessive_overtime'), ind('ilo.withholding_wages'), ind('event.complaint_report')], [], oneWoman).label).toBe('none');
    // the described activity alone is no evidence
    expect(decide([described, ind('event.arrest_raid')], [], oneWoman).label).toBe('none');
  });

  it('lets "explotación minera" explain away a word but not a described case; drugs and smuggling still veto it', () => {
    const oneWoman: Victims = { count: 1, minors: false, nationalities: [] };
    const base = [ind('context.described_sexual_exploitation'), ind('means.force'), ind('event.escape')];
    expect(decide([...base, ind('context.mining_exploitation')], [], oneWoman).label).toBe('incident');
    expect(decide([...base, ind('context.migrant_smuggling')], [], oneWoman).label).toBe('none');
  });

  it('needs no means for children: an act toward a described exploitation and an event make the case', () => {
    const kids: Victims = { count: 18, minors: true, nationalities: [] };
    const adults: Victims = { count: 18, minors: false, nationalities: [] };
    const base = [ind('context.described_domestic_servitude'), ind('act.transport'), ind('event.arrest_raid')];
    expect(decide(base, [], kids).label).toBe('incident');
    expect(decide(base, [], adults).label).toBe('none');
  });

  it('reads a victim count in the thousands as a statistic (one more awareness frame)', () => {
    const stats: Victims = { count: 2614, minors: null, nationalities: [] };
    const frame = { ...ind('context.awareness'), id: 'x.balance' };
    expect(decide([ind('offence.related'), ind('event.rescue'), ind('event.arrest_raid'), frame], [], stats).label).toBe('awareness');
    const group: Victims = { count: 26, minors: null, nationalities: [] };
    expect(decide([ind('offence.related'), ind('event.rescue'), ind('event.arrest_raid'), frame], [], group).label).toBe('incident');
  });
});

describe('relevance extractor', () => {
  it('fills relevance and types on the document', () => {
    const d = {
      text: '',
      input: { text: '' },
      language: 'es',
      sentences: [],
      indicators: [ind('offence.trafficking'), ind('purpose.sexual_exploitation'), ind('event.rescue')],
      entities: [],
      places: [],
      countries: [],
      eventCountry: null,
      victims: noVictims,
      relevance: { label: 'none', score: 0, reasons: [] },
      types: [],
    } satisfies AnalysisDoc;
    relevanceExtractor.extract(d, { lexicons: null, keepVictimNames: false });
    expect(d.relevance.label).toBe('incident');
    expect(d.types).toEqual(['sexual_exploitation']);
  });

  it('keeps the victims of an incident and gives a text that reports no case none', () => {
    const counted: Victims = { count: 412, minors: false, nationalities: ['VE'], gender: 'female', evidence: [] };
    const doc = (indicators: Indicator[]) => ({
      text: '', input: { text: '' }, language: 'es', sentences: [], indicators, entities: [], places: [], countries: ['VE'],
      eventCountry: null, victims: { ...counted }, relevance: { label: 'none' as const, score: 0, reasons: [] }, types: [],
    }) satisfies AnalysisDoc;
    const incident = doc([ind('offence.trafficking'), ind('purpose.sexual_exploitation'), ind('event.rescue')]);
    relevanceExtractor.extract(incident, { lexicons: null, keepVictimNames: false });
    expect(incident.relevance.label).toBe('incident');
    expect(incident.victims).toEqual(counted);
    // An annual report's statistics: the decision read the count, the finding keeps no victims.
    const report = doc([ind('offence.trafficking'), ind('context.awareness')]);
    relevanceExtractor.extract(report, { lexicons: null, keepVictimNames: false });
    expect(report.relevance.label).not.toBe('incident');
    expect(report.victims).toEqual({ count: null, minors: null, nationalities: [], gender: null, evidence: [] });
    // The countries stay: the text is still about them.
    expect(report.countries).toEqual(['VE']);
  });
});

describe('crime lists', () => {
  it('does not let a crime name listed beside drug trafficking in one sentence make a case', () => {
    const sentence = { start: 0, end: 100 };
    const named = { ...ind('offence.trafficking', { weight: 0.95 }), sentence };
    const drugs = { ...ind('context.drug_trafficking'), sentence };
    expect(label([named, drugs, ind('event.arrest_raid')])).toBe('none');
    const elsewhere = { ...ind('offence.trafficking', { weight: 0.95 }), sentence: { start: 200, end: 300 } };
    expect(label([named, elsewhere, drugs, ind('event.arrest_raid')])).toBe('incident');
  });
});

describe('counter-signals and names', () => {
  it('calls the crime named beside smuggling, with no case at all, awareness', () => {
    const sentence = { start: 0, end: 100 };
    const named = { ...ind('offence.trafficking', { weight: 0.95 }), sentence };
    const smuggling = { ...ind('context.migrant_smuggling', { text: 'tráfico de migrantes' }), sentence };
    expect(label([named, smuggling])).toBe('awareness');
    expect(label([named, smuggling, ind('event.arrest_raid')])).toBe('none');
  });

  it('ignores a counter-signal inside an institution name', () => {
    const sentence = { start: 0, end: 100 };
    const name = { ...ind('context.migrant_smuggling', { text: 'Tráfico Ilícito de Migrantes' }), start: 40, end: 68, sentence };
    expect(label([ind('offence.trafficking', { weight: 0.7 }), name, ind('event.arrest_raid')])).toBe('incident');
  });
});
