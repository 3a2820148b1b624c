import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OrgMatcher, ORG_KINDS, orgListPath, parseOrgList, tokenize } from '../../../extractors/entities/index.js';

const entries = parseOrgList(parse(readFileSync(orgListPath(), 'utf8')));
const matcher = new OrgMatcher(entries);
const refs = (text: string) => matcher.match(tokenize(text)).map((m) => m.entry.id);

describe('organizations list', () => {
  it('ships a valid list that covers every kind', () => {
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(ORG_KINDS));
    expect(entries.length).toBeGreaterThan(50);
  });

  it('names no body of two countries alike, and covers every Latin American country', () => {
    // A name shared by two entries would give every match to the first (one country's "Ministerio Público").
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const alias of new Set([e.name, ...(e.aliases ?? [])])) {
        const key = /\p{Ll}/u.test(alias) ? alias.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : alias;
        const had = owner.get(key);
        expect(had === undefined || had === e.id, `${alias}: ${had} and ${e.id}`).toBe(true);
        owner.set(key, e.id);
      }
    }
    const countries = new Set(entries.map((e) => e.country));
    for (const cc of ['AR', 'BO', 'BR', 'CL', 'CO', 'CR', 'DO', 'EC', 'GT', 'HN', 'MX', 'NI', 'PA', 'PE', 'PY', 'SV', 'UY', 'VE']) expect(countries, cc).toContain(cc);
    expect(refs('El OIJ y el PANI atendieron el caso; el INAU y la SENAF también.')).toEqual(['cr.oij', 'cr.pani', 'uy.inau', 'ar.senaf']);
  });

  it('matches names regardless of case and accents, preferring the longest alias', () => {
    expect(refs('la fiscalia general de la nacion abrió un caso')).toEqual(['co.fiscalia']);
    expect(refs('Según la Policía Nacional de Colombia y la Policía Nacional')).toEqual(['co.policia', 'es.policia_nacional']);
  });

  it('matches acronyms only with their capitals', () => {
    expect(refs('El DIF y el ICBF atendieron a los niños')).toEqual(['mx.dif', 'co.icbf']);
    expect(refs('es dif y difícil')).toEqual([]);
  });

  it('finds armed and criminal groups in Spanish and Portuguese text', () => {
    expect(refs('miembros del Tren de Aragua y de las disidencias de las FARC')).toEqual(['ve.tren_de_aragua', 'co.farc_disidencias']);
    expect(refs('O PCC e o Comando Vermelho disputam a rota')).toEqual(['br.pcc', 'br.cv']);
  });

  it('rejects entries with an unknown kind or a duplicate id', () => {
    const bad = (organizations: unknown[]) => () => parseOrgList({ organizations });
    expect(bad([{ id: 'x', name: 'X', country: 'CO', kind: 'army' }])).toThrow(/unknown kind army/);
    expect(bad([{ id: 'x', name: 'X', country: 'CO', kind: 'police' }, { id: 'x', name: 'Y', country: 'CO', kind: 'police' }])).toThrow(/duplicate id/);
    expect(() => parseOrgList({})).toThrow(/organizations/);
  });
});
