import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadLexicons } from '../../lexicons/index.js';

const set = loadLexicons(resolve('test/fixtures/lexicons/basic'));
const hit = (text: string, lang: string, id: string) => set.match(text, lang).find((h) => h.id === id);

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
    const set2 = set.match('Los obligaban a trabajar sin paga.', 'es');
    expect(set2.find((h) => h.id === 'es.purpose.trabajo_forzoso')?.negated).toBeUndefined();
  });
});
