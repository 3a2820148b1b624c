/**
 * isLikelyNotice: does a page (HTML) or text look like a missing-person notice rather than a news story?
 * Notices name an alert system, carry a physical description in labelled fields and ask the public for
 * information; news stories about disappearances rarely do all three.
 */
import { detectAlertType } from './alert-types.js';

const DESCRIPTION_LABELS =
  /\b(?:edad|idade|age|sexo|sex|estatura|altura|height|peso|weight|complexi[óo]n|tez|cabello|cabelo|hair|ojos|olhos|eyes|señas particulares|sinais particulares|vestimenta|vestía|vestia|roupas|clothing|fecha de (?:desaparici[óo]n|los hechos|extrav[íi]o)|data do desaparecimento|desaparecid[oa] desde|last seen)\s*[:：]/gi;
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

export function noticeScore(input: string): number {
  const text = toText(input);
  let score = 0;
  if (detectAlertType(text) && !/^(Persona|Pessoa|Missing person)/.test(detectAlertType(text)!)) score += 2;
  score += Math.min(4, text.match(DESCRIPTION_LABELS)?.length ?? 0);
  if (APPEALS.test(text)) score += 1;
  if (MISSING.test(text)) score += 1;
  return score;
}

/** True when the HTML or text reads like a missing-person notice (alert system, labelled description, appeal). */
export function isLikelyNotice(input: string): boolean {
  return noticeScore(input) >= 3;
}
