import { describe, it, expect } from 'vitest';
import { fold, splitSentences, tokenize, tokenStream } from '../../lexicons/index.js';
import { kindName, normAt } from '../../lexicons/token-stream.js';

const norms = (s: string): string[] => tokenize(s).map((t) => t.norm);

describe('fold', () => {
  it('lower-cases and strips accents, cedilla and tilde', () => {
    expect(fold('EXPLOTACIÓN Ação Niño Über')).toBe('explotacion acao nino uber');
  });
});

describe('tokenize', () => {
  it('gives UTF-16 offsets that slice back to the token text', () => {
    const text = 'Rescatan 🙂 a “víctimas” de trata-se, d’água.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('folds case and accents in norm', () => {
    expect(norms('Explotación SEXUAL, Ação')).toEqual(['explotacion', 'sexual', ',', 'acao']);
  });

  it('joins hyphenated and apostrophe words but not surrounding dashes', () => {
    expect(norms("trata-se de d'água — fim")).toEqual(['trata-se', 'de', "d'agua", '—', 'fim']);
    expect(norms('d’água')).toEqual(["d'agua"]);
  });

  it('keeps grouped and decimal numbers as one number token', () => {
    const toks = tokenize('1.200 personas, 3,5 millones y 23.');
    expect(toks.map((t) => [t.text, t.kind])).toEqual([
      ['1.200', 'number'],
      ['personas', 'word'],
      [',', 'punct'],
      ['3,5', 'number'],
      ['millones', 'word'],
      ['y', 'word'],
      ['23', 'number'],
      ['.', 'punct'],
    ]);
  });

  it('treats combining marks written separately as part of the word', () => {
    expect(norms('explotacio\u0301n')).toEqual(['explotacion']);
  });
});

describe('splitSentences', () => {
  const split = (s: string): string[] => splitSentences(s).map((x) => s.slice(x.start, x.end));

  it('splits on terminal punctuation followed by a capital', () => {
    expect(split('Rescataron a diez mujeres. La fiscalía investiga. ¿Quién las captó?')).toEqual([
      'Rescataron a diez mujeres.',
      'La fiscalía investiga.',
      '¿Quién las captó?',
    ]);
  });

  it('does not split after abbreviations, initials or inside numbers', () => {
    expect(split('El Sr. Gómez y la Dra. Ruiz viajaron a EE.UU. el lunes a las 9 a.m. con J. Pérez y 1.200 dólares.')).toHaveLength(1);
    expect(split('Llegó a EE. UU. La policía lo detuvo.')).toEqual(['Llegó a EE. UU. La policía lo detuvo.']);
  });

  it('keeps closing quotes with the sentence', () => {
    expect(split('Dijo: “No volveré.” Luego se fue.')).toEqual(['Dijo: “No volveré.”', 'Luego se fue.']);
  });

  it('breaks at newlines, dropping empty lines', () => {
    expect(split('Titular sin punto\n\nCuerpo de la nota.\n')).toEqual(['Titular sin punto', 'Cuerpo de la nota.']);
  });

  it('does not split before a lower-case continuation', () => {
    expect(split('¿Dónde están? preguntó la madre.')).toEqual(['¿Dónde están? preguntó la madre.']);
  });
});

describe('tokenStream', () => {
  it('tokenises exactly like tokenize(), as parallel arrays', () => {
    const texts = [
      'Rescatan 🙂 a “víctimas” de trata-se, d’água. EE.UU. 1.200 personas; 3,5 millones — Fin',
      'TRÁFICO de Pessoas em São Paulo: 12 resgatados!',
      'explotacio\u0301n ÇA ça 2ª vez… ¿Quién?',
      '',
    ];
    for (const text of texts) {
      const toks = tokenize(text);
      const s = tokenStream(text, true);
      expect(s.length).toBe(toks.length);
      toks.forEach((t, k) => {
        expect([s.starts[k], s.ends[k], normAt(s, k), kindName(s, k)]).toEqual([t.start, t.end, t.norm, t.kind]);
        expect(s.caps[k]).toBe(t.kind === 'word' && /^\p{Lu}/u.test(t.text) ? 1 : 0);
      });
    }
  });
});
