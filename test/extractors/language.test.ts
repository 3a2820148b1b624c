import { describe, it, expect } from 'vitest';
import { detectLanguage, primaryLanguage, stopWordCounts } from '../../extractors/index.js';

describe('detectLanguage', () => {
  it('identifies Spanish, Portuguese and English news sentences', () => {
    expect(detectLanguage('La fiscalía imputó a tres hombres por captar a jóvenes con falsas ofertas de empleo en la frontera.')).toBe('es');
    expect(detectLanguage('A polícia resgatou dez trabalhadores mantidos em condições degradantes numa fazenda do interior.')).toBe('pt');
    expect(detectLanguage('Police rescued ten workers who were held in degrading conditions on a remote farm.')).toBe('en');
  });

  it('returns other languages eld knows', () => {
    expect(detectLanguage("La police a arrêté trois hommes soupçonnés d'avoir exploité des travailleurs agricoles.")).toBe('fr');
  });

  it('decides very short text by stop words', () => {
    expect(detectLanguage('rescate de las víctimas en el puerto')).toBe('es');
    expect(detectLanguage('resgate das vítimas no porto')).toBe('pt');
  });

  it('lets the hint decide short ambiguous text and returns its primary subtag', () => {
    expect(detectLanguage('Cúcuta', 'es-CO')).toBe('es');
    expect(detectLanguage('Tráfico', 'pt-BR')).toBe('pt');
  });

  it('does not let a hint override clear text', () => {
    expect(detectLanguage('Police rescued ten workers who were held in degrading conditions on a remote farm.', 'es')).toBe('en');
  });

  it('returns und for text with no letters and no hint', () => {
    expect(detectLanguage('12345 ...')).toBe('und');
  });
});

describe('helpers', () => {
  it('reduces tags to their primary subtag', () => {
    expect(primaryLanguage('es-AR')).toBe('es');
    expect(primaryLanguage('PT_br')).toBe('pt');
    expect(primaryLanguage('')).toBeNull();
  });

  it('counts stop words per language on folded words', () => {
    expect(stopWordCounts('Não há provas contra ele')).toMatchObject({ pt: 2 });
  });
});
