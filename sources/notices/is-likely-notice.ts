/**
 * isLikelyNotice: does a page (HTML) or text look like a missing-person notice rather than a news story?
 * Notices name an alert system, carry a physical description in labelled fields and ask the public for
 * information; news stories about disappearances rarely do all three.
 */
import { load } from 'cheerio/slim';
import { detectAlertType } from './alert-types.js';
import { readLabelValues } from './label-values.js';

const DESCRIPTION_LABELS =
  /(?<![\p{L}\p{N}_-])(?:edad|idade|age|sexo|sex|estatura|altura|height|peso|weight|complexi[óo]n|tez|cabello|cabelo|hair|ojos|olhos|eyes|señas particulares|sinais particulares|vestimenta|vestía|vestia|roupas|clothing|fecha de (?:desaparici[óo]n|los hechos|extrav[íi]o)|data do desaparecimento|desaparecid[oa] desde|last seen)\s*[:：]/giu;
const APPEALS =
  /(?:si (?:tiene|tienes|usted tiene) (?:informaci[óo]n|alg[úu]n dato)|cualquier (?:informaci[óo]n|dato)|se solicita (?:su )?(?:apoyo|colaboraci[óo]n)|ay[úu]danos a (?:localizar|encontrar)|¿(?:la|lo|los|las) has visto|has visto a|se busca|qualquer informa[çc][ãa]o|ajude a encontrar|ligue (?:para )?(?:o )?(?:181|190|197|100)|disque[- ]den[úu]ncia|anyone with information|if you (?:have|see)|help (?:us )?(?:find|locate)|have you seen)/i;
const MISSING = /\b(?:desaparecid[oa]s?|no localizad[oa]|extraviad[oa]|ausente|missing|sustra[íi]d[oa])\b/i;

function toText(input: string): string {
  if (!/<[a-z!/][^>]*>/i.test(input)) return input;
  return input
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ');
}

const GENERIC_ALERTS = /^(?:Persona desaparecida|Pessoa desaparecida|Missing person|Alerta de desaparición)$/;
const PERSON_FIELDS = new Set(['name', 'age', 'sex', 'lastSeenDate', 'lastSeenPlace']);

/** Distinct person fields (name, age, sex, date and place last seen) in the page's label/value structure. */
function structuredFields(html: string): number {
  try {
    const fields = new Set(readLabelValues(load(html)).map((lv) => lv.field).filter((f) => PERSON_FIELDS.has(f)));
    return fields.size;
  } catch {
    return 0;
  }
}

export function noticeScore(input: string): number {
  const text = toText(input);
  let score = 0;
  const alert = detectAlertType(text);
  if (alert && !GENERIC_ALERTS.test(alert)) score += 2;
  const labelled = text.match(DESCRIPTION_LABELS)?.length ?? 0;
  const structured = text === input ? 0 : structuredFields(input);
  score += Math.min(4, Math.max(labelled, structured >= 2 ? structured : 0));
  if (APPEALS.test(text)) score += 1;
  if (MISSING.test(text)) score += 1;
  return score;
}

/** True when the HTML or text reads like a missing-person notice (alert system, labelled description, appeal). */
export function isLikelyNotice(input: string): boolean {
  return noticeScore(input) >= 3;
}
