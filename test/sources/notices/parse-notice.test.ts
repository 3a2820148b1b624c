import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseNotice, isLikelyNotice, maskNoticeName, maskNameInText } from '../../../sources/index.js';

const fixture = (dir: string, name: string): string =>
  readFileSync(new URL(`../../fixtures/${dir}/${name}`, import.meta.url), 'utf8');

describe('parseNotice', () => {
  it('reads an Amber-style alert laid out as a table', () => {
    const url = 'https://fiscalia.example/alertas/amber-0421';
    expect(parseNotice(fixture('notices', 'amber-table.html'), url).notice).toEqual({
      name: 'Daniela Sofía Márquez Trejo',
      age: 13,
      sex: 'female',
      lastSeenDate: '2024-02-03',
      lastSeenPlace: 'Colonia Las Palmas, municipio de San Jerónimo, Valle Alto',
      authority: 'Fiscalía General del Estado de Valle Alto',
      alertType: 'Alerta Amber',
      noticeUrl: url,
    });
  });

  it('reads a Protocolo Alba notice laid out as a definition list, with a day-first numeric date', () => {
    expect(parseNotice(fixture('notices', 'alba-dl.html'), 'https://busqueda.example/alba/88').notice).toEqual({
      name: 'Rosa Elena Villalba Cruz',
      age: 27,
      sex: 'female',
      lastSeenDate: '2024-01-15',
      lastSeenPlace: 'Terminal de autobuses del centro de Ciudad Ribera',
      authority: 'Comisión Local de Búsqueda de Ciudad Ribera',
      alertType: 'Protocolo Alba',
      noticeUrl: 'https://busqueda.example/alba/88',
    });
  });

  it('reads a Brazilian "desaparecidos" card with "Label: value" lines', () => {
    expect(parseNotice(fixture('notices', 'br-desaparecidos.html'), 'https://pc.example/desaparecidos/7').notice).toEqual({
      name: 'Thiago Henrique Moreira Lopes',
      age: 15,
      sex: 'male',
      lastSeenDate: '2024-03-02',
      lastSeenPlace: 'Bairro Jardim das Flores, Vila Nova da Serra',
      authority: 'Delegacia de Pessoas Desaparecidas - Polícia Civil do Estado da Serra Verde',
      alertType: 'Pessoa desaparecida',
      noticeUrl: 'https://pc.example/desaparecidos/7',
    });
  });

  it('reads a prosecutor bulletin written as prose', () => {
    const { notice, article } = parseNotice(fixture('notices', 'fiscalia-boletin.html'), 'https://mp.example/boletin/12');
    expect(notice).toEqual({
      name: 'Karla Yesenia Ortiz Ramos',
      age: 16,
      sex: 'female',
      lastSeenDate: '2024-02-05',
      lastSeenPlace: 'barrio El Muelle',
      authority: 'Fiscalía de Distrito de Puerto Claro del Ministerio Público',
      alertType: 'Alerta Alba-Keneth',
      noticeUrl: 'https://mp.example/boletin/12',
    });
    expect(article.publishedAt).toBe('2024-02-06T09:30:00-06:00');
    expect(article.text).toContain('línea gratuita 1570');
  });

  it('reads an English Missing Child Alert from prose and a list', () => {
    expect(parseNotice(fixture('notices', 'en-missing-child.html'), 'https://sheriff.example/alerts/3').notice).toEqual({
      name: 'Ethan Cole Ridley',
      age: 11,
      sex: 'male',
      lastSeenDate: '2024-03-02',
      lastSeenPlace: 'Lakeside Park in Northport',
      authority: "Harbor County Sheriff's Office",
      alertType: 'Missing Child Alert',
      noticeUrl: 'https://sheriff.example/alerts/3',
    });
  });

  it('reads label and value elements side by side without colons (span.campo / span.valor)', () => {
    expect(parseNotice(fixture('notices', 'ficha-spans.html'), 'https://mujer.example/alertas/318').notice).toEqual({
      name: 'Milagros Anahí Quispe Huamán',
      age: 14,
      sex: 'female',
      lastSeenDate: '2024-04-09',
      lastSeenPlace: 'Distrito de San Martín de Porres, Lima',
      authority: 'Dirección de Investigación de Personas Desaparecidas',
      alertType: 'Alerta de desaparición',
      noticeUrl: 'https://mujer.example/alertas/318',
    });
  });

  it('returns empty fields for a page that is not a notice, without throwing', () => {
    const { notice } = parseNotice('<html><body><p>Hoy hay sol.</p></body></html>', 'https://x.example/');
    expect(notice).toEqual({
      name: null, age: null, sex: null, lastSeenDate: null, lastSeenPlace: null, authority: null, alertType: null,
      noticeUrl: 'https://x.example/',
    });
    expect(() => parseNotice('<table><tr><th>Edad:<td>', 'https://x.example/')).not.toThrow();
  });
});

describe('isLikelyNotice', () => {
  it('accepts every notice fixture, as HTML', () => {
    for (const f of ['amber-table.html', 'alba-dl.html', 'br-desaparecidos.html', 'fiscalia-boletin.html', 'en-missing-child.html', 'ficha-spans.html']) {
      expect(isLikelyNotice(fixture('notices', f)), f).toBe(true);
    }
  });

  it('accepts a plain-text notice', () => {
    expect(isLikelyNotice('Se busca. Edad: 14 años. Estatura: 1.60 m. Vestía: playera roja. Si tiene información llame al 089.')).toBe(true);
  });

  it('does not read CSS such as "line-height:" as a description label', () => {
    expect(isLikelyNotice('Estilos: line-height: 1.2; max-height: 3em; min-height: 1em. Se busca departamento amueblado.')).toBe(false);
  });

  it('rejects news articles, including one about a disappearance', () => {
    for (const f of ['es-nota-graph.html', 'pt-materia-textdate.html', 'en-time-paywall.html']) {
      expect(isLikelyNotice(fixture('articles', f)), f).toBe(false);
    }
    expect(
      isLikelyNotice('La familia de una joven desaparecida hace un año marchó hasta la fiscalía para exigir avances en la investigación.'),
    ).toBe(false);
  });
});

describe('maskNoticeName', () => {
  it('masks the name to initials and keeps the other fields', () => {
    const { notice } = parseNotice(fixture('notices', 'amber-table.html'), 'https://fiscalia.example/a');
    const masked = maskNoticeName(notice);
    expect(masked).toEqual({ ...notice, name: 'D*** S*** M*** T***' });
    expect(notice.name).toBe('Daniela Sofía Márquez Trejo');
    expect(maskNoticeName({ ...notice, name: null }).name).toBeNull();
  });

  it('masks the name and its parts in the notice text', () => {
    const text = 'Karla Yesenia Ortiz Ramos salió de casa. La familia de Karla pide ayuda; Ortiz vestía uniforme.';
    expect(maskNameInText(text, 'Karla Yesenia Ortiz Ramos')).toBe(
      'K*** Y*** O*** R*** salió de casa. La familia de K*** pide ayuda; O*** vestía uniforme.',
    );
  });
});
