import { describe, it, expect } from 'vitest';
import { detectLanguage, indicatorsExtractor, newAnalysisDoc, relevanceExtractor } from '../../extractors/index.js';
import type { AnalysisDoc, ExtractContext } from '../../extractors/index.js';
import { loadLexicons } from '../../lexicons/index.js';

/**
 * The known false friends, end to end with the REAL bundled lexicons (language → indicators → relevance).
 * Sentences are ours. A failure here means the lexicon content or the rules let a false friend through.
 */
const ctx: ExtractContext = { lexicons: loadLexicons(), keepVictimNames: false };

function analyse(text: string): AnalysisDoc {
  const d: AnalysisDoc = { ...newAnalysisDoc({ text }), language: detectLanguage(text) };
  indicatorsExtractor.extract(d, ctx);
  relevanceExtractor.extract(d, ctx);
  return d;
}

const NONE: Array<[string, string]> = [
  ['"se trata de" (it is about)', 'Se trata de una obra de teatro sobre la migración que se estrena el viernes en Lima.'],
  ['"trata-se de" (it is about)', 'Trata-se de um projeto para melhorar o trânsito no centro da cidade.'],
  ['road traffic (es)', 'El tráfico vehicular en la avenida principal colapsó por un choque entre dos camiones.'],
  ['traffic jam (en)', 'A traffic jam on the highway delayed commuters for three hours on Monday.'],
  ['drug trafficking (es)', 'La policía detuvo a cuatro hombres por tráfico de drogas en el puerto de Buenaventura.'],
  ['drug trafficking (pt)', 'A Polícia Federal prendeu dois homens por tráfico de drogas na fronteira com o Paraguai.'],
  ['drug trafficking (en)', 'Police arrested three men on drug trafficking charges after seizing cocaine at the port.'],
  [
    'migrant smuggling without exploitation',
    'Agentes de migración detuvieron a un coyote que trasladaba a veinte migrantes ocultos en un camión; cada uno había pagado 3.000 dólares por el viaje.',
  ],
  ['mining', 'La explotación minera ilegal contamina los ríos de la Amazonía, advirtió el ministerio de ambiente.'],
];

const NOT_INCIDENT: Array<[string, string]> = [
  ['es negation', 'La fiscalía descartó que se tratara de un caso de trata de personas.'],
  ['es "sin indicios"', 'Los inspectores no encontraron irregularidades y dijeron que no hubo indicios de explotación laboral en la finca.'],
  ['pt negation', 'Segundo a polícia, não havia indícios de trabalho escravo na fazenda vistoriada.'],
  ['en negation', 'Police found no evidence of human trafficking at the farm, officials said.'],
];

describe('false friends are not leads', () => {
  for (const [name, text] of NONE) {
    it(`labels ${name} none`, () => {
      const d = analyse(text);
      expect(d.relevance.label, JSON.stringify(d.indicators.map((i) => [i.category, i.text, i.negated ?? false]))).toBe('none');
      expect(d.types).toEqual([]);
    });
  }
  for (const [name, text] of NOT_INCIDENT) {
    it(`does not call a negated mention an incident (${name})`, () => {
      const d = analyse(text);
      expect(d.relevance.label, JSON.stringify(d.indicators.map((i) => [i.category, i.text, i.negated ?? false]))).not.toBe('incident');
    });
  }
});

describe('real cases still are', () => {
  const CASES: Array<[string, string, string]> = [
    ['es', 'La policía rescató a cinco mujeres que eran explotadas sexualmente en un bar de Cúcuta y detuvo a dos tratantes.', 'sexual_exploitation'],
    ['pt', 'Auditores fiscais resgataram 15 trabalhadores em condições análogas à escravidão numa fazenda de café em Minas Gerais.', 'forced_labour'],
    ['en', 'Police rescued seven women who had been forced into prostitution and arrested two men on human trafficking charges.', 'sexual_exploitation'],
  ];
  for (const [lang, text, type] of CASES) {
    it(`labels a ${lang} case an incident of ${type}`, () => {
      const d = analyse(text);
      expect(d.language).toBe(lang);
      expect(d.relevance.label).toBe('incident');
      expect(d.types).toContain(type);
    });
  }
});
