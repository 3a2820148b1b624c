import { describe, it, expect } from 'vitest';
import type { Entity } from '../../../core/index.js';
import { resolvePlaces } from '../../../extractors/places/index.js';

const surfaces = (text: string, entities: Entity[] = []) => resolvePlaces(text, 'en', { entities }).map((p) => p.text);

/** A person entity over the first occurrence of `name`, as the NER stage would give it. */
const person = (text: string, name: string): Entity => {
  const start = text.indexOf(name);
  return { type: 'person', start, end: start + name.length, text: name };
};

describe('English toponyms and person names', () => {
  // Each text names a person whose surname is also a town; the bare surname later on is the person.
  it.each([
    ['after a first name or an initial', 'Police shot Tyrise M. Bell near the store. Bell ran across the lot. Later Matthew Flores spoke. Flores was 26.', ['Bell', 'Flores']],
    ['ending a run opened by a first name or holding a title',
      'Police arrested Jason Terrell Jones on Monday. Jones fled on foot. Voters unseated Municipal Court Judge Haywood Turner. Turner left early.', ['Jones', 'Turner']],
  ])('reads a surname seen %s as the person later on', (_how, text, surnames) => {
    const found = surfaces(text);
    for (const name of surnames) expect(found).not.toContain(name);
  });

  it('still takes the town after a strong cue when the same word is a surname elsewhere', () => {
    const text = 'Rodeo Gainesville starts soon. Sales are up in Gainesville, Texas, the owners said.';
    expect(surfaces(text)).toContain('Gainesville');
  });

  it('does not read a first name followed by a surname as a country or a state', () => {
    const text = 'Officers Ron McCurry and Chad Walker were honoured; Virginia Alexander received the award in Dallas.';
    const found = surfaces(text, [person(text, 'Chad Walker'), person(text, 'Virginia Alexander')]);
    expect(found).not.toContain('Chad');
    expect(found).not.toContain('Virginia');
    expect(found).toContain('Dallas');
  });

  it('keeps a big city before a team name and a state before a compass abbreviation', () => {
    const text = 'The Houston Rockets won in Houston. He lives in Greenwood, W. Va., since May.';
    const found = surfaces(text, [person(text, 'Houston Rockets')]);
    expect(found.filter((s) => s === 'Houston')).toHaveLength(2);
    expect(found.some((s) => /Va/.test(s))).toBe(true);
  });
});

describe('English words that only look like places', () => {
  it('needs the dot of a state abbreviation', () => {
    expect(surfaces('She won the Miss Ohio title and moved to Jackson, Miss., last year.')).toEqual(['Ohio', 'Jackson', 'Miss']);
  });

  it('does not read short capitals, brand halves or nationality words as towns', () => {
    const found = surfaces('The SRT team met at the Wal-Mart store. He spoke Spanish and English with Canadian friends in Dallas.');
    expect(found).toEqual(['Dallas']);
  });

  it('keeps country codes in capitals and places on both sides of a hyphen', () => {
    const found = surfaces('Egypt-US relations improved while the UK watched.');
    expect(found).toEqual(['Egypt', 'US', 'UK']);
  });
});

describe('English places the first rules missed', () => {
  it('takes a dotted state after a town even when the letters are a common word', () => {
    const places = resolvePlaces('A boy drowned at his home in Slidell, La., on March 5.', 'en');
    expect(places.map((p) => [p.text, p.admin1])).toEqual([['Slidell', 'Louisiana'], ['La', 'Louisiana']]);
  });

  it('does not take a sentence-opening word before a city for a first name', () => {
    const text = 'Police in Manchester were busy. Though London saw more crime, London police said little.';
    expect(surfaces(text).filter((s) => s === 'London')).toHaveLength(2);
  });
});

describe('English natural features', () => {
  it('finds rivers, lakes, mountains and gulfs by their head word', () => {
    const text = 'Crews searched the Neches River and Lake Lanier, hikers climbed Mount Hood, and oil reached the Gulf of Alaska.';
    expect(surfaces(text)).toEqual(['Neches River', 'Lake Lanier', 'Mount Hood', 'Gulf of Alaska']);
  });

  it('takes a channel named by a nationality word, not a television channel', () => {
    expect(surfaces('Boats crossed the English Channel while the Disney Channel aired a show.')).toEqual(['English Channel']);
  });

  it('leaves names that only start like a feature', () => {
    const text = 'A Gulf War veteran ate at Cedar River Seafood before the Desert Storm parade in Dallas.';
    expect(surfaces(text)).toEqual(['Dallas']);
  });

  it('only reads English text this way', () => {
    expect(resolvePlaces('Visitaron el Lake Lanier ayer.', 'es').map((p) => p.text)).toEqual([]);
  });
});

describe('British and Irish counties', () => {
  it('knows bare county names in a British or Irish text', () => {
    const places = resolvePlaces('Police in Kent and Hampshire arrested two men; a third was held in Tipperary, Ireland.', 'en');
    expect(places.map((p) => [p.text, p.countryCode])).toEqual([['Kent', 'GB'], ['Hampshire', 'GB'], ['Tipperary', 'IE'], ['Ireland', 'IE']]);
  });

  it('wants a cue or the country for a bare county name', () => {
    expect(surfaces('Angus said the plan works.')).toEqual([]);
  });
});

describe('capitals named like a division', () => {
  it('reads Washington as the capital unless the text says state', () => {
    const dc = resolvePlaces('Officials in Washington said on Monday that the talks with Mexico failed.', 'en').find((p) => p.text === 'Washington');
    expect(dc?.kind).toBe('city');
    expect(dc?.lat).toBeCloseTo(38.9, 0);
    const state = resolvePlaces('Farmers in Washington state and Oregon lost crops.', 'en').find((p) => p.text === 'Washington');
    expect(state?.kind).toBe('admin1');
  });
});

describe('qualified common words', () => {
  it('takes a common-word name followed by its country or state', () => {
    const places = resolvePlaces('A case was confirmed in Victoria, Australia, and another in the Mekong Delta.', 'en');
    expect(places.map((p) => [p.text, p.countryCode])).toEqual([['Victoria', 'AU'], ['Australia', 'AU'], ['Mekong Delta', null]]);
    expect(surfaces('Victoria said the vote was close.')).toEqual([]);
  });
});

describe('Canadian provinces', () => {
  it('reads press abbreviations of provinces and centres a wide province on its whole extent', () => {
    const places = resolvePlaces('He drove from Calgary, Alta., to Kamloops, B.C., last week.', 'en');
    expect(places.map((p) => [p.text, p.admin1])).toEqual([['Calgary', 'Alberta'], ['Alta', 'Alberta'], ['Kamloops', 'British Columbia'], ['B.C', 'British Columbia']]);
    const bc = places.find((p) => p.text === 'B.C');
    // The province reaches 60° N; its towns crowd the south, so a trimmed box would sit near 52° N.
    expect(bc?.lat).toBeGreaterThan(53);
  });
});

describe('disease names', () => {
  it('does not read a disease named after a place as that place', () => {
    const text = 'The Hong Kong flu and Rift Valley fever spread; Lassa fever cases rose in Nigeria and Hong Kong.';
    expect(surfaces(text)).toEqual(['Nigeria', 'Hong Kong']);
  });
});

describe('America', () => {
  it('reads America alone as the United States in English text only', () => {
    const en = resolvePlaces('She left South Korea for America and now cooks across North America.', 'en');
    expect(en.map((p) => [p.text, p.countryCode])).toEqual([['South Korea', 'KR'], ['America', 'US'], ['North America', null]]);
    expect(resolvePlaces('Llegaron a América desde España.', 'es').map((p) => p.countryCode)).not.toContain('US');
  });
});

describe('town, division', () => {
  it('reads the name after a town and a comma as what holds the town', () => {
    const text = 'Officials from Atlanta flew to Tbilisi, Georgia, on Monday.';
    const tbilisi = resolvePlaces(text, 'en').find((p) => p.text === 'Georgia');
    expect(tbilisi?.countryCode).toBe('GE');
    const atlanta = resolvePlaces('ATLANTA, Georgia -- Police arrested several men.', 'en').find((p) => p.text === 'Georgia');
    expect(atlanta?.kind).toBe('admin1');
    expect(atlanta?.countryCode).toBe('US');
  });
});

describe('Georgia, the US state or the country', () => {
  const georgia = (text: string) => resolvePlaces(text, 'en').find((p) => p.text === 'Georgia')?.countryCode;
  it('is the US state in a story framed by US federal institutions', () => {
    expect(georgia('A labor contractor in Georgia was sentenced to 12 years in federal prison, the Justice Department said.')).toBe('US');
  });
  it('stays the country without that frame, or with the Caucasus in the text', () => {
    expect(georgia('Georgia and Armenia signed a border agreement on Tuesday.')).toBe('GE');
    expect(georgia('Georgia opened a trafficking case in Tbilisi; the FBI offered help.')).toBe('GE');
  });
});
