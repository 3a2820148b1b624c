import { describe, it, expect } from 'vitest';
import type { Entity } from '../../../core/index.js';
import { maskVictimNames } from '../../../extractors/privacy.js';

const ent = (text: string, name: string, extra: Partial<Entity>): Entity => {
  const start = text.indexOf(name);
  return { type: 'person', start, end: start + name.length, text: name, ...extra };
};

describe('maskVictimNames', () => {
  it('replaces victims names and re-offsets every entity to the new text', () => {
    const text = 'La joven Ana Ruiz, de 17 años, denunció a Pedro Gómez en Cúcuta.';
    const entities: Entity[] = [
      ent(text, 'Ana Ruiz', { role: 'victim' }),
      ent(text, 'Pedro Gómez', { role: 'suspect' }),
      { type: 'location', start: text.indexOf('Cúcuta'), end: text.indexOf('Cúcuta') + 6, text: 'Cúcuta' },
    ];
    const out = maskVictimNames(text, entities);
    expect(out.text).toBe('La joven [víctima], de 17 años, denunció a Pedro Gómez en Cúcuta.');
    for (const e of out.entities) expect(out.text.slice(e.start, e.end)).toBe(e.text);
    expect(out.entities.map((e) => e.text)).toEqual(['[víctima]', 'Pedro Gómez', 'Cúcuta']);
  });

  it('masks a notice subject named by the caller wherever it occurs', () => {
    const out = maskVictimNames('Se busca a Laura Pérez. Laura Pérez salió de casa.', [], { names: ['Laura Pérez'], lang: 'es' });
    expect(out.text).toBe('Se busca a [víctima]. [víctima] salió de casa.');
  });

  it('uses an English placeholder for English text and leaves text without victims unchanged', () => {
    const text = 'Officer Jane Doe spoke.';
    expect(maskVictimNames(text, [ent(text, 'Jane Doe', { role: 'official' })], { lang: 'en' }).text).toBe(text);
    const t2 = 'The victim, Mary Roe, was freed.';
    expect(maskVictimNames(t2, [ent(t2, 'Mary Roe', { role: 'victim' })], { lang: 'en' }).text).toBe('The victim, [victim], was freed.');
  });
});
