import { describe, expect, it } from 'vitest';
import { blockOutNames, emptyFindings, redactVictims, REDACTION_CHAR } from '../../extractors/index.js';
import type { Extraction } from '../../core/index.js';

const text = 'La víctima, Mariela Ruiz, de 15 años, fue rescatada en Cúcuta. El detenido, alias el Flaco, quedó preso.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });

function extraction(): Extraction {
  return {
    ...emptyFindings('es'),
    entities: [
      { ...at('Mariela Ruiz'), type: 'person', role: 'victim' },
      { ...at('el Flaco'), type: 'person', role: 'suspect' },
    ],
    indicators: [{ ...at('fue rescatada'), id: 'es.event.rescate', category: 'event.rescue', group: 'event', weight: 0.5 }],
    places: [{ ...at('Cúcuta'), name: 'Cúcuta', countryCode: 'CO', admin1: 'Norte de Santander', lat: 7.89, lon: -72.5, confidence: 0.9 }],
    lexiconVersion: 'v',
    extractorVersion: 'x',
  };
}

describe('redactVictims', () => {
  it("blocks out a victim's name with same-length blocks and keeps every other span valid", () => {
    const { text: out, extraction: x } = redactVictims(text, extraction());
    expect(out).toHaveLength(text.length);
    expect(out).not.toContain('Mariela');
    expect(out).not.toContain('Ruiz');
    expect(out.slice(12, 24)).toBe(`${REDACTION_CHAR.repeat(7)} ${REDACTION_CHAR.repeat(4)}`);
    expect(out).toContain('alias el Flaco'); // suspects are not masked
    for (const span of [...x.indicators, ...x.places, ...x.entities]) expect(out.slice(span.start, span.end)).toBe(span.text);
    expect(x.entities[0]!.text).not.toContain('Mariela');
  });

  it('also blocks out extra names wherever they appear, case-insensitively', () => {
    const { text: out } = redactVictims('MARIELA RUIZ fue vista por última vez. Familia de Mariela Ruiz pide ayuda.', { ...extraction(), entities: [] }, ['Mariela Ruiz']);
    expect(out.toLowerCase()).not.toContain('mariela');
  });

  it("blocks out a victim's name words where they stand alone, but not inside other names or places", () => {
    const t = 'Rescataron a Rosa Paz Ruiz en La Paz. Ruiz declaró. Pedro Ruiz Soto, su tío, fue detenido. Rosa volvió. Ruizito no.';
    const a = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, text: s });
    const x: Extraction = {
      ...extraction(),
      indicators: [],
      entities: [
        { ...a('Rosa Paz Ruiz'), type: 'person', role: 'victim' },
        { ...a('Pedro Ruiz Soto'), type: 'person', role: 'suspect' },
      ],
      places: [{ ...a('La Paz'), name: 'La Paz', countryCode: 'BO', admin1: 'La Paz', lat: -16.5, lon: -68.15, confidence: 0.9 }],
    };
    const { text: out } = redactVictims(t, x);
    expect(out).toHaveLength(t.length);
    expect(out).toContain('en La Paz.'); // a place keeps a word it shares with the victim's name
    expect(out).toContain(`${REDACTION_CHAR.repeat(4)} declaró`); // the surname alone
    expect(out).toContain(`${REDACTION_CHAR.repeat(4)} volvió`); // the first name alone
    expect(out).toContain('Pedro Ruiz Soto'); // another person's name that holds the word stays readable
    expect(out).toContain('Ruizito'); // whole words only
  });

  it('masks people of unknown role by default, name words included, and keeps them when told to', () => {
    const t = 'Nora Vidal llegó a Quito. Vidal trabajó sin paga para Raúl Tapia, detenido ayer.';
    const a = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, text: s });
    const x: Extraction = {
      ...extraction(),
      indicators: [],
      places: [],
      entities: [
        { ...a('Nora Vidal'), type: 'person' },
        { ...a('Raúl Tapia'), type: 'person', role: 'suspect' },
      ],
    };
    const { text: out, extraction: rx } = redactVictims(t, x);
    expect(out).not.toMatch(/Nora|Vidal/u);
    expect(out).toContain('para Raúl Tapia, detenido');
    expect(rx.entities[0]!.text).toBe(`${REDACTION_CHAR.repeat(4)} ${REDACTION_CHAR.repeat(5)}`);
    expect(redactVictims(t, x, [], false).text).toBe(t);
  });

  it("masks a masked person's name word where the tagger read it as a place or an organisation, not a resolved place", () => {
    const t = 'Vilma Arce salió de Lima. Si eres Vilma, llámanos. Lima espera noticias de Vilma.';
    const a = (s: string, from = 0) => ({ start: t.indexOf(s, from), end: t.indexOf(s, from) + s.length, text: s });
    const x: Extraction = {
      ...extraction(),
      indicators: [],
      entities: [
        { ...a('Vilma Arce'), type: 'person', role: 'victim' },
        { ...a('Vilma', 30), type: 'location' },
      ],
      places: [{ ...a('Lima'), name: 'Lima', countryCode: 'PE', admin1: 'Lima', lat: -12.05, lon: -77.04, confidence: 0.9 }],
    };
    const { text: out } = redactVictims(t, x);
    expect(out).not.toContain('Vilma');
    expect(out).toContain('salió de Lima.');
  });

  it("masks a masked name's words written in capitals: a headline, an interview's speaker label", () => {
    const t = 'RESCATAN A NORMA PAREDES EN ORURO\nLa policía rescató a Norma Paredes.\nPAREDES: Gracias. ORURO es mi ciudad.';
    const a = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length, text: s });
    const x: Extraction = { ...extraction(), indicators: [], places: [], entities: [{ ...a('Norma Paredes'), type: 'person', role: 'victim' }] };
    const { text: out } = redactVictims(t, x);
    expect(out).not.toMatch(/NORMA|PAREDES|Norma|Paredes/u);
    expect(out).toContain('EN ORURO');
    expect(out).toContain('ORURO es mi ciudad');
  });

  it('returns the input untouched when no victim is named', () => {
    const x = { ...extraction(), entities: [] };
    expect(redactVictims(text, x)).toEqual({ text, extraction: x });
  });
});

describe('blockOutNames', () => {
  it('ignores names shorter than three characters', () => {
    expect(blockOutNames('Ana y Al', ['Al'])).toBe('Ana y Al');
  });
});
