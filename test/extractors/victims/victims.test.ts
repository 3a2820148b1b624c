import { describe, it, expect } from 'vitest';
import { extractVictims } from '../../../extractors/victims.js';

describe('extractVictims', () => {
  it.each([
    ['La policía rescató a 23 mujeres venezolanas en un bar.', 23],
    ['Foram resgatados dezoito trabalhadores em uma fazenda.', 18],
    ['Police rescued seven women and arrested three men.', 7],
    ['Rescataron a dos adolescentes y tres mujeres.', 5],
    ['Una menor de 15 años fue rescatada.', 1],
    ['Police freed seven Venezuelan women from a bar.', 7],
    ['Rescataron a 23 personas, 15 mujeres y 8 hombres.', 23],
    // Stacked modifiers, an age as an adjective, a nationality with an age, officers as the subject of a rescue verb.
    ['Twelve Honduran seasonal farm workers were identified as victims.', 12],
    ['An 11-year-old Haitian girl was taken from the house.', 1],
    ['Una boliviana de 31 años fue hallada en el local.', 1],
    ['Federal agents found 40 Guatemalan men in the camp.', 40],
    ['Onze imigrantes paraguaios foram encontrados numa oficina.', 11],
    // A breakdown that adds up to the first group; a clause opened by "after"; arrest verbs far from the count;
    // modifiers joined by "and"; national and regional demonyms as the noun.
    ['La policía liberó a nueve mujeres, seis peruanas y tres bolivianas.', 9],
    ['Officers arrested a man in Belmopan after three Honduran women told police they were forced to work.', 3],
    ['La Fiscalía capturó en Quito a dos hombres señalados de explotar a cinco adolescentes.', 5],
    ['La policía aprehendió en la terminal de buses de Oruro a un conductor que viajaba con cuatro adolescentes.', 4],
    ['Six Filipino domestic and care workers were found in the house.', 6],
    ['Police said 17 Lithuanian men were found working on farms.', 17],
    ['Seis cabo-verdianos recrutados na Praia apresentaram queixa.', 6],
    ['A polícia resgatou três maranhenses numa fazenda do Pará.', 3],
    // "tener a" (holding) beside a suspect word; a clause opened by "donde"; Portuguese "a" is "the", not one.
    ['La Fiscalía aprehendió a una pareja señalada de tener a seis mujeres encerradas en un edificio.', 6],
    ['Agentes allanaron un bar de Escuintla donde ocho mujeres, dos de ellas menores, eran obligadas a trabajar.', 8],
    ['Segundo a polícia, a mulher trouxe cinco raparigas de Kinshasa para Luanda.', 5],
    ['A vítima foi resgatada pela polícia numa casa de Fortaleza.', 1],
    // Officers the victims spoke to; buying and offering money as what was done to them; a newborn girl.
    ['Police charged a man after a 19-year-old woman told officers she was forced to work in a bar.', 1],
    ['Police arrested a man in Cobán accused of buying a 14-year-old girl from her stepfather.', 1],
    ['Imputaron a una abogada por la venta de una recién nacida a una pareja extranjera.', 1],
  ])('counts the victims in %j', (text, count) => {
    expect(extractVictims(text).count).toBe(count);
  });

  it('does not read names of object properties as victim nouns', () => {
    expect(extractVictims('Police rescued 12 constructor in the port.').count).toBeNull();
    expect(extractVictims('Rescataron a 7 toString en la finca.').count).toBeNull();
  });

  it('does not count the suspects an arrest verb takes as its object, nor groups that are the sum of their parts twice', () => {
    expect(extractVictims('Police arrested three men after a raid on the farm.').count).toBeNull();
    expect(extractVictims('La Fiscalía capturó en Quito a dos hombres.').count).toBeNull();
    expect(extractVictims('La policía vinculó a proceso a un hombre de 45 años.').count).toBeNull();
    // The agent of recruiting ("aliciadas por uma mulher") and the one charged ("cargos contra una mujer") are suspects;
    // a complainant ("la denuncia presentada por una mujer") may be the victim.
    expect(extractVictims('Quatro mulheres foram ouvidas. Vieram do interior, aliciadas por uma mulher que prometeu emprego.').count).toBe(4);
    expect(extractVictims('La Fiscalía formuló cargos contra una mujer por la venta de dos recién nacidos.').count).toBe(2);
    expect(extractVictims('La Fiscalía investiga la denuncia presentada por una mujer de Cobán.').count).toBe(1);
    // A group joined to the suspects' group is more suspects.
    expect(extractVictims('El tribunal condenó a diez años de prisión a un hombre y a una mujer por explotar a dos jóvenes.').count).toBe(2);
    // Two groups that do not add up to the first are two groups.
    expect(extractVictims('Rescataron a 3 mujeres y 2 hombres.').count).toBe(5);
  });

  it('marks minors false when adults are named as the ones exploited, with no count and no minor', () => {
    const v = extractVictims('Un operativo en un bar de Cancún terminó con el rescate de varias mujeres, informó la Fiscalía.');
    expect(v.count).toBeNull();
    expect(v.minors).toBe(false);
    expect(v.evidence?.find((e) => e.supports === 'minors')?.text).toBe('mujeres');
    // Adults named with no rescue or exploitation word in their sentence: unknown.
    expect(extractVictims('Varias mujeres marcharon por el centro de Cancún.').minors).toBeNull();
    // A minor anywhere wins.
    expect(extractVictims('Rescataron a varias mujeres y a una adolescente.').minors).toBe(true);
  });

  it('counts one relative named in a rescue or exploitation sentence when no group is counted', () => {
    const v = extractVictims('El imputado obligaba a su expareja a prostituirse en un local de la ciudad.');
    expect(v.count).toBe(1);
    expect(v.evidence?.find((e) => e.supports === 'count')?.text).toBe('su expareja');
    const d = extractVictims('She tricked her 17-year-old daughter into travelling abroad and forced her to marry.');
    expect([d.count, d.gender]).toEqual([1, 'female']);
    expect(d.evidence?.find((e) => e.supports === 'count')?.text).toBe('her 17-year-old daughter');
    // A relative in a sentence with no rescue or exploitation word, or beside a counted group, adds nothing.
    expect(extractVictims('Quiero pedir ayuda para mi hijo.').count).toBeNull();
    expect(extractVictims('La policía rescató a tres mujeres; una vendía a su bebé.').count).toBe(3);
  });

  it('counts the ones a detained person travelled with, and the ones officers stopped from travelling', () => {
    expect(extractVictims('La Policía de Migración detuvo en la frontera a una mujer que viajaba con cuatro niños nicaragüenses.').count).toBe(4);
    expect(extractVictims('Immigration officers stopped four young women from boarding a flight and detained a man.').count).toBe(4);
    // Without the travel: the detained ones' group is suspects.
    expect(extractVictims('La Policía detuvo en la frontera a cuatro hombres.').count).toBeNull();
  });

  it('does not take the children a domestic worker cared for, or what an adult victim was when it began, as minors', () => {
    const care = extractVictims('A Filipino domestic worker who cared for a family\'s three children for five years was rescued by police.');
    expect([care.count, care.minors]).toEqual([1, false]);
    expect(extractVictims('Uma trabalhadora doméstica foi resgatada; trabalhava cuidando de três crianças e da casa.').minors).not.toBe(true);
    // An adult now, a teenager when it began: not a minor. With no adult age given, a minor.
    expect(extractVictims('Uma mulher de 61 anos foi resgatada em Salvador. Ela foi levada para a casa ainda adolescente.').minors).toBe(false);
    expect(extractVictims('A vítima foi resgatada em Salvador. Ela foi levada para a casa ainda adolescente.').minors).toBe(true);
    // "a worker" with nothing to say who is anyone.
    expect(extractVictims('Tied permits mean a worker who complains risks losing the right to stay.').count).toBeNull();
  });

  it('does not read the children of someone in the story as minor victims', () => {
    expect(extractVictims('A Florida couple will pay back wages to a Brazilian woman who cared for their children for six years.').minors).not.toBe(true);
    expect(extractVictims('Ela cuidava das suas crianças e limpava a casa sem salário.').minors).not.toBe(true);
    expect(extractVictims('The couple sold two children to a family abroad.').minors).toBe(true);
  });

  it('gives national and regional demonyms of the counted victims, not of institutions or places', () => {
    expect(extractVictims('La policía liberó a nueve mujeres, seis peruanas y tres bolivianas.').nationalities).toEqual(['PE', 'BO']);
    expect(extractVictims('Seis cabo-verdianos recrutados na Praia apresentaram queixa.').nationalities).toEqual(['CV']);
    expect(extractVictims('A polícia resgatou três maranhenses numa fazenda do Pará.').nationalities).toEqual(['BR']);
    expect(extractVictims('Quatro trabalhadores foram resgatados numa vinícola da Serra Gaúcha.').nationalities).toEqual([]);
    expect(extractVictims('O Instituto Cabo-verdiano da Criança e do Adolescente lançou uma campanha.').nationalities).toEqual([]);
    // A demonym inside the counted group, and one beside a single victim named by her trade.
    expect(extractVictims('Una cubana de 24 años fue localizada por la Fiscalía.').nationalities).toEqual(['CU']);
    expect(extractVictims('Nine Filipino crew members from a cruise line were found in the port.').nationalities).toEqual(['PH']);
    expect(extractVictims('Uma costureira boliviana de 24 anos fugiu de uma oficina clandestina.').nationalities).toEqual(['BO']);
  });

  it('does not count suspects, officers, years or ages', () => {
    expect(extractVictims('Fueron capturadas 12 personas en 2023, un hombre de 45 años entre ellas.').count).toBeNull();
    expect(extractVictims('Fueron capturados 4 presuntos integrantes; las víctimas eran 30 mujeres.').count).toBe(30);
  });

  it('marks minors from nouns and ages, adults when only adults are named, unknown otherwise', () => {
    expect(extractVictims('Rescataron a 5 niñas en la finca.').minors).toBe(true);
    expect(extractVictims('Rescataron a 5 personas, una de 16 años.').minors).toBe(true);
    expect(extractVictims('Rescataron a 5 mujeres en la finca.').minors).toBe(false);
    expect(extractVictims('The workers, all adults, were freed.').minors).toBe(false);
    expect(extractVictims('La red operaba en la frontera.').minors).toBeNull();
    // Counted victims, none said to be a minor: false, with the count as evidence.
    const counted = extractVictims('Nove migrantes venezuelanos foram resgatados de uma olaria.');
    expect([counted.count, counted.minors]).toEqual([9, false]);
    expect(counted.evidence?.filter((e) => e.supports === 'minors').map((e) => e.text)).toEqual(['Nove migrantes']);
    expect(extractVictims('Rescataron a 23 personas; entre ellas, dos adolescentes.').minors).toBe(true);
  });

  it('reads compound numbers and two-word nouns, and gives the first minor word as evidence', () => {
    const brief = (t: string) => {
      const v = extractVictims(t);
      return [v.count, v.minors, (v.evidence ?? []).map((e) => `${e.supports}:${e.text}`)];
    };
    expect(brief('Rescataron a treinta y dos mujeres en la finca.')).toEqual([32, false, ['count:treinta y dos mujeres', 'gender:treinta y dos mujeres']]);
    expect(brief('Rescataron a 4 recién nacidos y una menor de edad.')).toEqual([5, true, ['count:4 recién nacidos', 'count:una menor', 'minors:recién']]);
    expect(brief('La menor fue rescatada junto a 3 trabajadoras.')).toEqual([3, true, ['count:3 trabajadoras', 'minors:menor', 'gender:3 trabajadoras']]);
    expect(brief('Una hora después, a las 3 de la tarde, llegó.')).toEqual([null, null, []]);
  });

  it('takes the first group in a rescue or exploitation sentence, else the first group', () => {
    expect(extractVictims('En la casa vivían 3 mujeres. La policía rescató a 5 niñas.').count).toBe(5);
    expect(extractVictims('La policía rescató a 5 niñas. En la casa vivían 3 mujeres.').count).toBe(5);
    expect(extractVictims('En la casa vivían 3 mujeres. Luego llegaron 4 hombres.').count).toBe(3);
  });

  it('gives gender from the counted nouns', () => {
    expect(extractVictims('rescataron a 3 mujeres').gender).toBe('female');
    expect(extractVictims('rescataron a 3 mujeres y 2 hombres').gender).toBe('mixed');
  });

  it('keeps nationalities of victims but not of institutions', () => {
    const v = extractVictims('La Policía boliviana rescató a 9 mujeres venezolanas y 2 colombianas.');
    expect(v.nationalities).toEqual(['VE', 'CO']);
  });

  it('returns evidence spans that slice back to the text', () => {
    const text = 'Rescataron a 23 mujeres venezolanas, entre ellas dos adolescentes.';
    const v = extractVictims(text);
    expect(v.evidence?.length).toBeGreaterThan(0);
    for (const e of v.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(v.evidence?.map((e) => e.supports)).toEqual(expect.arrayContaining(['count', 'minors', 'gender', 'nationality']));
  });
});
