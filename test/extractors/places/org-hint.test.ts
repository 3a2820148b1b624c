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
});
