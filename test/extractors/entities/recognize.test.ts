import { describe, expect, it } from 'vitest';
import type { AnalysisDoc } from '../../../extractors/index.js';
import { entitiesExtractor, modelLangFor, recognizeEntities } from '../../../extractors/entities/index.js';

const pick = (text: string, lang: string) => recognizeEntities(text, lang).map((e) => `${e.type}:${e.text}`);

function expectAligned(text: string, lang: string): void {
  for (const e of recognizeEntities(text, lang)) {
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.end).toBeGreaterThan(e.start);
  }
}

describe('recognizeEntities', () => {
  it('finds people, places and listed organizations in invented Spanish news', () => {
    const text = 'La Fiscalía General de la Nación capturó en Medellín a Jorge Ramírez, señalado de explotar a mujeres venezolanas.';
    const got = pick(text, 'es');
    expect(got).toContain('organization:Fiscalía General de la Nación');
    expect(got).toContain('location:Medellín');
    expect(got).toContain('person:Jorge Ramírez');
    expect(recognizeEntities(text, 'es').find((e) => e.type === 'organization')?.ref).toBe('co.fiscalia');
  });

  it('finds people, places and listed organizations in invented Portuguese news', () => {
    const text = 'A Polícia Federal resgatou em Goiás sete trabalhadores, disse o delegado Marcos Oliveira ao Ministério Público Federal.';
    const got = pick(text, 'pt');
    expect(got).toContain('organization:Polícia Federal');
    expect(got).toContain('organization:Ministério Público Federal');
    expect(got).toContain('location:Goiás');
    // Portuguese person names keep the title right before them (HAREM's convention; meta.titlesInside).
    expect(got).toContain('person:delegado Marcos Oliveira');
  });

  it('keeps titles out of Spanish names and inside Portuguese ones', () => {
    expect(pick('Según el fiscal Jorge Ramírez, la red operaba en Cali.', 'es')).toContain('person:Jorge Ramírez');
    expect(pick('A senhora deputada Ana Paula Ribeiro e o sr. João Cravinho falaram.', 'pt')).toEqual(
      expect.arrayContaining(['person:senhora deputada Ana Paula Ribeiro', 'person:sr. João Cravinho']),
    );
    expect(pick('Segundo a auditora-fiscal Renata Quintela, o conselheiro Ivo Barreto acompanhou o resgate.', 'pt')).toEqual(
      expect.arrayContaining(['person:auditora-fiscal Renata Quintela', 'person:conselheiro Ivo Barreto']),
    );
  });

  it('finds people, places and organizations in invented English news', () => {
    const text = 'Police in Houston said Mr. Daniel Brooks was arrested.\nThe FBI and the Texas Rangers Association worked with officials from Honduras.';
    const got = pick(text, 'en');
    expect(got).toContain('person:Daniel Brooks');
    expect(got).toContain('location:Houston');
    expect(got).toContain('location:Honduras');
    expect(got).toContain('organization:FBI');
    expect(got).toContain('organization:Texas Rangers Association');
    expect(got.some((g) => g.endsWith(':Police') || g.endsWith(':The'))).toBe(false);
  });

  it('returns spans that slice back to the entity text, including after astral characters', () => {
    expectAligned('😀 El ministro Pedro Salas viajó a Ciudad de Guatemala 🙂 con la OIM.', 'es');
    expectAligned('📌 O prefeito João Lima visitou Manaus.', 'pt');
    expectAligned('🚨 Sen. Mary Walsh met the IOM in Geneva.', 'en');
  });

  it('serves other languages with the model of the closest one', () => {
    expect(modelLangFor('pt-BR')).toBe('pt');
    expect(modelLangFor('gl')).toBe('pt');
    expect(modelLangFor('en-US')).toBe('en');
    expect(modelLangFor('ca')).toBe('es');
    expect(recognizeEntities('La policia de Barcelona va detenir Marc Puig.', 'ca').length).toBeGreaterThan(0);
  });

  it('does not run a name on into the next sentence of a paragraph', () => {
    const names = (text: string, lang: string) => recognizeEntities(text, lang).map((e) => e.text);
    const es = names('La niña vive en Bogotá. Luego fue llevada a Cali por la Policía Nacional. Medellín también.', 'es');
    expect(es).toContain('Bogotá');
    expect(es).toContain('Policía Nacional');
    const pt = names('A jovem vive em Belém. Depois foi levada pela Polícia Federal. Santarém também.', 'pt');
    expect(pt).toEqual(expect.arrayContaining(['Belém', 'Polícia Federal', 'Santarém']));
    const en = names('She lived in Houston. Later she was taken to Dallas by the FBI. Austin too.', 'en');
    expect(en).toEqual(expect.arrayContaining(['Houston', 'FBI', 'Austin']));
    for (const n of [...es, ...pt, ...en]) expect(n).not.toMatch(/[.!?]\s/u);
  });

  it('finds nothing in lower-case text without names', () => {
    expect(recognizeEntities('las autoridades dijeron que la investigación sigue abierta.', 'es')).toEqual([]);
    expect(recognizeEntities('', 'pt')).toEqual([]);
  });
});

describe('entitiesExtractor', () => {
  it('appends entities for the document language and keeps earlier ones', () => {
    const text = 'La Policía Nacional detuvo en Madrid a Ana Torres.';
    const earlier = { type: 'date' as const, start: 0, end: 2, text: 'La' };
    const doc = { text, language: 'es', entities: [earlier] } as unknown as AnalysisDoc;
    entitiesExtractor.extract(doc, { lexicons: null, keepVictimNames: false });
    expect(doc.entities[0]).toBe(earlier);
    expect(doc.entities.slice(1).map((e) => `${e.type}:${e.text}`)).toEqual(pick(text, 'es'));
    expect(entitiesExtractor.name).toBe('entities');
  });
});

describe('English model', () => {
  it('keeps long organisation names with connectors whole and splits nationality pairs', () => {
    const text = 'Officials said the National Agency for the Prohibition of Trafficking in Persons met Honduran and Guatemalan workers near the Darien Gap.';
    expect(pick(text, 'en')).toEqual([
      'organization:National Agency for the Prohibition of Trafficking in Persons',
      'misc:Honduran',
      'misc:Guatemalan',
      'location:Darien Gap',
    ]);
  });

  it('does not take a sentence-initial common word for a name', () => {
    expect(pick('Yesterday Ana Ruiz spoke. However, nobody else did.', 'en')).toEqual(['person:Ana Ruiz']);
  });

  it('peels sentence-initial words that the text also writes in lower case off a name', () => {
    const text = 'Inspectors Rescue Workers\nLabour inspectors said the rescue freed nine workers. Recruiter Ana Ruiz kept their passports, the recruiter admitted.';
    expect(pick(text, 'en')).toEqual(['person:Ana Ruiz']);
  });

  it('does not take an upper-case headline for a name', () => {
    const text = 'FARM OWNER CHARGED OVER UNPAID PICKERS. Prosecutors in Fresno charged Tom Reyes on Monday.';
    expect(pick(text, 'en')).toEqual(['location:Fresno', 'person:Tom Reyes']);
  });

  it('does not take a lone capitalised word for a person when the text also writes it in lower case', () => {
    const text = 'Maryland couple convicted\n\nSentencing is set for May. Judge Ana Ruiz said sentencing could be delayed.';
    expect(pick(text, 'en').filter((e) => e.startsWith('person:'))).toEqual(['person:Ana Ruiz']);
  });
});
