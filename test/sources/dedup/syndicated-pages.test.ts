import { describe, it, expect } from 'vitest';
import { extractArticle, simhash64, hammingDistance, NearDuplicateIndex, contentHash, canonicalizeUrl } from '../../../sources/index.js';
import { STORY_A, STORY_A_SYNDICATED, STORY_B } from './stories.js';

const paragraphs = (text: string): string => text.split('\n\n').map((p) => `<p>${p}</p>`).join('\n');

/** Outlet one: classic layout, related links and comments. */
const outletOne = (headline: string, body: string): string => `<html lang="es"><body>
<nav class="menu"><a href="/">Inicio</a> <a href="/judicial">Judicial</a> <a href="/opinion">Opinión</a></nav>
<article class="nota"><h1>${headline}</h1><div class="nota-cuerpo">${paragraphs(body)}</div>
<div class="relacionadas"><a href="/a">Otra nota de la sección judicial sobre un juicio aplazado</a></div></article>
<section class="comentarios"><p>Lector: ojalá paguen por lo que hicieron, esto pasa en muchas fincas de la región.</p></section>
<footer>Diario Uno, todos los derechos reservados</footer></body></html>`;

/** Outlet two: a different CMS, share bar, newsletter box and most-read list. */
const outletTwo = (headline: string, body: string): string => `<html lang="es"><body>
<div class="top-bar"><a href="/">Portal Dos</a> | <a href="/ultimas">Últimas</a></div>
<div class="share-bar"><a href="#">Compartir en Facebook</a> <a href="#">WhatsApp</a></div>
<main><div class="entry-content"><h1 class="entry-title">${headline}</h1>${paragraphs(body)}</div></main>
<div class="newsletter-box">Recibe nuestro boletín cada mañana en tu correo electrónico.</div>
<aside class="mas-leidas"><ol><li><a href="/x">La nota más leída del día sobre el clima</a></li></ol></aside></body></html>`;

describe('dedup of syndicated pages end to end', () => {
  const a = extractArticle(outletOne('Rescatan a catorce jornaleros retenidos en una finca cafetera', STORY_A), 'https://uno.example/judicial/rescate?utm_source=fb');
  const copy = extractArticle(outletTwo('Fiscalía libera a 14 trabajadores de finca en El Rosal', STORY_A_SYNDICATED), 'https://m.dos.example/amp/nacional/jornaleros/');
  const other = extractArticle(outletOne('Liberan a nueve trabajadores en hacienda cañera', STORY_B), 'https://uno.example/judicial/hacienda');

  it('extracts the same story text from both layouts, without their furniture', () => {
    for (const r of [a, copy]) {
      expect(r.text).toContain('Agentes de la fiscalía regional rescataron');
      expect(r.text).not.toMatch(/Lector:|boletín cada mañana|más leída|Compartir en Facebook|Otra nota/);
    }
  });

  it('puts the syndicated copy within 3 bits and the other story far away', () => {
    const ha = simhash64(a.text!);
    expect(hammingDistance(ha, simhash64(copy.text!))).toBeLessThanOrEqual(3);
    expect(hammingDistance(ha, simhash64(other.text!))).toBeGreaterThan(10);
    const index = new NearDuplicateIndex();
    index.add('uno/rescate', ha);
    index.add('uno/hacienda', simhash64(other.text!));
    expect(index.query(simhash64(copy.text!)).map((m) => m.id)).toEqual(['uno/rescate']);
  });

  it('gives the copies different exact hashes but each URL one canonical form', () => {
    expect(contentHash(a.text!)).not.toBe(contentHash(copy.text!));
    expect(canonicalizeUrl('https://m.dos.example/amp/nacional/jornaleros/')).toBe('https://dos.example/nacional/jornaleros');
    expect(canonicalizeUrl('https://uno.example/judicial/rescate?utm_source=fb')).toBe('https://uno.example/judicial/rescate');
  });
});
