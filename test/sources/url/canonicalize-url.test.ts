import { describe, it, expect } from 'vitest';
import { canonicalizeUrl } from '../../../sources/index.js';

describe('canonicalizeUrl', () => {
  it('lower-cases the host, drops default ports and fragments', () => {
    expect(canonicalizeUrl('HTTPS://Noticias.Example.COM:443/Politica/Nota-1#comentarios')).toBe(
      'https://noticias.example.com/Politica/Nota-1',
    );
    expect(canonicalizeUrl('http://example.org:80/a')).toBe('http://example.org/a');
    expect(canonicalizeUrl('http://example.org:8080/a')).toBe('http://example.org:8080/a');
  });

  it('drops tracking parameters and sorts the rest', () => {
    expect(
      canonicalizeUrl('https://example.com/nota?utm_source=tw&id=7&fbclid=abc&page=2&gclid=x&utm_medium=social&mc_cid=1&igshid=z&ref=home'),
    ).toBe('https://example.com/nota?id=7&page=2');
    expect(canonicalizeUrl('https://example.com/nota?b=2&a=3&a=1')).toBe('https://example.com/nota?a=1&a=3&b=2');
  });

  it('maps AMP variants to the main page', () => {
    const main = 'https://example.com/2024/03/12/rescate-finca';
    expect(canonicalizeUrl('https://example.com/2024/03/12/rescate-finca/amp/')).toBe(main);
    expect(canonicalizeUrl('https://example.com/amp/2024/03/12/rescate-finca')).toBe(main);
    expect(canonicalizeUrl('https://example.com/2024/03/12/rescate-finca?amp=1')).toBe(main);
    expect(canonicalizeUrl('https://amp.example.com/2024/03/12/rescate-finca')).toBe(main);
    expect(canonicalizeUrl('https://example.com/noticia.amp.html')).toBe('https://example.com/noticia.html');
  });

  it('maps mobile hosts to the main host but keeps short hosts intact', () => {
    expect(canonicalizeUrl('https://m.example.com.br/noticia')).toBe('https://example.com.br/noticia');
    expect(canonicalizeUrl('https://mobile.example.com/noticia')).toBe('https://example.com/noticia');
    expect(canonicalizeUrl('https://m.example/x')).toBe('https://m.example/x');
  });

  it('removes trailing slashes except on the root', () => {
    expect(canonicalizeUrl('https://example.com/seccion/nota/')).toBe('https://example.com/seccion/nota');
    expect(canonicalizeUrl('https://example.com')).toBe('https://example.com/');
    expect(canonicalizeUrl('https://example.com/?utm_source=x')).toBe('https://example.com/');
  });

  it('normalises percent-encoding: unreserved characters decoded, hex upper-cased', () => {
    expect(canonicalizeUrl('https://example.com/%7Euser/a%2fb?q=%c3%a9')).toBe('https://example.com/~user/a%2Fb?q=%C3%A9');
    expect(canonicalizeUrl('https://example.com/a%41')).toBe(canonicalizeUrl('https://example.com/aA'));
    expect(canonicalizeUrl('https://example.com/situação')).toBe('https://example.com/situa%C3%A7%C3%A3o');
  });

  it('keeps file URLs stable apart from the fragment', () => {
    expect(canonicalizeUrl('file:///home/ana/pages/nota.html')).toBe('file:///home/ana/pages/nota.html');
    expect(canonicalizeUrl('file:///home/ana/pages/nota.html#x')).toBe('file:///home/ana/pages/nota.html');
  });

  it('is idempotent', () => {
    for (const u of [
      'https://M.Example.com/amp/a/b/?utm_campaign=1&z=%7e&y=2#top',
      'http://example.com/x%zz?a',
      'file:///tmp/a%20b.html',
    ]) {
      expect(canonicalizeUrl(canonicalizeUrl(u))).toBe(canonicalizeUrl(u));
    }
  });

  it('returns a string that is not an absolute URL trimmed, without throwing', () => {
    expect(canonicalizeUrl('  /relativo/nota ')).toBe('/relativo/nota');
    expect(canonicalizeUrl('')).toBe('');
  });
});
