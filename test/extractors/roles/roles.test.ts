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

describe('roleAt: cues added with the unknown-role masking (2026-11-30)', () => {
  it('reads lawyers, caseworkers and bylines as other, and lower-case private titles inside a name', () => {
    const en = 'His attorney, Greta Lindqvist, said the case was weak. (Reporting by Omar Haddad; Editing by Lucy Brandt)';
    expect(roleAt(en, ...span(en, 'Greta Lindqvist'))).toBe('other');
    expect(roleAt(en, ...span(en, 'Omar Haddad'))).toBe('other');
    expect(roleAt(en, ...span(en, 'Lucy Brandt'))).toBe('other');
    const pt = 'A missa foi rezada pelo padre Ademir Queiroz na capela.';
    expect(roleAt(pt, ...span(pt, 'padre Ademir Queiroz'))).toBe('other');
    // A name that folds to a title word is no title: 'Irma' is not 'irmã'.
    const name = 'Según la fiscalía, Irma Solís Beltrán quedó detenida en Toluca.';
    expect(roleAt(name, ...span(name, 'Irma Solís Beltrán'))).toBe('suspect');
  });

  it('reads a fact box after a colon and an age in brackets', () => {
    const es = 'Nicanor Ibarra (47): vecino de la familia, llamó a la policía.';
    expect(roleAt(es, ...span(es, 'Nicanor Ibarra'))).toBe('other');
  });

  it('reads nicknames given by what people called someone, quoted before or after the article', () => {
    const es = 'Los jornaleros conocieron a un hombre al que todos llamaban "el Chivo" en la plaza.';
    expect(roleAt(es, ...span(es, 'Chivo'))).toBe('suspect');
    const es2 = 'El capataz, apodado "el Zurdo", cobraba la deuda.';
    expect(roleAt(es2, ...span(es2, 'Zurdo'))).toBe('suspect');
    const en = 'The passage was paid by a woman she knew only as Dede.';
    expect(roleAt(en, ...span(en, 'Dede'))).toBe('suspect');
    const pt = 'Uma mulher conhecida apenas por Zezé ofereceu o emprego.';
    expect(roleAt(pt, ...span(pt, 'Zezé'))).toBe('suspect');
  });

  it('reads court appearances, awaited trials, accepted charges and terms served as a suspect', () => {
    const en = 'Marek Dudek, 52, of Boston, Lincolnshire, appeared before magistrates on Monday.';
    expect(roleAt(en, ...span(en, 'Marek Dudek'))).toBe('suspect');
    const pt = 'O encarregado, Wanderlei Prates, aguarda julgamento em liberdade.';
    expect(roleAt(pt, ...span(pt, 'Wanderlei Prates'))).toBe('suspect');
    const es = 'Ese hombre, Fermín Ugarte, hoy cumple 30 años de prisión.';
    expect(roleAt(es, ...span(es, 'Fermín Ugarte'))).toBe('suspect');
  });

  it('does not let a clause between commas carry another person\'s verb', () => {
    const es = 'La fiscal Rosario Meza, de la unidad especializada, informó que el dueño del bar, Tito Arce, fue detenido.';
    expect(roleAt(es, ...span(es, 'Rosario Meza'))).toBe('official');
  });
});

describe('roleAt: what a title, an aside or a byline belongs to', () => {
  it("reads 'the mother of X' as X's relative's title, and 'the lawyer of X, Y' as Y's", () => {
    const es = 'Habló con la radio la madre de Yamila Ortiz, de 15 años, desaparecida en Soacha.';
    expect(roleAt(es, ...span(es, 'Yamila Ortiz'))).not.toBe('other');
    const pt = 'O advogado de Ferraz, Otávio Meireles Neto, não quis comentar.';
    const e = [person(pt, 'Ferraz'), person(pt, 'Otávio Meireles Neto')];
    assignRoles(pt, e, false);
    expect(e.map((x) => x.role)).toEqual(['suspect', 'other']);
    const kin = 'Lo confirmó el padre de la menor, Anselmo Quiroga, ante la prensa.';
    expect(roleAt(kin, ...span(kin, 'Anselmo Quiroga'))).toBe('other');
  });

  it("leaves a verb to the person an aside relates the name to ('X, mãe do Y, de 14 anos, que está desaparecido')", () => {
    const pt = 'Está no estúdio a dona Celina Prates, mãe do Caio Prates, de 14 anos, que está desaparecido há um mês.';
    expect(roleAt(pt, ...span(pt, 'Celina Prates'))).not.toBe('victim');
    const es = 'Dora Lemus, madre de los acusados, permanece detenida en Puente Grande.';
    expect(roleAt(es, ...span(es, 'Dora Lemus'))).toBe('suspect');
  });

  it('reads agent nouns as suspects, not as the verb of a victim', () => {
    const pt = 'Eles foram trazidos do Maranhão pelo aliciador Edson Paiva e dormiam em barracos.';
    expect(roleAt(pt, ...span(pt, 'Edson Paiva'))).toBe('suspect');
    const es = 'Rebeca Salinas (31): captadora en Encarnación; prima de la víctima.';
    expect(roleAt(es, ...span(es, 'Rebeca Salinas'))).toBe('suspect');
  });

  it("reads bylines and a lawyer speaking of a client as other, and 'threatened to' as no passive", () => {
    const byline = 'Rescatan a seis jóvenes en Tapachula\nPor Ismael Guerra\nTAPACHULA, Chis. — Agentes rescataron a seis jóvenes.';
    expect(roleAt(byline, ...span(byline, 'Ismael Guerra'))).toBe('other');
    const dated = 'Cierran un taller en Flores. Escrito por Olga Marín 17 de noviembre de 2026 - 16:00 La Justicia procesó a dos.';
    expect(roleAt(dated, ...span(dated, 'Olga Marín'))).toBe('other');
    const agent = 'Las jóvenes fueron explotadas. Por Ismael Guerra fue detenido nadie.';
    expect(roleAt(agent, ...span(agent, 'Ismael Guerra'))).not.toBe('other');
    const client = 'Mitigating, Judith Amankwah said her client had no previous convictions.';
    expect(roleAt(client, ...span(client, 'Judith Amankwah'))).toBe('other');
    const threat = 'Neville Shaw threatened to report the men to immigration officers.';
    expect(roleAt(threat, ...span(threat, 'Neville Shaw'))).toBe('suspect');
    const found = 'A jury found in 2023 that Neville Shaw threatened the workers.';
    expect(roleAt(found, ...span(found, 'Neville Shaw'))).not.toBe('victim');
  });

  it('keeps a title across an abbreviation that does not end the sentence', () => {
    const en = 'OPP Det. Const. Irene Halvorsen said more workers may come forward.';
    expect(roleAt(en, ...span(en, 'Irene Halvorsen'))).toBe('official');
  });

  it('reads sentences handed down and court appearances after a run of asides as a suspect', () => {
    const en = 'His partner, Dana Kucera, 39, who kept the ledgers, was given a two-year suspended sentence.';
    expect(roleAt(en, ...span(en, 'Dana Kucera'))).toBe('suspect');
    const es = 'Se trata de Efrén Bustillo, de 35 años. Fue presentado ante un juez de La Ceiba.';
    expect(roleAt(es, ...span(es, 'Efrén Bustillo'))).toBe(undefined);
    const later = 'Efrén Bustillo fue presentado ante un juez de La Ceiba.';
    expect(roleAt(later, ...span(later, 'Efrén Bustillo'))).toBe('suspect');
  });
});

describe('pseudonyms and the subject of the story', () => {
  it("reads a pseudonym note that follows the name without a comma ('X para proteger su identidad')", () => {
    const text = 'Una de ellas, a la que llamaremos aquí de otro modo, y otra a la que los agentes llaman Marisol para proteger su identidad, escaparon.';
    const e: Entity[] = [];
    addPseudonymVictims(text, e);
    expect(e.map((x) => [x.text, x.role])).toContainEqual(['Marisol', 'victim']);
  });

  it('turns the tagger\'s quoted misc or place into the person an "identified as" cue names', () => {
    const text = 'Una de las víctimas, una joven de 16 años identificada como "Perla", fue rescatada en Tecún Umán.';
    const at = text.indexOf('"Perla"');
    const e: Entity[] = [{ type: 'misc', start: at, end: at + 7, text: '"Perla"' }];
    addPseudonymVictims(text, e);
    expect(e).toEqual([{ type: 'person', start: at + 1, end: at + 6, text: 'Perla' }]);
    assignRoles(text, e, true);
    expect(e[0]!.role).toBe('victim');
  });

  it('does not make the most named person the subject when a suspect cue stands near them', () => {
    // Only a nearby word ('the traffickers') speaks for Pike: under the old rule the most named person became the victim.
    const text = 'Orson Pike drove along the interstate with the traffickers. Orson Pike stopped at motels. Pike said little.';
    const e = [person(text, 'Orson Pike'), person(text, 'Orson Pike', 5), person(text, 'Pike', 85)];
    assignRoles(text, e, true);
    expect(e.map((x) => x.role)).toEqual(['suspect', 'suspect', 'suspect']);
  });
});

describe('assignRoles: a pronoun that opens the next sentence', () => {
  it('gives the one person of the sentence before what the pronoun sentence says', () => {
    const text = 'A polícia chegou à casa de Jurema Lins, de 51 anos. Ela foi presa em flagrante. A vizinha Tereza Paiva ajudou.';
    const e = [person(text, 'Jurema Lins'), person(text, 'Tereza Paiva')];
    assignRoles(text, e, false);
    expect(e[0]!.role).toBe('suspect');
  });

  it('ignores reported speech and sentences before that name two people', () => {
    const speech = 'The boat docked in Cebu and Arnel Dizon stepped off. He said he was charged for his food every day.';
    const one = [person(speech, 'Arnel Dizon')];
    assignRoles(speech, one, false);
    expect(one[0]!.role).toBeUndefined();
    const two = 'Lía Ortega met Bruno Sáez in Lima. She was arrested later.';
    const e = [person(two, 'Lía Ortega'), person(two, 'Bruno Sáez')];
    assignRoles(two, e, false);
    expect(e.map((x) => x.role)).toEqual([undefined, undefined]);
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
