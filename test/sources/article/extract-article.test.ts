import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { extractArticle } from '../../../sources/index.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');

describe('extractArticle on a Spanish page with JSON-LD @graph', () => {
  const r = extractArticle(fixture('es-nota-graph.html'), 'https://www.diariodelvalle.example/judicial/rescatan-jornaleros-finca/?utm_source=x');

  it('keeps every body paragraph, separated by blank lines', () => {
    const paras = r.text!.split('\n\n');
    expect(paras).toContain(
      'Agentes de la fiscalía regional rescataron el martes a catorce trabajadores que permanecían retenidos en una finca cafetera de la vereda El Rosal, a unos cuarenta minutos del casco urbano.',
    );
    expect(paras).toContain('Los catorce hombres recibieron atención médica y fueron trasladados a un albergue temporal.');
    expect(r.text!.indexOf('Agentes de la fiscalía')).toBeLessThan(r.text!.indexOf('Tres de los trabajadores'));
  });

  it('keeps the standfirst', () => {
    expect(r.text).toContain('La fiscalía encontró a los trabajadores en un galpón sin ventanas');
  });

  it('drops navigation, related links, comments, share bar, cookie banner, captions, ads, tags and the newsletter call', () => {
    for (const noise of [
      'Usamos cookies', 'Deportes', 'Notas relacionadas', 'Capturan a dos hombres', 'qué barbaridad', 'Facebook',
      'Foto: archivo', 'Publicidad', 'Suscríbete', 'Lo más leído', 'Todos los derechos', 'Fiscalía Trabajo',
      '14 de marzo de 2024', '12 de marzo de 2024',
    ]) {
      expect(r.text, noise).not.toContain(noise);
    }
  });

  it('reads title, date with its offset, author, language and canonical URL', () => {
    expect(r).toMatchObject({
      title: 'Rescatan a catorce jornaleros retenidos en una finca',
      publishedAt: '2024-03-12T21:40:00-05:00',
      author: 'Lucía Ramírez',
      language: 'es',
      canonicalUrl: 'https://www.diariodelvalle.example/judicial/rescatan-jornaleros-finca/',
      missing: [],
    });
  });
});

describe('extractArticle on a Portuguese page without structured metadata', () => {
  const r = extractArticle(fixture('pt-materia-textdate.html'), 'https://jornaldaserra.example/policia/resgate-boate');

  it('finds the body in the "materia-conteudo" block and drops "Leia mais", share and follow lines', () => {
    expect(r.text!.split('\n\n')).toHaveLength(4);
    expect(r.text).toContain('O proprietário foi preso em flagrante');
    for (const noise of ['Leia mais', 'Operação fecha casa noturna', 'Compartilhe', 'Siga-nos', 'Mais lidas', 'Publicado em']) {
      expect(r.text, noise).not.toContain(noise);
    }
  });

  it('reads the written Portuguese date, the h1 title and <html lang>', () => {
    expect(r.publishedAt).toBe('2024-03-12');
    expect(r.title).toBe('Polícia resgata mulheres mantidas em boate no interior');
    expect(r.language).toBe('pt');
    expect(r.author).toBe('Redação Jornal da Serra');
  });
});

describe('extractArticle on an English page with a paywall tail', () => {
  const r = extractArticle(fixture('en-time-paywall.html'), 'https://ledger.example/news/warehouse-charges');

  it('cuts the subscription prompts after the last paragraph', () => {
    expect(r.text!.endsWith('The company did not respond to requests for comment.')).toBe(true);
    expect(r.text).not.toMatch(/subscri/i);
  });

  it('reads <time datetime>, og:locale and skips an author given as a URL', () => {
    expect(r.publishedAt).toBe('2024-03-12');
    expect(r.language).toBe('en');
    expect(r.author).toBe('Jordan Smith');
  });
});

describe('extractArticle robustness and options', () => {
  it('extracts malformed HTML without throwing', () => {
    const r = extractArticle(fixture('malformed.html'));
    expect(r.text!.split('\n\n').slice(0, 3).map((p) => p.slice(0, 15))).toEqual([
      'Primer párrafo ', 'Segundo párrafo', 'Tercer párrafo ',
    ]);
    expect(r.canonicalUrl).toBeNull();
  });

  it('reports what is missing on an empty or non-article input', () => {
    expect(extractArticle('')).toMatchObject({ title: null, text: null, publishedAt: null, missing: ['title', 'text', 'date'] });
    expect(extractArticle('<<<>>> not html at all </div></div>').missing).toContain('date');
  });

  it('takes the date from the URL when the page has none', () => {
    const html = '<html><body><div><p>Un párrafo suficientemente largo para ser el cuerpo de una nota sin fecha visible en ningún lado.</p></div></body></html>';
    expect(extractArticle(html, 'https://diario.example/2023/11/05/nota-sin-fecha').publishedAt).toBe('2023-11-05');
  });

  it('uses bodySelector, titleSelector and dateSelector for a configured source', () => {
    const html = fixture('pt-materia-textdate.html');
    const r = extractArticle(html, undefined, {
      bodySelector: '.barra-lateral',
      titleSelector: '#topo a',
      dateSelector: '.info-materia span',
    });
    expect(r.text).toContain('Prefeitura anuncia novas obras');
    expect(r.title).toBe('Jornal da Serra');
    expect(r.publishedAt).toBe('2024-03-12');
  });

  it('trusts a configured bodySelector but still drops furniture inside it', () => {
    const r = extractArticle(fixture('es-nota-graph.html'), undefined, { bodySelector: '.nota-cuerpo' });
    const paras = r.text!.split('\n\n');
    expect(paras[0]).toMatch(/^Agentes de la fiscalía regional/);
    expect(paras).toHaveLength(5);
    expect(r.text).not.toMatch(/Notas relacionadas|Publicidad|Suscríbete|Foto: archivo/);
  });

  it('falls back to the scorer when the bodySelector matches nothing', () => {
    const r = extractArticle(fixture('es-nota-graph.html'), undefined, { bodySelector: '.no-existe' });
    expect(r.text).toContain('Los catorce hombres recibieron atención médica');
  });

  it('falls back to the JSON-LD articleBody when the page body is empty', () => {
    const body = 'Primer párrafo del cuerpo estructurado, con suficiente texto para contar como nota completa.\nSegundo párrafo del cuerpo estructurado, que sigue con más detalles del caso y de la investigación en curso.\nTercer párrafo.';
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Nota', articleBody: body })}</script></head><body><div id="app"></div></body></html>`;
    expect(extractArticle(html).text).toBe(body.split('\n').join('\n\n'));
  });

  it('decodes an entity-encoded HTML articleBody and keeps its paragraphs', () => {
    const para = 'Uma opera&ccedil;&atilde;o resgatou trabalhadores mantidos em condi&ccedil;&otilde;es an&aacute;logas &agrave; escravid&atilde;o numa fazenda de caf&eacute;.';
    const body = `<p>${para}</p><p>${para.replace('Uma', 'Outra')}</p><p>${para.replace('Uma', 'Mais uma')}</p>`;
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body })}</script></head><body><div id="app"></div></body></html>`;
    const paras = extractArticle(html).text!.split('\n\n');
    expect(paras).toHaveLength(3);
    expect(paras[0]).toBe('Uma operação resgatou trabalhadores mantidos em condições análogas à escravidão numa fazenda de café.');
  });
});
