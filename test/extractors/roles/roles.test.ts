import { describe, it, expect } from 'vitest';
import type { Entity } from '../../../core/index.js';
import { assignRoles, roleAt } from '../../../extractors/roles.js';

const span = (text: string, name: string): [number, number] => {
  const s = text.indexOf(name);
  return [s, s + name.length];
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

  it('gives other when nothing in the sentence says a role', () => {
    const text = 'Según María López, el barrio cambió mucho.';
    expect(roleAt(text, ...span(text, 'María López'))).toBe('other');
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
});
