import type { Entity, PersonRole } from '../core/index.js';
import type { AnalysisDoc, Extractor } from './types.js';

/** Context cues for a person's role (matched near the name, folded to lower case). Our own lists. */
const CUES: Array<[Exclude<PersonRole, 'other'>, RegExp]> = [
  ['victim', /\b(?:la v[ií]ctima|el v[ií]ctima|v[ií]ctimas?|v[ií]tima|victims?|survivor|sobreviviente|sobrevivente|rescatad[oa]|resgatad[oa]|rescued|desaparecid[oa]|missing|explotad[oa]|explorad[oa]|la joven|a jovem|la menor|a menor|the girl|denunciante)\b/iu],
  ['suspect', /\b(?:alias|a\.k\.a\.?|capturad[oa]|detenid[oa]|arrestad[oa]|aprehendid[oa]|imputad[oa]|acusad[oa]|procesad[oa]|condenad[oa]|sentenciad[oa]|presunt[oa]|sospechos[oa]|suspeit[oa]|pres[oa]|preso|investigad[oa]|tratante|proxeneta|cafet[ií]na|l[ií]der de la red|cabecilla|arrested|suspect|charged|accused|convicted|defendant|trafficker|pimp|indicted|sentenced)\b/iu],
  ['official', /\b(?:fiscal|fiscala|juez|jueza|juiz|juíza|delegad[oa]|comandante|coronel|general|director|directora|diretor|diretora|ministr[oa]|secretari[oa]|alcalde|alcaldesa|prefeit[oa]|gobernador|governador|vocero|portavoz|porta-voz|superintendente|promotor|promotora|procurador|procuradora|defensor|inspector|inspetor|comisari[oa]|polic[ií]a|agente|prosecutor|attorney|judge|officer|sheriff|detective|spokes(?:wo)?man|spokesperson|official|minister|mayor|governor|chief|lieutenant|sergeant|captain)\b/iu],
];

/**
 * The cues as global regexes, made once: a new RegExp per role and call, and the clone `matchAll` makes of it, cost
 * more than the scan of the short window. (Cues never match empty, so `exec` always moves on.)
 */
const CUES_G: ReadonlyArray<[Exclude<PersonRole, 'other'>, RegExp]> = CUES.map(([role, re]) => [role, new RegExp(re.source, 'giu')]);

/** Role of the person at [start, end) from cues in the same sentence, nearest cue first. */
export function roleAt(text: string, start: number, end: number): PersonRole {
  const left = Math.max(0, text.lastIndexOf('.', start - 1) + 1, start - 80);
  let right = text.indexOf('.', end);
  if (right < 0 || right - end > 80) right = Math.min(text.length, end + 80);
  let best: PersonRole = 'other';
  let bestD = Infinity;
  const sentence = text.slice(left, right);
  for (const [role, g] of CUES_G) {
    g.lastIndex = 0;
    for (let m = g.exec(sentence); m !== null; m = g.exec(sentence)) {
      const s = left + m.index;
      const e = s + m[0].length;
      // A cue inside the name counts only as its first word: a title the name carries ("delegado Marcos Oliveira",
      // Portuguese names keep their titles, as HAREM does); cues before the name ("el fiscal Juan", "alias") bind
      // tighter than cues after it.
      if (s < end && start < e && s !== start) continue;
      const d = s === start ? 0 : e <= start ? start - e : (s - end) * 1.5 + 5;
      if (d < bestD) [best, bestD] = [role, d];
    }
  }
  return best;
}

/** Gives every person entity without a role one from its context. */
export function assignRoles(text: string, entities: Entity[]): void {
  for (const e of entities) if (e.type === 'person' && !e.role) e.role = roleAt(text, e.start, e.end);
}

/** Sets `role` on person entities. Runs after `entities` (NER). */
export const roles: Extractor = {
  name: 'roles',
  version: '1',
  extract(doc: AnalysisDoc): void {
    assignRoles(doc.text, doc.entities);
  },
};
