import { describe, it, expect } from 'vitest';
import { convert, convertSentence, tokenize } from '../../scripts/bracket-to-conll.js';

describe('bracket-to-conll', () => {
  it('splits punctuation off and keeps abbreviations, initials, numbers and hyphenated words whole', () => {
    expect(tokenize('«No», dijo la Sra. Ana M. Ríos (EE.UU.), el 3 de mayo: 1.500,00 reales a las 12h30; sexta-feira...')).toEqual([
      '«', 'No', '»', ',', 'dijo', 'la', 'Sra.', 'Ana', 'M.', 'Ríos', '(', 'EE.UU.', ')', ',', 'el', '3', 'de', 'mayo', ':',
      '1.500,00', 'reales', 'a', 'las', '12h30', ';', 'sexta-feira', '...',
    ]);
  });

  it('tags bracketed names with IOB2 tags and the words around them O', () => {
    const { tokens, tags } = convertSentence('O [PER delegado Márcio Tavares] ouviu a [ORG Polícia Federal] em [LOC Boa Vista].');
    expect(tokens.map((t, i) => `${t}/${tags[i]}`).join(' ')).toBe(
      'O/O delegado/B-PER Márcio/I-PER Tavares/I-PER ouviu/O a/O Polícia/B-ORG Federal/I-ORG em/O Boa/B-LOC Vista/I-LOC ./O',
    );
  });

  it('writes documents as the CoNLL sets of samples/ner read them', () => {
    const out = convert('=== DOC one\n# a comment\n[LOC Lima] , 3 ( [ORG EFE] )\n\n=== DOC two\nNada aquí .\n');
    expect(out.split('\n')).toEqual([
      '-DOCSTART- -X- -X- O', '', 'Lima _ _ B-LOC', ', _ _ O', '3 _ _ O', '( _ _ O', 'EFE _ _ B-ORG', ') _ _ O', '',
      '-DOCSTART- -X- -X- O', '', 'Nada _ _ O', 'aquí _ _ O', '. _ _ O', '',
    ]);
  });

  it('fails loudly on malformed markup', () => {
    expect(() => convertSentence('a [PER Ana')).toThrow(/bracket/);
    expect(() => convertSentence('a [XYZ Ana] b')).toThrow(/bracket/);
    expect(() => convert('sentence before any document')).toThrow(/DOC/);
  });
});
