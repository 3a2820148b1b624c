import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Indicator, Relevance } from '../../core/index.js';
import { backstopAllowed, bundledRelevanceModel, incidentProbability, refineUnspecified, relevanceFeatureNames, relevanceFeatures, withLearnedBackstop, type RelevanceModel } from '../../extractors/index.js';
import { trainLogistic, crossValidate, type Example } from '../../scripts/train-relevance.js';

const none: Relevance = { label: 'none', score: 0, reasons: [{ id: 'rule.no_trafficking_evidence', category: 'rule', weight: 0 }] };
const model: RelevanceModel = { bias: -2, weights: { 'w:obrigadas': 3, 'c:event.rescue': 1, 'w:futebol': -4 }, threshold: 0.8, meta: {} };
const rescue = { id: 'x', category: 'event.rescue', group: 'event', weight: 1, start: 0, end: 4, text: 'x' } as Indicator;

describe('the learned backstop of the relevance decision', () => {
  it('features: folded words once with their first span, counted indicator categories, the rule taken', () => {
    const f = relevanceFeatures('Obrigadas a trabalhar; OBRIGADAS de novo em 2024.', [rescue, { ...rescue, category: 'means.force', negated: true }], 'rule.x');
    const names = f.map((x) => x.name);
    expect(names.filter((n) => n === 'w:obrigadas')).toHaveLength(1);
    expect(f.find((x) => x.name === 'w:obrigadas')).toMatchObject({ start: 0, end: 9 });
    expect(names).toContain('c:event.rescue');
    expect(names).not.toContain('c:means.force'); // negated hits do not count
    expect(names).toContain('r:rule.x');
    expect(names).not.toContain('w:2024'); // bare numbers and short words are left out
    expect(names).not.toContain('w:de');
  });

  it('the fast feature names (whole text folded once) are exactly the names of the features with spans', () => {
    const texts = [
      'Ñandú, AÇÃO e São Paulo: Menores explotadas em Ciudad Juárez; ÜBER straße 42 año 2024.',
      'Police freed 12 women; the Bar\u2019s owner was arrested.',
      'Trabalhadores resgatados — condições análogas à escravidão.',
    ];
    for (const t of texts) {
      expect([...relevanceFeatureNames(t, [rescue], 'rule.y')].sort()).toEqual(relevanceFeatures(t, [rescue], 'rule.y').map((f) => f.name).sort());
    }
  });

  it('turns a non-incident into an incident above the threshold, with the words that pushed it as reasons', () => {
    const text = 'Elas eram obrigadas a ficar.';
    const r = withLearnedBackstop(none, text, [rescue], model);
    expect(r.label).toBe('incident');
    expect(r.reasons[0]!.id).toBe('rule.learned_backstop');
    const word = r.reasons.find((x) => x.id === 'learned.word')!;
    expect(text.slice(word.start, word.end)).toBe('obrigadas');
    // the word itself is never in an id (redaction masks spans, not ids)
    expect(r.reasons.map((x) => x.id).join(' ')).not.toContain('obrigadas');
    expect(r.reasons.map((x) => x.id)).toContain('learned.c:event.rescue');
    expect(r.score).toBeCloseTo(incidentProbability(model, relevanceFeatures(text, [rescue], 'rule.no_trafficking_evidence')), 3);
  });

  it('leaves the rules alone below the threshold, without a model, and never undoes an incident', () => {
    // without the rescue: -2 + 3 = 1, p = 0.73 < 0.8
    expect(withLearnedBackstop(none, 'Elas eram obrigadas a ficar.', [], model)).toBe(none);
    const low = withLearnedBackstop(none, 'obrigadas no futebol', [rescue], model);
    expect(low).toBe(none);
    expect(withLearnedBackstop(none, 'obrigadas', [rescue], null)).toBe(none);
    const incident: Relevance = { label: 'incident', score: 0.9, reasons: [] };
    expect(withLearnedBackstop(incident, 'futebol', [], model)).toBe(incident);
  });

  it('stays out where the rules recognised another crime or story (domestic violence, a labour dispute, grooming...)', () => {
    const text = 'Elas eram obrigadas a ficar.';
    for (const category of ['context.domestic_violence', 'context.labour_dispute', 'context.online_grooming', 'context.migrant_smuggling', 'context.ruled_out']) {
      const other = { ...rescue, category, group: 'context' } as Indicator;
      expect(backstopAllowed([rescue, other])).toBe(false);
      expect(withLearnedBackstop(none, text, [rescue, other], model)).toBe(none);
      // a negated mention explains nothing
      expect(backstopAllowed([rescue, { ...other, negated: true }])).toBe(true);
    }
    expect(withLearnedBackstop(none, text, [rescue], model).label).toBe('incident');
  });

  it('names the type of an incident the rules left unspecified when a type model is confident, and only then', () => {
    const typed: RelevanceModel = {
      ...model,
      types: { sexual_exploitation: { bias: -1, weights: { 'w:boate': 3 } }, forced_labour: { bias: -1, weights: { 'w:fazenda': 2.5 } } },
    };
    expect(refineUnspecified(['unspecified'], 'Resgatadas numa boate.', [], 'rule.x', typed)).toEqual(['sexual_exploitation']);
    expect(refineUnspecified(['unspecified'], 'Resgatados numa fazenda.', [], 'rule.x', typed)).toEqual(['forced_labour']);
    // no confident model: unspecified stays; a type the rules found is never replaced
    expect(refineUnspecified(['unspecified'], 'Resgatados numa casa.', [], 'rule.x', typed)).toEqual(['unspecified']);
    expect(refineUnspecified(['forced_labour'], 'Resgatadas numa boate.', [], 'rule.x', typed)).toEqual(['forced_labour']);
    expect(refineUnspecified(['unspecified'], 'Resgatadas numa boate.', [], 'rule.x', model)).toEqual(['unspecified']);
  });

  it('training learns a separable toy set and cross-validation counts the errors of rules plus backstop', () => {
    const data: Example[] = [];
    for (let i = 0; i < 40; i++) {
      data.push({ y: 1, features: ['w:aliciadas', `w:n${i}`], rulesSayIncident: false });
      data.push({ y: 0, features: ['w:futebol', `w:m${i}`], rulesSayIncident: false });
    }
    const m = trainLogistic(data, 10);
    expect(incidentProbability(m, [{ name: 'w:aliciadas' }])).toBeGreaterThan(0.9);
    expect(incidentProbability(m, [{ name: 'w:futebol' }])).toBeLessThan(0.1);
    const cv = crossValidate(data, 4, 10);
    expect(cv.get(0.5)).toEqual({ tp: 40, fp: 0, fn: 0 });
  });

  it('the bundled model was trained on the dev sets only (never on samples/check) and has a usable threshold', () => {
    const m = bundledRelevanceModel();
    expect(m).not.toBeNull();
    const trainedOn = m!.meta['trainedOn'] as string[];
    expect(trainedOn.length).toBeGreaterThan(0);
    for (const f of trainedOn) {
      expect(f.startsWith('samples/dev/')).toBe(true);
      expect(existsSync(f)).toBe(true);
    }
    expect(m!.threshold).toBeGreaterThan(0);
    expect(m!.threshold).toBeLessThan(1);
    expect(readFileSync('models/relevance-lr.json.gz').length).toBeLessThan(1_000_000);
  });
});
