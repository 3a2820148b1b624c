import { describe, it, expect } from 'vitest';
import { extractArticle } from '../../../sources/index.js';

const para = (n: number): string =>
  `<p>Párrafo ${n}: los investigadores describieron cómo la red reclutaba a trabajadores con promesas de empleo y luego les retenía el salario durante meses enteros.</p>`;
const menu = `<ul class="menu">${Array.from({ length: 40 }, (_, i) => `<li><a href="/s${i}">Sección número ${i} del sitio de noticias</a></li>`).join('')}</ul>`;

describe('body blocks', () => {
  it('keeps the words of a linked span inside a sentence', () => {
    const html = `<html><body><h1>Título</h1><div class="cuerpo">${para(1)}<p>La agencia informó que <span class="link"><a href="/otra">la fiscalía abrió una causa</a></span> por trata de personas en la provincia.</p>${para(2)}${para(3)}</div></body></html>`;
    const text = extractArticle(html).text!;
    expect(text).toContain('La agencia informó que la fiscalía abrió una causa por trata de personas en la provincia.');
  });

  it('keeps a page-builder wrapper whose class looks like a widget when it holds the prose', () => {
    const body = `<div class="builder-widget-wrap"><div class="builder-widget-container">${[1, 2, 3, 4].map(para).join('')}</div></div>`;
    const sidebar = `<div class="widget recent-posts"><p><a href="/a">Otra nota con un título largo que ocupa bastante espacio en la barra</a></p></div>`;
    const html = `<html><body><nav>${menu}</nav><h1>Título</h1>${body}${sidebar}<div class="pie">${menu}</div></body></html>`;
    const text = extractArticle(html).text!;
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`Párrafo ${n}:`);
    expect(text).not.toContain('Otra nota');
  });

  it('puts an "epigraph" standfirst that repeats the description before the body', () => {
    const lead = 'La empresa anunció despidos, hubo paros y ahora enviaría a sus trabajadores al seguro de desempleo por tres meses.';
    const html = `<html><head><meta name="description" content="${lead}"></head><body><h1>Título</h1><h2 class="epigraph">${lead}</h2><div class="cuerpo">${[1, 2, 3].map(para).join('')}</div></body></html>`;
    const text = extractArticle(html).text!;
    expect(text.startsWith(lead)).toBe(true);
    expect(text).toContain('Párrafo 3:');
  });

  it('keeps the linked name of a hover card but not the card\'s article links', () => {
    const card = `<span class="card-block"><span><a href="/p/x">Ana Lima</a><a href="/n/1">Otra nota sobre la fiscalía y su investigación de la red en la frontera norte del país</a> <a href="/n/2">Una tercera nota con un título largo que habla de otro caso distinto</a></span></span>`;
    const html = `<html><body><h1>Título</h1><div class="cuerpo">${para(1)}<p>La fiscal <span class="hover-person"><a href="/p/x">Ana Lima</a>${card}</span> confirmó la detención de los sospechosos.</p>${para(2)}${para(3)}</div></body></html>`;
    const text = extractArticle(html).text!;
    expect(text).toContain('La fiscal Ana Lima confirmó la detención de los sospechosos.');
    expect(text).not.toContain('Otra nota');
  });

  it('keeps an embedded post wrapped in a "social" container, but not a share bar', () => {
    const tweet = '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>La fiscalía confirmó el rescate de catorce trabajadores esta mañana <a href="https://t.example/x">t.example/x</a></p>— Fiscalía Regional (@fiscalia_ejemplo) <a href="https://social.example/s/1">March 12, 2024</a></blockquote></div>';
    const share = '<div class="social-share"><a href="/fb">Facebook</a> <a href="/x">X</a></div>';
    const html = `<html><body><h1>Título</h1><div class="cuerpo">${para(1)}${tweet}${para(2)}${share}${para(3)}</div></body></html>`;
    const text = extractArticle(html).text!;
    expect(text).toContain('La fiscalía confirmó el rescate de catorce trabajadores esta mañana');
    expect(text).toContain('(@fiscalia_ejemplo)');
    expect(text).not.toContain('Facebook');
  });

  it('finds a body written as text with <br><br> between paragraphs, and keeps the paragraph breaks', () => {
    const seg = (n: number): string =>
      `Segmento ${n}: la fiscalía indicó que la red operaba desde hacía años, que captaba a mujeres jóvenes con ofertas falsas y que las trasladaba a otra ciudad.`;
    const body = `<div class="txt">${[1, 2, 3, 4, 5, 6].map(seg).join('<br><br>')}</div>`;
    const column = (i: number): string =>
      `<p>Opinión ${i}: un columnista escribe sobre la ciudad y el tránsito y otras cosas del barrio en su espacio semanal.</p>`;
    const side = `<div class="col">${[1, 2, 3, 4].map(column).join('')}</div>`;
    const text = extractArticle(`<html><body><div class="principal"><h1>Título</h1>${body}</div><div class="lateral">${side}</div></body></html>`).text!;
    expect(text.split('\n\n').slice(0, 2)).toEqual([seg(1), seg(2)]);
    expect(text).not.toContain('Opinión');
  });

  it('keeps opening paragraphs that sit in "paragraph" wrappers beside the block holding the rest', () => {
    const opening =
      '<div class="story__paragraph">El ministerio confirmó el martes el cierre de tres agencias de empleo acusadas de enviar trabajadores al exterior con contratos falsos.</div>' +
      '<div class="story__paragraph">No fue una sorpresa.</div>' +
      '<div class="story__promo"><a href="/x">Lea también: otra nota</a></div>';
    const rest = `<div class="story__rest">${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(para).join('')}</div>`;
    const html = `<html><body><h1>Título</h1><div class="story">${opening}${rest}</div></body></html>`;
    const text = extractArticle(html).text!;
    expect(text.startsWith('El ministerio confirmó el martes')).toBe(true);
    expect(text).toContain('No fue una sorpresa.');
    expect(text).toContain('Párrafo 5:');
    expect(text).not.toContain('Lea también');
  });
});
