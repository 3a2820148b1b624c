/**
 * Notice fields read from prose ("...para localizar a Karla Ortiz, de 16 años, quien fue vista por última
 * vez el 5 de febrero de 2024 en el barrio El Muelle") and value parsers shared with labelled fields.
 */
import { parseMachineDate, parseTextDate } from '../article/index.js';
import { fold } from './labels.js';

export function parseAge(value: string): number | null {
  const v = fold(value);
  const m = /(\d{1,3})\s*(anos|years?|yrs?|a\b|meses|months?)?/.exec(v);
  if (!m) return null;
  if (m[2] && /^(meses|months?)$/.test(m[2])) return 0;
  const n = Number(m[1]);
  return n >= 0 && n <= 120 ? n : null;
}

export function parseSex(value: string): 'female' | 'male' | null {
  const v = fold(value);
  if (/^(f|fem)\b|femenin|feminin|female|mujer|mulher|nina\b|menina|girl|woman/.test(v)) return 'female';
  if (/^(m|masc)\b|masculin|\bmale\b|hombre|homem|nino\b|menino|\bboy\b|\bman\b/.test(v)) return 'male';
  return null;
}

export function parseNoticeDate(value: string): string | null {
  const d = parseTextDate(value) ?? parseMachineDate(value);
  return d ? d.slice(0, 10) : null;
}

const NAME_WORD = String.raw`[A-ZÁÉÍÓÚÑÜÂÊÔÃÕÇ][a-záéíóúñüâêôãõç'’]+`;
const NAME_LINK = String.raw`(?:\s+(?:de|del|de la|da|das|do|dos|y|e)\s+|\s+)`;
const NAME = String.raw`(${NAME_WORD}(?:${NAME_LINK}${NAME_WORD}){1,5})`;

const NAME_CUES = [
  new RegExp(String.raw`(?:localizar|ubicar|encontrar|buscar|paradero de|localizaci[óo]n de|b[úu]squeda de)\s+(?:a\s+)?(?:la\s+|el\s+)?(?:menor|adolescente|niñ[ao]|joven|señora|señor|mujer)?\s*${NAME}`, 'u'),
  new RegExp(String.raw`(?:localizar|encontrar|paradeiro de)\s+(?:o|a)?\s*(?:menor|adolescente|jovem)?\s*${NAME}`, 'u'),
  new RegExp(String.raw`(?:[Aa]lert\s+for|[Ll]ocate|[Ff]ind|[Hh]ave you seen)\s+${NAME}`, 'u'),
  new RegExp(String.raw`(?:Alerta\s+(?:Amber|[ÁA]mbar|Alba-Keneth|Alba|Sof[íi]a)|Protocolo Alba|Desaparecid[oa]|Missing)\s*[:\-–—]\s*${NAME}`, 'u'),
];

/** Capitalised words that start alert names, institutions and places, never a person's name. */
const NOT_NAME = /^(?:Alert|Alerta|Amber|Child|Missing|Person|Persona|Pessoa|Protocolo|Alba|Keneth|Desaparecid[oa]|Fiscal[íi]a|Polic[íi]a|Pol[íi]cia|Ministerio|Minist[ée]rio|Sheriff|County|Police|Department|Office|Comisi[óo]n|Colonia|Barrio|Bairro|Calle|Avenida|Rua)$/u;

export function nameFromText(text: string): string | null {
  for (const re of NAME_CUES) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const name = m[1]?.trim();
      if (name && !name.split(/\s+/).some((w) => NOT_NAME.test(w))) return name;
    }
  }
  return null;
}

export function ageFromText(text: string): number | null {
  const m =
    /\b(\d{1,2})[\s-]*(?:años|anos|years?)(?:[\s-]+(?:de edad|de idade|old))?\b/i.exec(text) ??
    /\bde\s+(\d{1,2})\s+(?:años|anos)\b/i.exec(text);
  return m ? Number(m[1]) : null;
}

/** Sex from gendered wording; null when the cues disagree or are absent. */
export function sexFromText(text: string): 'female' | 'male' | null {
  const t = ` ${text.toLowerCase()} `;
  const count = (re: RegExp): number => t.match(re)?.length ?? 0;
  const female = count(/\b(?:niña|menina|mujer|mulher|joven desaparecida|la menor|la adolescente|a adolescente|a menor|desaparecida|vista por última vez|vista pela última vez|localizada|girl|woman|she|her)\b/g);
  const male = count(/\b(?:niño|menino|hombre|homem|el menor|el adolescente|o adolescente|o menor|desaparecido|visto por última vez|visto pela última vez|localizado|boy|man|he|his)\b/g);
  if (female > male) return 'female';
  if (male > female) return 'male';
  return null;
}

const SEEN_CUE = /(?:vist[oa]s? por [úu]ltima vez|vist[oa]s? pela [úu]ltima vez|last seen|desapareci[óo]|desapareceu|se ausent[óo]|fue sustra[íi]d[oa]|went missing|missing since|desaparecid[oa] desde)/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/);
}

export function lastSeenDateFromText(text: string): string | null {
  for (const s of sentences(text)) {
    if (!SEEN_CUE.test(s)) continue;
    const d = parseTextDate(s);
    if (d) return d;
  }
  return null;
}

export function lastSeenPlaceFromText(text: string): string | null {
  for (const s of sentences(text)) {
    const cue = SEEN_CUE.exec(s);
    if (!cue) continue;
    const rest = s.slice(cue.index + cue[0].length);
    const m = /\s(?:en|em|in|at|no|na|cerca de|near)\s+(?:el\s+|la\s+|los\s+|las\s+|o\s+|a\s+|the\s+)?(.+)$/u.exec(rest);
    if (!m?.[1]) continue;
    let place = m[1]
      .split(/,?\s+(?:cuando|mientras|donde|quando|enquanto|onde|when|while|wearing|vistiendo|vestía|con rumbo|y no|e não|and has)\b/u)[0]!
      .replace(/[.;:]+$/, '')
      .trim();
    // Leading dates belong to the date, not the place ("el 5 de febrero de 2024 en ...").
    if (parseTextDate(place) !== null && /\s(?:en|em|in|at)\s/.test(place)) place = place.replace(/^.*?\s(?:en|em|in|at)\s+(?:el\s+|la\s+)?/u, '');
    if (place.length >= 3 && place.length <= 160) return place;
  }
  return null;
}

const AUTHORITY_HEADS = String.raw`Fiscal[íi]a|Ministerio P[úu]blico|Minist[ée]rio P[úu]blico|Procuradur[íi]a|Comisi[óo]n (?:Local |Estatal |Nacional )?de B[úu]squeda|Pol[íi]c[íi]a|Delegacia|Secretar[íi]a de Seguridad|Secretaria de Seguran[çc]a|Defensor[íi]a|Instituto Nacional|Unidad de B[úu]squeda`;
const CAP = String.raw`(?:[A-ZÁÉÍÓÚÑÂÊÔÃÕÇ][\wáéíóúñâêôãõç'’.-]*)`;
const LINK = String.raw`(?:de|del|de la|de las|de los|da|das|do|dos|y|e|para|en)`;
const AUTHORITY_ES_PT = new RegExp(String.raw`\b((?:${AUTHORITY_HEADS})(?:\s+(?:${CAP}|${LINK}(?=\s+${CAP})))*)`, 'u');
const AUTHORITY_EN = /\b((?:[A-Z][\w'.&-]*\s+){0,5}(?:Sheriff['’]s (?:Office|Department)|Police Department|Police Service|Police|Department of Public Safety|Bureau of Investigation|Center for Missing (?:&|and) Exploited Children))/;

export function authorityFromText(text: string): string | null {
  const m = AUTHORITY_ES_PT.exec(text) ?? AUTHORITY_EN.exec(text);
  if (!m?.[1]) return null;
  return m[1].replace(/^(?:The|El|La|A|O)\s+/, '').replace(/\s+(?:de|del|da|do|y|e|en|para)$/u, '').trim();
}
