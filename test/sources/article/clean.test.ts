import { describe, it, expect } from 'vitest';
import { filterParagraphs } from '../../../sources/article/clean.js';

const join = (...ps: string[]): string => ps.join('\n\n');

describe('filterParagraphs', () => {
  it('drops bylines, credits and furniture lines but keeps sentences that start the same way', () => {
    const text = join(
      'Por María Pérez Gómez',
      'By LISA MASCARO and ERIC TUCKER',
      'Por eso, la fiscalía pidió la captura de los dos administradores.',
      'By the end of the week, eleven workers had been moved to a shelter.',
      'Publicidad',
      'Leia também: operação fecha boate',
      '(Reporting by Ana Lima; editing by Tom Reed)',
      'Los trabajadores recibieron atención médica.',
    );
    expect(filterParagraphs(text).split('\n\n')).toEqual([
      'Por eso, la fiscalía pidió la captura de los dos administradores.',
      'By the end of the week, eleven workers had been moved to a shelter.',
      'Los trabajadores recibieron atención médica.',
    ]);
  });

  it('drops unrendered CMS shortcodes but not bracketed editorial notes', () => {
    expect(filterParagraphs(join('[button link="/x" type="big"] Send us your review[/button]', '[Actualización] La fiscalía confirmó la captura.'))).toBe(
      '[Actualización] La fiscalía confirmó la captura.',
    );
  });

  it('drops a datelines-only paragraph', () => {
    expect(filterParagraphs(join('Publicado em 12 de março de 2024, às 10h15', 'Texto da matéria.'))).toBe('Texto da matéria.');
  });

  it('cuts a paywall tail but only skips a lone newsletter call in the middle', () => {
    const body = ['Uno.', 'Dos.', 'Tres.', 'Cuatro.'];
    expect(filterParagraphs(join(...body, 'To read the full story, please subscribe now.', 'Member perks include a tote bag.'))).toBe(join(...body));
    expect(filterParagraphs(join('Uno.', 'Suscríbete a nuestro boletín.', 'Dos.', 'Tres.', 'Cuatro.'))).toBe(join('Uno.', 'Dos.', 'Tres.', 'Cuatro.'));
  });
});
