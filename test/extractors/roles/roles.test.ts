import { describe, it, expect } from 'vitest';
import type { Entity } from '../../../core/index.js';
import { addNameRepeats, addPseudonymVictims, assignRoles, foldSameLength, personGroups, roleAt } from '../../../extractors/roles.js';
import { createExtractor, redactVictims, REDACTION_CHAR } from '../../../extractors/index.js';
import { loadLexicons } from '../../../lexicons/index.js';

const span = (text: string, name: string, from = 0): [number, number] => {
  const s = text.indexOf(name, from);
  return [s, s + name.length];
};
const person = (text: string, name: string, from = 0): Entity => {
  const [start, end] = span(text, name, from);
  return { type: 'person', start, end, text: name };
};

describe('roleAt', () => {
  it('reads victim, suspect and official cues near a name', () => {
    const text = 'La víctima, Ana Ruiz, denunció. Fue capturado Pedro Gómez, alias el Flaco. El fiscal Luis Mora habló.';
    expect(roleAt(text, ...span(text, 'Ana Ruiz'))).toBe('victim');
    expect(roleAt(text, ...span(text, 'Pedro Gómez'))).toBe('suspect');
    expect(roleAt(text, ...span(text, 'Luis Mora'))).toBe('official');
  });

  it('reads a title the name carries as its first word, and no other cue inside the name', () => {
    const text = 'A vítima foi ouvida pelo delegado Marcos Oliveira ontem.';
    expect(roleAt(text, ...span(text, 'delegado Marcos Oliveira'))).toBe('official');
    const other = 'Ontem falou Rui Delegado Costa, resgatado em Goiás.';
    expect(roleAt(other, ...span(other, 'Rui Delegado Costa'))).toBe('victim');
  });

  it('gives no role when nothing in the sentence says one', () => {
    const text = 'Según María López, el barrio cambió mucho.';
    expect(roleAt(text, ...span(text, 'María López'))).toBeUndefined();
  });

  it('binds the object of a verb to its role, the nearer verb first', () => {
    const text = 'La Policía rescató a María Fernanda López y capturó a Jorge Ramírez.';
    expect(roleAt(text, ...span(text, 'María Fernanda López'))).toBe('victim');
    expect(roleAt(text, ...span(text, 'Jorge Ramírez'))).toBe('suspect');
    const pt = 'A Justiça condenou o fazendeiro Rubens Prado a seis anos de prisão.';
    expect(roleAt(pt, ...span(pt, 'Rubens Prado'))).toBe('suspect');
  });

  it('reads passives and appositions after the name', () => {
    const en = 'Dwayne Morrison, 42, was taken into custody. Rosa Díaz, 16, was rescued on Friday.';
    expect(roleAt(en, ...span(en, 'Dwayne Morrison'))).toBe('suspect');
    expect(roleAt(en, ...span(en, 'Rosa Díaz'))).toBe('victim');
    const es = '"Seguiremos", afirmó Luis Malavé, coordinador regional de la Defensoría. Lo dijo Claudia Ríos, directora de la fundación Esperanza.';
    expect(roleAt(es, ...span(es, 'Luis Malavé'))).toBe('official');
    expect(roleAt(es, ...span(es, 'Claudia Ríos'))).toBe('other');
  });

  it('reads a minor age in apposition as a victim, an adult age as nothing', () => {
    const text = 'Ana Paredes, de 15 años, salió de casa. Juan Pérez, de 40 años, habló con la prensa.';
    expect(roleAt(text, ...span(text, 'Ana Paredes'))).toBe('victim');
    expect(roleAt(text, ...span(text, 'Juan Pérez'))).toBeUndefined();
  });

  it('reads a list before a plural passive, and never splits a word to find the list', () => {
    const text = 'The court heard that Ionut Popa, Marian Vasile and Florin Dobre were recruited in Bacau.';
    expect(roleAt(text, ...span(text, 'Ionut Popa'))).toBe('victim');
    const nun = 'Sister Agnes Moreau, who manages the shelter, said most of the women who arrive there were recruited by friends.';
    expect(roleAt(nun, ...span(nun, 'Agnes Moreau'))).toBe('other');
  });

  it('reads what only victims get and what only suspects face', () => {
    const text = 'Araújo recebeu R$ 87 mil em verbas trabalhistas. Se trata de Griselda Acuña, a quien la fiscal imputa haber captado jóvenes.';
    expect(roleAt(text, ...span(text, 'Araújo'))).toBe('victim');
    expect(roleAt(text, ...span(text, 'Griselda Acuña'))).toBe('suspect');
  });

  it('does not let a period after a two-letter word hide the sentence end', () => {
    const text = 'Las denuncias crecieron este año. Para Jimena Paz, investigadora de la Universidad de San Marcos, faltan datos.';
    expect(roleAt(text, ...span(text, 'Jimena Paz'))).toBe('other');
  });
});

describe('personGroups', () => {
  it('joins a name to the one longer name that holds its words, and leaves a shared word alone', () => {
    const text = 'María Fernanda López y Jorge López. López habló. María Fernanda volvió.';
    const ents = [person(text, 'María Fernanda López'), person(text, 'Jorge López'), person(text, 'López', 40), person(text, 'María Fernanda', 50)];
    const g = personGroups(ents);
    expect(g[3]).toBe(g[0]);
    expect(g[2]).not.toBe(g[0]);
    expect(g[2]).not.toBe(g[1]);
    expect(g[0]).not.toBe(g[1]);
  });
});

describe('assignRoles', () => {
  it('sets a role on people only and keeps roles already given', () => {
    const text = 'El delegado Carlos Silva prendeu o suspeito João Lima.';
    const [a, b] = span(text, 'Carlos Silva');
    const [c, d] = span(text, 'João Lima');
    const entities: Entity[] = [
      { type: 'person', start: a, end: b, text: 'Carlos Silva' },
      { type: 'person', start: c, end: d, text: 'João Lima', role: 'victim' },
      { type: 'organization', start: 0, end: 2, text: 'El' },
    ];
    assignRoles(text, entities);
    expect(entities.map((e) => e.role)).toEqual(['official', 'victim', undefined]);
  });

  it("gives every mention of a person the role of the person's strongest evidence", () => {
    const text = 'Marisol Vega tenía 16 años cuando la captaron. Años después, Vega volvió a su pueblo.';
    const ents = [person(text, 'Marisol Vega'), person(text, 'Vega', 20)];
    assignRoles(text, ents);
    expect(ents.map((e) => e.role)).toEqual(['victim', 'victim']);
  });

  it('shares evidence along a coordination joined by a conjunction, not along a bare comma', () => {
    const text = 'El tribunal condenó a doce años de prisión a Ramón Villalba y a su pareja, Noelia Ferreyra.';
    const ents = [person(text, 'Ramón Villalba'), person(text, 'Noelia Ferreyra')];
    assignRoles(text, ents);
    expect(ents.map((e) => e.role)).toEqual(['suspect', 'suspect']);
    const comma = 'Segundo a delegada Priscila Lins, Daniela Souza era obrigada a atender clientes.';
    const two = [person(comma, 'Priscila Lins'), person(comma, 'Daniela Souza')];
    assignRoles(comma, two);
    expect(two.map((e) => e.role)).toEqual(['official', 'victim']);
  });
});

describe('assignRoles in a story of exploitation', () => {
  const text = 'Rodel Bautista conoce cada cuerda del barco. Bautista pasó once meses a bordo. "Yo no era libre", dice Rodel. Tomás Ruiz lo vio llegar.';
  const ents = () => [person(text, 'Rodel Bautista'), person(text, 'Bautista', 20), person(text, 'Rodel', 90), person(text, 'Tomás Ruiz')];
  it('makes the person named most (three times or more) its subject when nobody is a victim yet', () => {
    const e = ents();
    assignRoles(text, e, true);
    expect(e.map((x) => x.role)).toEqual(['victim', 'victim', 'victim', undefined]);
  });
  it('does nothing outside such a story', () => {
    const e = ents();
    assignRoles(text, e, false);
    expect(e.map((x) => x.role)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('addPseudonymVictims and addNameRepeats', () => {
  it('adds the names a text gives as pseudonyms as victims, and changes nothing else', () => {
    const text = '"Micaela" (nombre cambiado) tenía 15 años. A woman who asked to be called Jasmine spoke. Micaela volvió.';
    const ents: Entity[] = [];
    addPseudonymVictims(text, ents);
    expect(ents.map((e) => [e.text, e.role])).toEqual([
      ['Micaela', 'victim'],
      ['Jasmine', 'victim'],
    ]);
  });

  it('adds lone repeats of a name word outside other entities and places, not of words two names share', () => {
    const text = 'Tessa Linklater, de Lima, y Pedro Rojas y Luz Rojas. Linklater, then 17, left. Rojas habló. Lima.';
    const ents = [person(text, 'Tessa Linklater'), person(text, 'Pedro Rojas'), person(text, 'Luz Rojas')];
    const lima = span(text, 'Lima');
    const added = addNameRepeats(text, ents, [{ start: lima[0], end: lima[1] }, { start: text.lastIndexOf('Lima'), end: text.lastIndexOf('Lima') + 4 }]);
    expect([...added].map((e) => e.text)).toEqual(['Linklater']);
  });
});

describe('foldSameLength', () => {
  it('folds case and accents without changing any offset', () => {
    const s = 'Ñandú ÁRBOL İstanbul São';
    expect(foldSameLength(s)).toHaveLength(s.length);
    expect(foldSameLength('Ñandú São')).toBe('nandu sao');
  });
});

describe('the roles stage through the whole extractor', () => {
  const extract = createExtractor({ lexicons: loadLexicons() });
  it("masks every mention of a rescued minor in the stored text and keeps the officials' and suspects' names", () => {
    const text =
      'La Policía rescató a María Fernanda López, de 16 años, en un bar de Cúcuta. López contó a los investigadores que la obligaban a atender clientes. El capturado, Jorge Ramírez, alias el Flaco, fue enviado a prisión. La fiscal Ana Torres dijo que María Fernanda será atendida por el ICBF.';
    const x = extract({ text, lang: 'es' });
    const roles = Object.fromEntries(x.entities.filter((e) => e.type === 'person').map((e) => [e.text, e.role]));
    expect(roles['María Fernanda López']).toBe('victim');
    expect(roles['Jorge Ramírez']).toBe('suspect');
    expect(roles['Ana Torres']).toBe('official');
    const { text: stored } = redactVictims(text, x);
    expect(stored).not.toMatch(/María|Fernanda|López/u);
    expect(stored).toContain('Jorge Ramírez');
    expect(stored).toContain('Ana Torres');
    expect(stored).toContain(REDACTION_CHAR);
  });
});
