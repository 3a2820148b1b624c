import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../extractors/entities/index.js';

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
});
