import { describe, it, expect } from 'vitest';
import { parseMachineDate, parseTextDate, dateFromUrl, localizeUtc } from '../../../sources/index.js';

describe('parseTextDate', () => {
  it.each([
    ['Publicado el 12 de marzo de 2024 a las 10:00', '2024-03-12'],
    ['12 de março de 2024', '2024-03-12'],
    ['terça-feira, 5 de setembro de 2023', '2023-09-05'],
    ['1º de mayo del 2022', '2022-05-01'],
    ['March 12, 2024', '2024-03-12'],
    ['Updated Sept. 3 2021, 5:00 PM', '2021-09-03'],
    ['12th March 2024', '2024-03-12'],
    ['12/03/2024', '2024-03-12'],
    ['2024/03/12', '2024-03-12'],
    ['12 dic. 2023', '2023-12-12'],
  ])('reads "%s"', (text, iso) => {
    expect(parseTextDate(text)).toBe(iso);
  });

  it('rejects impossible dates and text without a date', () => {
    expect(parseTextDate('31 de febrero de 2024')).toBeNull();
    expect(parseTextDate('se trata de un caso de marzo')).toBeNull();
  });

  it('reads a numeric date month-first only when day-first is impossible', () => {
    expect(parseTextDate('03/25/2024')).toBe('2024-03-25');
  });
});

describe('parseMachineDate', () => {
  it('keeps the publisher offset and normalises it', () => {
    expect(parseMachineDate('2024-03-12T21:40:00-0500')).toBe('2024-03-12T21:40:00-05:00');
    expect(parseMachineDate('2024-03-12T21:40:00.000Z')).toBe('2024-03-12T21:40:00Z');
    expect(parseMachineDate('2024-03-12')).toBe('2024-03-12');
    expect(parseMachineDate('20240312')).toBe('2024-03-12');
  });
  it('reads a trailing UTC or GMT word as the UTC zone, not as no zone', () => {
    expect(parseMachineDate('2022-05-04T03:00:00 UTC')).toBe('2022-05-04T03:00:00Z');
    expect(parseMachineDate('2022-05-04 03:00:00 GMT')).toBe('2022-05-04T03:00:00Z');
    expect(parseMachineDate('2022-05-04T03:00:00')).toBe('2022-05-04T03:00:00');
  });
  it('reads RFC 2822 dates without moving the calendar day', () => {
    expect(parseMachineDate('Tue, 12 Mar 2024 23:30:00 -0300')).toBe('2024-03-12T23:30:00-03:00');
  });
  it('returns values that Date.parse accepts', () => {
    for (const s of ['2024-03-12T21:40:00-0500', 'Tue, 12 Mar 2024 23:30:00 GMT', '12 de marzo de 2024']) {
      expect(Number.isNaN(Date.parse(parseMachineDate(s)!))).toBe(false);
    }
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://x.example/2024/03/12/nota', '2024-03-12'],
    ['https://x.example/noticias/2022/5/3/policia-1.html', '2022-05-03'],
    ['https://x.example/actualidad/20220503/juicio', '2022-05-03'],
    ['https://x.example/nota-123456', null],
  ])('%s → %s', (url, iso) => {
    expect(dateFromUrl(url)).toBe(iso);
  });
});

describe('localizeUtc', () => {
  it('re-expresses a UTC timestamp in the zone of the site country, keeping the instant', () => {
    const local = localizeUtc('2022-05-04T02:41:00Z', 'https://diario.example.bo/nota');
    expect(local).toBe('2022-05-03T22:41:00-04:00');
    expect(Date.parse(local)).toBe(Date.parse('2022-05-04T02:41:00Z'));
  });
  it('uses the page locale region for generic domains, but not the es-ES / pt-PT defaults', () => {
    expect(localizeUtc('2022-05-04T03:00:00+00:00', 'https://diario.example.com/nota', 'CO')).toBe('2022-05-03T22:00:00-05:00');
    expect(localizeUtc('2022-05-04T03:00:00Z', 'https://diario.example.com/nota', 'ES')).toBe('2022-05-04T03:00:00Z');
  });
  it('leaves dates with an offset, dates without time and unknown places unchanged', () => {
    expect(localizeUtc('2022-05-04T02:41:00-03:00', 'https://x.example.ar/')).toBe('2022-05-04T02:41:00-03:00');
    expect(localizeUtc('2022-05-04', 'https://x.example.ar/')).toBe('2022-05-04');
    expect(localizeUtc('2022-05-04T02:41:00Z', 'https://x.example.com/')).toBe('2022-05-04T02:41:00Z');
  });
});
