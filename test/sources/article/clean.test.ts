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

  it('drops bylines carrying a date, update stamps and caption credits', () => {
    const text = join(
      'By Marta Ruiz - 03/12/24 10:04 PM EST',
      '12/03/2024 - Publicado por: Ana Souza - Categoria: Polícia',
      'Updated at 1:23 p.m.',
      'Atualizado às 18h20',
      'Agents search the warehouse on Tuesday. Photograph by Luis Mora/Agencia Sur',
      'Los agentes revisaron el depósito durante la noche.',
      'Updated rules took effect in 2023, when the ministry changed the inspection regime.',
    );
    expect(filterParagraphs(text).split('\n\n')).toEqual([
      'Los agentes revisaron el depósito durante la noche.',
      'Updated rules took effect in 2023, when the ministry changed the inspection regime.',
    ]);
  });

  it('keeps the attribution line of an embedded post although it ends with a date', () => {
    const text = join('La fiscal escribió en su cuenta:', '— Fiscalía Regional (@fiscalia_ejemplo) March 12, 2024', 'Sigue el texto.');
    expect(filterParagraphs(text)).toBe(text);
  });

  it('drops a closing author note and an app promotion but keeps sentences about reporters', () => {
    const text = join(
      'Uno.',
      'The reporter who first covered the case is a witness in the trial, according to the court.',
      'Get the latest news straight to your phone with the Example News app.',
      'Marta Ruiz is a reporter for Example News covering courts.',
    );
    expect(filterParagraphs(text)).toBe(join('Uno.', 'The reporter who first covered the case is a witness in the trial, according to the court.'));
  });

  it('drops contributor notes, bare wire credits, gallery counters and lone labels', () => {
    const text = join(
      'La audiencia continuará el lunes.',
      '(Reporting by Ana Lima and Marta Ruiz in the capital, with additional reporting by Tom Reed; editing by Sue Kim and Li Wen)',
      'Example Wire writers Ana Lima and Tom Reed contributed to this report.',
      'Luis Mora, ASSOCIATED PRESS',
      'Associated Press',
      'Image 2 of 8',
      'Tags',
      'AP sources said the hearing would resume on Monday.',
    );
    expect(filterParagraphs(text).split('\n\n')).toEqual(['La audiencia continuará el lunes.', 'AP sources said the hearing would resume on Monday.']);
  });
});
