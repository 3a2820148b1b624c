import { describe, expect, it } from 'vitest';
import { emissions } from '../../../extractors/entities/decode.js';
import { docHints } from '../../../extractors/entities/doc-hints.js';
import { firstStage } from '../../../extractors/entities/doc-stage.js';
import { forEachSegment, segmentEmissions, sentenceSegments } from '../../../extractors/entities/tagger.js';
import { tokenInfo } from '../../../extractors/entities/token-info.js';
import { loadModel, loadOrgMatcher, modelParams, NT, tokenize } from '../../../extractors/entities/index.js';
import { tokenizeWithInfos } from '../../../extractors/entities/tokenize.js';

// The inference shortcuts must give exactly what the plain feature path (used in training) gives.
const TEXT = [
  'La Fiscalía General de la Nación informó que agentes de la DIJIN rescataron a tres mujeres en Cúcuta.',
  'Según el fiscal Andrés Morales, las víctimas fueron captadas en Maracaibo. " La noche del río " fue su obra.',
  'EL TREN DE ARAGUA operaba en Bogotá y Medellín; Morales habló con la OIM en Ginebra.',
];
const sentences = TEXT.map((t) => tokenize(t).words);

describe('NER inference shortcuts', () => {
  for (const lang of ['es', 'pt'] as const) {
    const p = modelParams(loadModel(lang));
    for (const docBits of [0, 1]) {
      it(`segmentEmissions equals emissions over tokenFeatures (${lang}, docBits ${docBits})`, () => {
        for (const words of sentences) {
          const expected: number[][] = [];
          forEachSegment(words, p.gazetteer, p.segments, docBits, (seg) => {
            const n = seg.end - seg.start;
            const emis = new Float64Array(n * NT);
            emissions(p.weights, p.scale, (1 << p.bits) - 1, seg.feats, seg.offs, n, emis);
            expected.push([...emis]);
          });
          const sv = sentenceSegments(words.map(tokenInfo), p.gazetteer, p.segments, docBits)!;
          const got: number[][] = [];
          for (let pass = 0; pass < 2; pass++) {
            // twice: the second pass reads the per-form cache filled by the first
            got.length = 0;
            for (let k = 0; k + 1 < sv.segs.length; k += 2) {
              const emis = new Float64Array((sv.segs[k + 1]! - sv.segs[k]!) * NT);
              segmentEmissions(p, sv.view, sv.segs[k]!, sv.segs[k + 1]!, p.segments.wideContext === true, emis);
              got.push([...emis]);
            }
            expect(got).toEqual(expected);
          }
        }
      });
    }
  }

  it('docHints over the segments only equals the full hints inside them', () => {
    const p = modelParams(loadModel('es'));
    const first = firstStage(p, sentences, 0);
    const full = docHints(first.infos, first.tags);
    const fast = docHints(first.infos, first.tags, first.segments);
    for (const seg of first.segments) {
      for (let i = seg.start; i < seg.end; i++) expect(fast[seg.sentence]![i]).toBe(full[seg.sentence]![i]);
    }
  });

  it('the organisations matcher finds the same with token infos as without', () => {
    const orgs = loadOrgMatcher();
    const text = TEXT.join(' ') + ' la fiscalia general de la nacion y LA POLICÍA NACIONAL; los Zetas, el ICBF, el icbf, la Policía Federal.';
    const { tokens, infos } = tokenizeWithInfos(text);
    const found = orgs.match(tokens, infos);
    expect(found.length).toBeGreaterThan(3);
    expect(found).toEqual(orgs.match(tokenize(text)));
  });
});
