import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../extractors/index.js';
import { loadLexicons } from '../../../lexicons/index.js';

describe('places in the full extraction', () => {
  const extract = createExtractor({ lexicons: loadLexicons() });
  const places = (text: string, countryHint?: string) =>
    extract(countryHint ? { text, lang: 'es', countryHint } : { text, lang: 'es' }).places.map((p) => `${p.text}:${p.countryCode}`);

  it('lets a national body the text names break a tie between same-name places, unless the source says otherwise', () => {
    // Trujillo is a city in Peru and a state and city in Venezuela; Sunafil is Peru's labour inspectorate.
    const text = 'Inspectores de la Sunafil intervinieron una ladrillera en las afueras de Trujillo y hallaron a 14 trabajadores.';
    expect(places(text)).toEqual(['Trujillo:PE']);
    expect(places('Inspectores intervinieron una ladrillera en las afueras de Trujillo y hallaron a 14 trabajadores.')).toEqual(['Trujillo:VE']);
    expect(places(text, 'VE')).toEqual(['Trujillo:VE']);
  });

  it('gives a text that names no place the country of its national bodies, else of its one demonym', () => {
    const doc = (text: string, lang: string, countryHint?: string) => {
      const d = extract(countryHint ? { text, lang, countryHint } : { text, lang });
      return [d.countries, d.eventCountry];
    };
    // Sunafil is Peru's labour inspectorate; no place is named.
    expect(doc('La Sunafil publicó su informe anual sobre trabajo forzoso en ladrilleras.', 'es')).toEqual([['PE'], 'PE']);
    // The source's country wins over the body's.
    expect(doc('La Sunafil publicó su informe anual sobre trabajo forzoso en ladrilleras.', 'es', 'CL')).toEqual([[], 'CL']);
    expect(doc('O consumidor brasileiro pouco sabe de onde vem o que consome.', 'pt')).toEqual([['BR'], null]);
    // Two demonyms: no country.
    expect(doc('O consumidor brasileiro e o argentino pouco sabem.', 'pt')[0]).toEqual([]);
  });
});
