/**
 * Names of missing-person alert systems in Latin America, Brazil and English-speaking countries,
 * as they are usually written, with the canonical form we report.
 */
export const ALERT_TYPES: Array<[RegExp, string]> = [
  [/\balerta\s+alba[\s-]*keneth\b/i, 'Alerta Alba-Keneth'],
  [/\balerta\s+isabel[\s-]*claudina\b/i, 'Alerta Isabel-Claudina'],
  [/\bprotocolo\s+alba\b/i, 'Protocolo Alba'],
  [/\balerta\s+(?:amber|[áa]mbar)\b/i, 'Alerta Amber'],
  [/\balerta\s+sof[íi]a\b/i, 'Alerta Sofía'],
  [/\balerta\s+rosa\b/i, 'Alerta Rosa'],
  [/\bamber\s+alert\b/i, 'Amber Alert'],
  [/\bmissing\s+child(?:ren)?\s+alert\b/i, 'Missing Child Alert'],
  [/\bc[ée]dula\s+de\s+(?:b[úu]squeda|identificaci[óo]n)\b/i, 'Cédula de búsqueda'],
  [/\bficha\s+de\s+b[úu]squeda\b/i, 'Ficha de búsqueda'],
  [/\b(?:nota\s+de\s+)?alerta\s+de\s+desaparici[óo]n\b/i, 'Alerta de desaparición'],
  [/\bpessoas?\s+desaparecidas?\b/i, 'Pessoa desaparecida'],
  [/\bpersonas?\s+desaparecidas?\b/i, 'Persona desaparecida'],
  [/\bmissing\s+person\b/i, 'Missing person'],
  [/\bse\s+busca\b|\bse\s+solicita\s+(?:su\s+)?(?:apoyo|colaboraci[óo]n)\s+para\s+(?:localizar|ubicar)\b/i, 'Persona desaparecida'],
];

/** Canonical alert type named in a text, or null. Named systems (listed first) win over generic wording. */
export function detectAlertType(text: string): string | null {
  for (const [re, name] of ALERT_TYPES) if (re.test(text)) return name;
  return null;
}
