import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../extractors/entities/index.js';
import { tokenInfo } from '../../../extractors/entities/token-info.js';
import { sentenceStartsOf, tokenizeWithInfos } from '../../../extractors/entities/tokenize.js';

/** The first word of each sentence sentenceStartsOf() finds in `text`. */
function firsts(text: string): string[] {
  const { tokens, infos } = tokenizeWithInfos(text);
  return sentenceStartsOf(tokens, infos).map((i) => tokens.words[i]!);
}

describe('entities tokenize', () => {
  it('gives offsets that slice back to each token', () => {
    const text = 'El Sr. Gómez (EE.UU.) pagó 3.250,50 pesos a las 10:30 en São José dos Campos… ¿Quién? 😀 d’Ávila';
    const t = tokenize(text);
    expect(t.words.length).toBeGreaterThan(10);
    t.words.forEach((w, i) => expect(text.slice(t.starts[i], t.ends[i])).toBe(w));
  });

  it('keeps abbreviations and acronyms with dots but splits a sentence-final period', () => {
    expect(tokenize('Llegó el Sr. Ruiz de EE.UU. a Lima.').words).toEqual(['Llegó', 'el', 'Sr.', 'Ruiz', 'de', 'EE.UU.', 'a', 'Lima', '.']);
  });

  it('keeps numbers with separators and hyphenated names whole', () => {
    expect(tokenize('Pagó 1.200,50 a Sánchez-Vila a las 9:45').words).toEqual(['Pagó', '1.200,50', 'a', 'Sánchez-Vila', 'a', 'las', '9:45']);
  });

  it('starts a new block at each newline only', () => {
    const t = tokenize('Uno. Dos\nTres cuatro.\n\nCinco');
    expect(t.sentenceStarts.map((i) => t.words[i])).toEqual(['Uno', 'Tres', 'Cinco']);
  });

  it('finds the sentences inside a block: after . ! ? … and the closing marks that follow, not before a lower-case word', () => {
    expect(firsts('Vive en Bogotá. Luego fue a Cali! ¿Y Medellín? Dijo: "Vamos." Ana llegó… Pedro no.\nOtra línea.')).toEqual([
      'Vive', 'Luego', '¿', 'Dijo', 'Ana', 'Pedro', 'Otra',
    ]);
    // no new sentence after an abbreviation or one or two capitals written apart, nor before a lower-case word
    expect(firsts('O Sr. José e a Dra . Ana viram S . João e EE. UU. no dia 3. depois foram ao FBI. Austin.')).toEqual(['O', 'Austin']);
    // nor where no capitalised word before the end is close enough for a name to run on
    expect(firsts('Lo dijo ayer por la tarde en su casa. Luego fue a Cali. Después volvió.')).toEqual(['Lo', 'Después']);
  });

  it('leaves a period glued to a word inside its sentence in pre-tokenized text (CoNLL-2002: "Pesca. Alimentación")', () => {
    expect(firsts('El Ministerio de Agricultura , Pesca. Alimentación firmó , dijo . Luego habló .')).toEqual(['El', 'Luego']);
    // the same glued period in ordinary text ends a sentence
    expect(firsts('El Ministerio de Pesca. Alimentación firmó, dijo. Luego habló.')).toEqual(['El', 'Alimentación', 'Luego']);
  });

  it('tokenizeWithInfos gives the same tokens and the info of each word, repeated and dotted ones too', () => {
    const text = 'El Sr. Gómez y el sr. Gómez (EE.UU.) vieron a J. Pérez. Gómez, Gómez! «Hola» 3.250,50 d’Ávila EE.UU';
    for (let pass = 0; pass < 2; pass++) {
      const { tokens, infos } = tokenizeWithInfos(text);
      expect(tokens).toEqual(tokenize(text));
      expect(infos.map((i) => i.word)).toEqual(tokens.words);
      infos.forEach((info, k) => expect(info).toEqual(tokenInfo(tokens.words[k]!)));
    }
  });
});
