import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadLexicons } from '../../lexicons/index.js';

const set = loadLexicons(resolve('test/fixtures/lexicons/basic'));
/** The hit of entry `id`; fails the test when the entry did not hit at all (so `negated` checks cannot pass vacuously). */
const hit = (text: string, lang: string, id: string) => {
  const h = set.match(text, lang).find((x) => x.id === id);
  expect(h, `${id} should hit "${text}"`).toBeDefined();
  return h;
};

describe('clause-scoped negation and hedging', () => {
  it('negates a hit after a negation cue in the same clause', () => {
    const h = hit('La fiscalía descartó que se tratara de una red de trata.', 'es', 'es.offence.trata');
    expect(h?.negated).toBe(true);
    expect(h?.cue?.text).toBe('descartó que');
  });

  it('negates with multi-token cues in Spanish, Portuguese and English', () => {
    expect(hit('No encontraron indicios; sin indicios de explotación sexual en el local.', 'es', 'es.purpose.explotacion_sexual')?.negated).toBe(true);
    expect(hit('A polícia disse que não havia indícios de trabalho escravo na fazenda.', 'pt', 'pt.offence.trafico_pessoas')?.negated).toBe(true);
    expect(hit('Officers found no evidence of human trafficking at the farm.', 'en', 'en.offence.human_trafficking')?.negated).toBe(true);
  });

  it('stops the negation at clause punctuation and at clause-break cues', () => {
    expect(hit('No hubo detenidos; la red de trata sigue activa.', 'es', 'es.offence.trata')?.negated).toBeUndefined();
    expect(hit('No hubo detenidos, pero la red de trata sigue activa.', 'es', 'es.offence.trata')?.negated).toBeUndefined();
    expect(hit('Officers did not comment but human trafficking is suspected.', 'en', 'en.offence.human_trafficking')?.negated).toBeUndefined();
  });

  it('negates every item of a list closed by nem/ni/nor across its commas, and nothing past a comma otherwise', () => {
    const real = loadLexicons();
    const counted = (text: string, lang: string) => real.match(text, lang).filter((h) => !h.negated).map((h) => h.category);
    const list = 'Segundo a fiscalização, não foram constatadas restrição de liberdade, servidão por dívida nem condições degradantes.';
    expect(real.match(list, 'pt').some((h) => h.category === 'ilo.debt_bondage')).toBe(true);
    expect(counted(list, 'pt')).not.toContain('ilo.debt_bondage');
    expect(counted(list, 'pt')).not.toContain('ilo.restriction_of_movement');
    const noList = 'Não houve flagrante, os trabalhadores relataram servidão por dívida ao fiscal.';
    expect(counted(noList, 'pt')).toContain('ilo.debt_bondage');
  });

  it('stops the negation after eight tokens', () => {
    const far = 'No lo dijeron ayer en la rueda de prensa del lunes: la red de trata opera.';
    expect(hit(far.replace(':', ''), 'es', 'es.offence.trata')?.negated).toBeUndefined();
  });

  it('does not negate a hit from a cue in the previous sentence', () => {
    expect(hit('No hubo comentarios. La red de trata opera.', 'es', 'es.offence.trata')?.negated).toBeUndefined();
  });

  it('negates a hit before a post-negation cue, across a comma', () => {
    expect(hit('Se habló de una red de trata, algo que fue descartado por la fiscalía.', 'es', 'es.offence.trata')?.negated).toBe(true);
  });

  it('marks hedged hits, keeps them counting and halves their weight', () => {
    const h = hit('Cayó la presunta red de trata de personas.', 'es', 'es.offence.trata');
    expect(h?.hedged).toBe(true);
    expect(h?.negated).toBeUndefined();
    expect(h?.weight).toBeCloseTo(0.45);
    expect(hit('The alleged human trafficking ring was dismantled.', 'en', 'en.offence.human_trafficking')?.hedged).toBe(true);
  });

  it('does not treat a cue inside the hit as negating it', () => {
    const h = hit('Los obligaban a trabajar sin paga.', 'es', 'es.purpose.trabajo_forzoso');
    expect(h?.text).toBe('obligaban a trabajar sin paga');
    expect(h?.negated).toBeUndefined();
  });
});

describe('clause boundaries inside a sentence', () => {
  it('ends a preceding negation at a conjunction that opens a new subject', () => {
    expect(hit('Los niños no iban a la escuela y las víctimas de trata dormían en el piso.', 'es', 'es.offence.trata')?.negated).toBeUndefined();
    expect(hit('No hubo explotación ni víctimas de trata en el lugar.', 'es', 'es.offence.trata')?.negated).toBe(true);
  });
});

describe('conditions are not negations', () => {
  it('does not negate after "si no" / "if ... not" (a threat\'s condition)', () => {
    expect(hit('La amenazaban con denunciarla si no aceptaba la trata de personas como destino.', 'es', 'es.offence.trata')?.negated).toBeUndefined();
    expect(hit('Prosecutors said he beat her if she did not obey the human trafficking ring.', 'en', 'en.offence.human_trafficking')?.negated).toBeUndefined();
    expect(hit('La policía dijo que no era trata de personas.', 'es', 'es.offence.trata')?.negated).toBe(true);
  });
});
