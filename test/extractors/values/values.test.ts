import { describe, it, expect } from 'vitest';
import { extractDates, extractAges, extractMoney, extractPhones, extractNationalities, extractValues } from '../../../extractors/values/index.js';

const pairs = (es: Array<{ text: string; value?: string | number; ref?: string }>) => es.map((e) => [e.text, e.value, ...(e.ref ? [e.ref] : [])]);

describe('extractDates', () => {
  const published = '2024-03-20T10:00:00Z'; // a Wednesday

  it('reads absolute dates in es, pt and en', () => {
    const es = extractDates('El 12 de marzo de 2024 y el 3/4/2024 hubo audiencias.', 'es', published);
    expect(pairs(es)).toEqual([['12 de marzo de 2024', '2024-03-12'], ['3/4/2024', '2024-04-03']]);
    expect(pairs(extractDates('Em 5 de maio de 2023 a operação começou.', 'pt', null))).toEqual([['5 de maio de 2023', '2023-05-05']]);
    expect(pairs(extractDates('On March 5, 2023 and on 4/3/2024 the court met.', 'en', null))).toEqual([['March 5, 2023', '2023-03-05'], ['4/3/2024', '2024-04-03']]);
  });

  it('resolves relative days against the publication date', () => {
    const es = extractDates('Ayer y el pasado martes hubo capturas.', 'es', published);
    expect(pairs(es)).toEqual([['Ayer', '2024-03-19'], ['el pasado martes', '2024-03-19']]);
    expect(pairs(extractDates('na última sexta-feira', 'pt', published))).toEqual([['na última sexta-feira', '2024-03-15']]);
    expect(pairs(extractDates('last Friday', 'en', published))).toEqual([['last Friday', '2024-03-15']]);
  });

  it('leaves relative days unresolved without a publication date', () => {
    expect(extractDates('ayer', 'es', null)).toEqual([]);
  });

  it('puts a date written without a year in the publication year', () => {
    expect(pairs(extractDates('el 2 de marzo', 'es', published))).toEqual([['2 de marzo', '2024-03-02']]);
  });
});

describe('extractAges', () => {
  it('reads ages in the three languages and skips prison terms and time spans', () => {
    const text = 'Una niña de 15 años; condenado a 12 años de prisión; a 15-year-old girl; jovem de dezesseis anos; hace 10 años.';
    expect(extractAges(text).map((e) => e.value)).toEqual([15, 15, 16]);
  });

  it('skips prison terms named before the years', () => {
    const text = 'O réu recebeu pena de 5 anos. A pena foi de seis anos de reclusão. A vítima, de 17 anos, foi ouvida.';
    expect(extractAges(text).map((e) => e.value)).toEqual([17]);
  });

  it('reads both ends of an age pair', () => {
    expect(extractAges('las víctimas, de 31 y 44 años').map((e) => e.value)).toEqual([31, 44]);
    // Each with its article or pronoun: "entre os 16 e os 19 anos", "una de 17 y otra de 20 años".
    expect(extractAges('Seis rapazes, entre os 16 e os 19 anos, foram encontrados.').map((e) => e.value)).toEqual([16, 19]);
    expect(extractAges('dos jóvenes, una de 17 y otra de 20 años, fueron captadas').map((e) => e.value)).toEqual([17, 20]);
    expect(extractAges('condenado a 5 y a 8 años de prisión').map((e) => e.value)).toEqual([]);
  });

  it('reads press-style ages after a name, as /, (\\d{1,2}),/g finds them', () => {
    const ages = (t: string) => extractAges(t).map((e) => [e.start, e.text, e.value]);
    expect(ages('Ana Pérez, 19, y Luis Gil, 7, fueron')).toEqual([[11, '19', 19], [27, '7', 7]]);
    // a match's closing comma cannot open the next one; three digits or no capitalised word before is no age
    expect(ages('Ana Pérez, 19, 20, fue')).toEqual([[11, '19', 19]]);
    expect(ages('Ana Pérez, 190, Luis, 1,5, la casa, 12, fue')).toEqual([[22, '1', 1]]);
  });

  it('reads "N years old" in any case, and "N años" alone only after de/con/tiene... or before de edad/idade', () => {
    expect(extractAges('a girl, 14 YEARS OLD, and a boy, Twelve Years Old').map((e) => e.value)).toEqual([14, 12]);
    expect(extractAges('Ella, catorce años de edad').map((e) => e.text)).toEqual(['catorce años de edad']);
    expect(extractAges('Ella, catorce años de carrera')).toEqual([]);
  });
});

describe('extractMoney', () => {
  it('reads amounts with scale words and currencies', () => {
    const found = extractMoney('pagaban $5 millones de pesos, R$ 2 mil, USD 3,000 y 500 euros', 'es', 'CO');
    expect(pairs(found)).toEqual([
      ['$5 millones de pesos', 5_000_000, 'COP'],
      ['R$ 2 mil', 2000, 'BRL'],
      ['USD 3,000', 3000, 'USD'],
      ['500 euros', 500, 'EUR'],
    ]);
  });

  it('gives a bare dollar sign the source country currency', () => {
    expect(extractMoney('cobraban $ 200.000 por noche', 'es', 'MX')[0]?.ref).toBe('MXN');
  });
});

describe('extractPhones', () => {
  it('reads plain, international, obfuscated and spelled-out numbers', () => {
    const text = 'Llame al 3l0 555 12 34 o al WhatsApp +57 310 555 1234; tel: tres uno cero cinco cinco cinco uno dos tres cuatro.';
    expect(extractPhones(text).map((e) => e.value)).toEqual(['3105551234', '+573105551234', '3105551234']);
  });

  it('does not read years or counts as phones', () => {
    expect(extractPhones('En 2024 hubo 15000 casos y 23 víctimas.')).toEqual([]);
  });
});

describe('extractNationalities', () => {
  it('maps demonyms to ISO codes in every gender and number', () => {
    const text = 'mujeres venezolanas, dos bolivianos, trabalhadores haitianos, Bolivian workers, a South Korean man';
    expect(extractNationalities(text).map((e) => e.value)).toEqual(['VE', 'BO', 'HT', 'BO', 'KR']);
  });

  it('reads hyphenated Portuguese demonyms and two-word English ones, every gender of the last word', () => {
    const text = 'duas cabo-verdianas, um norte-americano, três sul-coreanas, two South African women and a Cape Verdean man';
    expect(extractNationalities(text).map((e) => `${e.text}=${e.value}`)).toEqual(
      ['cabo-verdianas=CV', 'norte-americano=US', 'sul-coreanas=KR', 'South African=ZA', 'Cape Verdean=CV']);
  });
});

describe('extractValues', () => {
  it('returns entities sorted by offset with their types', () => {
    const types = extractValues('El 2 de mayo de 2024 rescataron a una niña colombiana de 14 años.', 'es').map((e) => e.type);
    expect(types).toEqual(['date', 'nationality', 'age']);
  });
});
