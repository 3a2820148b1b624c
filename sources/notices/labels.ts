/**
 * Labels of missing-person notices in Spanish, Portuguese and English, folded (lower case, no accents),
 * mapped to the NoticeFields they fill. Order matters: longer, more specific labels first.
 */
export type NoticeField = 'name' | 'age' | 'sex' | 'lastSeenDate' | 'lastSeenPlace' | 'authority' | 'alertType';

export const fold = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

const LABELS: Array<[NoticeField, string[]]> = [
  ['lastSeenPlace', [
    'lugar donde fue visto por ultima vez', 'lugar donde fue vista por ultima vez', 'lugar donde se le vio por ultima vez',
    'lugar de desaparicion', 'lugar de la desaparicion', 'lugar de los hechos', 'lugar del hecho', 'lugar de extravio',
    'lugar de ausencia', 'ultima ubicacion', 'ultimo paradero', 'visto por ultima vez en', 'vista por ultima vez en',
    'local do desaparecimento', 'local de desaparecimento', 'local onde foi visto', 'local onde foi vista',
    'visto pela ultima vez em', 'vista pela ultima vez em', 'place last seen', 'last seen location', 'last seen at',
    'last seen in', 'missing from', 'location', 'lugar', 'local', 'municipio', 'localidad', 'cidade',
  ]],
  ['lastSeenDate', [
    'fecha en que se le vio por ultima vez', 'fecha de desaparicion', 'fecha de la desaparicion', 'fecha de los hechos',
    'fecha del hecho', 'fecha de extravio', 'fecha de ausencia', 'fecha de no localizacion', 'fecha de la ausencia',
    'visto por ultima vez', 'vista por ultima vez', 'desaparecido desde', 'desaparecida desde', 'ausente desde',
    'data do desaparecimento', 'data de desaparecimento', 'data do fato', 'desaparecido em', 'desaparecida em',
    'visto pela ultima vez', 'vista pela ultima vez', 'date missing', 'date of disappearance', 'missing since',
    'date last seen', 'last seen', 'fecha', 'data',
  ]],
  ['name', [
    'nombre completo', 'nombres y apellidos', 'nombre y apellido', 'nombre', 'nome completo', 'nome', 'full name',
    'name', 'persona desaparecida', 'pessoa desaparecida', 'desaparecido', 'desaparecida', 'missing person',
  ]],
  ['age', ['edad actual', 'edad al momento de la desaparicion', 'edad', 'idade', 'age', 'age now', 'current age']],
  ['sex', ['sexo', 'genero', 'sex', 'gender']],
  ['authority', [
    'emitida por', 'emitido por', 'emite', 'institucion', 'autoridad', 'dependencia', 'orgao responsavel', 'orgao',
    'delegacia responsavel', 'delegacia', 'issued by', 'issuing agency', 'agency', 'investigating agency',
  ]],
  ['alertType', ['tipo de alerta', 'alerta', 'tipo de alerta emitida', 'alert type', 'tipo']],
];

const BY_LABEL = new Map<string, NoticeField>();
for (const [field, labels] of LABELS) for (const l of labels) if (!BY_LABEL.has(l)) BY_LABEL.set(l, field);

/** Field of a label such as "Edad:", "Fecha de desaparición", "Idade", or null. */
export function fieldOfLabel(label: string): NoticeField | null {
  const l = fold(label).replace(/[:：*\-–—.\s]+$/u, '').replace(/^[\s*•-]+/u, '');
  return BY_LABEL.get(l) ?? null;
}

/** All known labels, longest first, for "Label: value" lines. */
export const ALL_LABELS = [...BY_LABEL.keys()].sort((a, b) => b.length - a.length);
