import type { Place } from '../../core/index.js';
import { PLAIN, wordTokens, type WordTokens } from './normalize.js';
import { sieveSlot, WordSieve } from './sieve.js';

/** Stems of the events a lead is about (folded): where these happen is the event country. */
const EVENT_STEMS = ['rescat', 'liber', 'resgat', 'rescued', 'freed', 'raid', 'captur', 'detenid', 'detuv', 'arrest', 'aprehend', 'preso', 'presa',
  'prend', 'explot', 'explorad', 'exploracao', 'exploited', 'exploitation', 'operativo', 'operacion', 'operacao', 'allanamiento', 'desmantel',
  'desarticul', 'trabajaban', 'trabalhavam', 'forced', 'escap', 'compound', 'obligad', 'forcad', 'sometid', 'submetid', 'encontrad', 'hallad'];
/** The stems by first letter (every stem has four letters or more), so a word is tested without a slice. */
const EVENT_BY_FIRST = new Map<number, string[]>();
for (const x of EVENT_STEMS) {
  const list = EVENT_BY_FIRST.get(x.charCodeAt(0)) ?? [];
  list.push(x);
  EVENT_BY_FIRST.set(x.charCodeAt(0), list);
}
/** Their first two letters: most tokens are rejected without reading them (`WordTokens.slots`). */
const EVENT_SIEVE = new WordSieve(EVENT_STEMS, true);
function isEvent(w: string): boolean {
  if (w.length < 4) return false;
  const stems = EVENT_BY_FIRST.get(w.charCodeAt(0));
  if (stems === undefined) return false;
  for (const x of stems) if (w.startsWith(x)) return true;
  return false;
}

/** The stems by the sieve bits of their first two letters (`slot >>> 5`). */
const EVENT_BY_PAIR: Array<string[] | undefined> = [];
for (const x of EVENT_STEMS) (EVENT_BY_PAIR[sieveSlot(x) >>> 5] ??= []).push(x);

/**
 * `isEvent` of token `i`'s norm. A plain token (`PLAIN`: its norm is its text in lower case) is compared in the text,
 * without making its norm: the sieve lets through every word starting like a stem ("de", "desde", "con").
 */
function isEventToken(text: string, toks: WordTokens, i: number): boolean {
  const slot = toks.slots[i]!;
  // The slot holds the norm's length (31 for 31 and more): every stem has four letters or more.
  if ((slot & 31) < 4) return false;
  if ((toks.shape[i]! & PLAIN) === 0) return isEvent(toks.norm(i));
  const stems = EVENT_BY_PAIR[slot >>> 5];
  if (stems === undefined) return false;
  const start = toks.starts[i]!;
  const len = toks.ends[i]! - start;
  for (const x of stems) {
    if (x.length > len) continue;
    let k = 0;
    for (; k < x.length; k += 1) {
      let c = text.charCodeAt(start + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== x.charCodeAt(k)) break;
    }
    if (k === x.length) return true;
  }
  return false;
}

/**
 * True when an event word ends after offset `after` and at or before `upTo`. Only the words near the places are read:
 * a pass over every word of the page found events nowhere near a place.
 */
function eventEndsIn(text: string, toks: WordTokens, after: number, upTo: number): boolean {
  const ends = toks.ends;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < toks.length && ends[i]! <= upTo; i += 1) if (EVENT_SIEVE.hasSlot(toks.slots[i]!) && isEventToken(text, toks, i)) return true;
  return false;
}

/** ISO codes of the countries a text is about: resolved places plus the victims' nationalities. */
export function documentCountries(places: readonly Place[], nationalities: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const p of places) if (p.countryCode && p.confidence >= 0.3 && !out.includes(p.countryCode)) out.push(p.countryCode);
  for (const n of nationalities) if (!out.includes(n)) out.push(n);
  return out;
}

/**
 * Where the events happened: places close after event words ("explotadas en España", "rescued in Texas")
 * weigh most, then how often a country's places are named, then the source's country.
 */
export function eventCountry(text: string, places: readonly Place[], countryHint?: string | null): string | null {
  const score = new Map<string, number>();
  const add = (cc: string, w: number): void => {
    score.set(cc, (score.get(cc) ?? 0) + w);
  };
  // Nothing placed: a local source's own country is the best guess left.
  if (places.every((p) => !p.countryCode)) return countryHint ? countryHint.toUpperCase() : null;
  const toks = wordTokens(text);
  let originEnd = -1;
  for (const p of places) {
    if (!p.countryCode) continue;
    add(p.countryCode, p.kind === 'country' ? 0.7 : 1);
    // "from Ecuador and Colombia": the whole list is where people came from.
    if (originEnd >= 0 && /^\s*(?:,|y|e|and)\s+(?:la\s+|el\s+|da\s+|do\s+|de\s+|the\s+)?$/iu.test(text.slice(originEnd, p.start))) {
      add(p.countryCode, -1.5);
      originEnd = p.end;
      continue;
    }
    originEnd = -1;
    // Where victims were recruited or came from is not where the events happened.
    if (originBefore(text, p.start)) {
      add(p.countryCode, -1.5);
      originEnd = p.end;
      continue;
    }
    // Where victims came back to ("voltaram ao Brasil", "regresaron a Bogotá", "returned home to Manila") is home.
    if (RETURN_BEFORE.test(text.slice(Math.max(0, p.start - 30), p.start))) {
      add(p.countryCode, -1.5);
      continue;
    }
    // An event word ending at most 59 characters before the place, or else less than 40 after it.
    if (eventEndsIn(text, toks, p.start - 60, p.start)) add(p.countryCode, 2);
    else if (eventEndsIn(text, toks, p.end, p.end + 39)) add(p.countryCode, 1);
    if (p.start < 200) add(p.countryCode, 0.5);
  }
  // A trip that was stopped or only planned ("impidieron ... volar hacia Estambul", "stopped four women from boarding a
  // flight to Istanbul", "planning to take her to Pakistan"): its destination is where nothing happened yet.
  const stopped = stoppedDestinations(text, places);
  for (const cc of stopped) if (score.size > 1) add(cc, -3);
  const hint = countryHint?.toUpperCase();
  if (hint && score.has(hint)) add(hint, 0.75);
  let best: string | null = null;
  let bestS = 0;
  for (const [cc, s] of score) if (s > bestS) [best, bestS] = [cc, s];
  // Every place read as where someone came from, all in one country ("la denuncia de una mujer de Cobán, Alta
  // Verapaz"): with no other place, the events are there too.
  if (best === null && score.size === 1 && !hint) return score.keys().next().value ?? null;
  // The same with a stopped trip ("a girl from Bradford ... her family was planning to take her to Pakistan"): where
  // she came from is where the case is.
  if (best === null && stopped.length > 0) {
    const rest = [...score.keys()].filter((cc) => !stopped.includes(cc));
    if (rest.length === 1) return rest[0]!;
  }
  return best;
}

/** A return home right before a place: "voltou ao", "regressaram a", "regresaron a", "returned (home) to", "repatriated to". */
const RETURN_BEFORE = /\b(?:volt(?:ou|aram|am|ar|aria|ariam)|regres(?:aron|ó|o|ar|san|saram|sou|sar|sam)|retorn(?:aron|ó|o|ar|aram|ou)|returned(?: home)?|repatriad[oa]s?|repatriated|desembarc(?:aram|ou|aron|ó))\s+(?:(?:a|ao|à|al|para|pra|to|em|en|in|no|na)\s+)?(?:(?:o|a|el|la|the)\s+)?$/iu;
/** Words before a trip's destination ("volar hacia", "a flight to", "take her to", "com destino a"). */
const DESTINATION_BEFORE = /\b(?:volar|viajar|viajaban|viajaba|viajariam|viajaria|viajarían|viajaría|vuelo|voo|flight|flights|fly|flying|travel|travelling|traveling|take her|take them|take him|destino|bound|rumbo|rumo|embarcar|boarding)\s+(?:a|al|hacia|para|to|for|con destino a|com destino a|ao|à)?\s*(?:la\s+|el\s+|o\s+|a\s+|the\s+)?$/iu;
/** The trip did not happen: stopped, prevented or only planned. */
const STOPPED_TRIP = /\b(?:imped[ií]\p{L}*|evit\p{L}*|frustr\p{L}*|stopp\p{L}*|prevent\p{L}*|intercept\p{L}*|planning|planned|plann\p{L}*|se dispon[ií]an?|iban a|ia[mn]? (?:viajar|embarcar)|about to|were to)\b/iu;

/**
 * Countries of the destinations of trips that were stopped or only planned: a destination place (after DESTINATION_BEFORE)
 * in a sentence that says the trip was stopped or planned (STOPPED_TRIP).
 */
function stoppedDestinations(text: string, places: readonly Place[]): string[] {
  const out: string[] = [];
  for (const p of places) {
    if (!p.countryCode || out.includes(p.countryCode)) continue;
    if (!DESTINATION_BEFORE.test(text.slice(Math.max(0, p.start - 40), p.start))) continue;
    const from = text.lastIndexOf('.', p.start) + 1;
    const dot = text.indexOf('.', p.end);
    if (STOPPED_TRIP.test(text.slice(from, dot < 0 ? text.length : dot))) out.push(p.countryCode);
  }
  return out;
}

const ORIGIN_WORD = /^(?:oriund|originari|natural|procedent|provenient|vind|trazid|traid|traíd|vieram|vinham|veio|vinieron|venian|venían)/;
/** Parts of a region, in lower case before "de/da/do" and its name ("no sul da Bahia", "do norte de Minas"). */
const DIRECTION = new Set(['norte', 'sul', 'sur', 'leste', 'este', 'oeste', 'nordeste', 'noroeste', 'sudeste', 'sudoeste', 'suroeste', 'interior', 'centro', 'litoral', 'oriente', 'occidente']);
const RECRUIT_WORD = /^(?:captad|captab|reclutad|recrutad|aliciad|recruited|lured)/;
const OF = new Set(['de', 'del', 'do', 'da', 'dos', 'das', 'from']);
const BY = new Set(['por', 'pelo', 'pela', 'by']);
/** Words before "from" that make the place where things happened, not where people came from. */
const FROM_NOT_ORIGIN = new Set(['rescued', 'freed', 'removed', 'released', 'recovered', 'extracted', 'assistance', 'help', 'support', 'care',
  'officers', 'police', 'agents', 'investigators', 'authorities', 'prosecutors', 'officials', 'inspectors']);
const IN = new Set(['en', 'em', 'in', 'no', 'na', 'nos', 'nas']);
const ARTICLE = new Set(['la', 'el', 'the', 'o', 'a', 'los', 'las', 'os', 'as']);
const PEOPLE = /^(?:mujer|mujeres|joven|jovenes|nin[oa]s?|menor|menores|adolescentes?|mulher|mulheres|jovem|jovens|menin[oa]s?|women|woman|girls?|men|workers|trabajador[ae]s|trabalhador[ae]s)$/;

/** True when the words before offset `start` say where someone came from or was recruited (see `originCountries`). */
function originBefore(text: string, start: number): boolean {
  const toks = wordTokens(text);
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo - 1;
  if (k >= 0 && ARTICLE.has(toks.norm(k)) && start - toks.ends[k]! <= 2) k -= 1;
  // "no sul da Bahia", "do norte de Minas": a part of the place stands between the words and the place.
  if (OF.has(normAt(toks, k)) && DIRECTION.has(normAt(toks, k - 1)) && (OF.has(normAt(toks, k - 2)) || IN.has(normAt(toks, k - 2)))) k -= 2;
  return originWordsBefore(toks, k);
}

/** `originBefore` from token `k`, the word right before the place (or its part). */
function originWordsBefore(toks: WordTokens, k: number): boolean {
  // The words before are read from the columns, and only as far as the word right before asks.
  const p1 = normAt(toks, k);
  // ("rescued from a San Juan nightclub", "assistance from a Port of Spain shelter": where it happened, not an origin)
  if (p1 === 'from') return !FROM_NOT_ORIGIN.has(normAt(toks, k - 1));
  const of = OF.has(p1);
  const inside = IN.has(p1);
  if (!of && !inside && p1 !== 'desde') return false;
  const p2 = normAt(toks, k - 1);
  if (of && (ORIGIN_WORD.test(p2) || PEOPLE.test(p2) || PEOPLE.test(normAt(toks, k - 2)))) return true;
  // "traídas desde", "trasladadas desde Asunción", "llegaron desde", "viajaron desde": where they were moved from.
  if (p1 === 'desde' && /^(?:tra[ií]d|traslad|llevad|enviad|transportad|vinier|vinie|llegar|llegad|viajar|viajad|partier|huyer)/.test(p2)) return true;
  if (inside && (RECRUIT_WORD.test(p2) || (PEOPLE.test(p2) && (RECRUIT_WORD.test(normAt(toks, k - 2)) || RECRUIT_WORD.test(normAt(toks, k - 3)))))) return true;
  // "aliciados por um gato no sul da Bahia": the recruiter named between the recruiting word and the place.
  if (inside && BY.has(normAt(toks, k - 3)) && RECRUIT_WORD.test(normAt(toks, k - 4))) return true;
  return false;
}

/** The norm of token `k`, or '' outside the text. */
function normAt(toks: WordTokens, k: number): string {
  return k >= 0 && k < toks.length ? toks.norm(k) : '';
}

/**
 * Countries the victims come from, read from places right after origin words ("oriundos do Nepal e da Índia",
 * "women from El Salvador and Guatemala", "captaba a mujeres en Colombia y Paraguay", "una joven de Puebla").
 */
export function originCountries(text: string, places: readonly Place[]): string[] {
  const out: string[] = [];
  let chainEnd = -1;
  for (const p of places) {
    if (!p.countryCode) continue;
    const chained = chainEnd >= 0 && /^\s*(?:,|y|e|and|,\s*y|,\s*e|,\s*and)\s+(?:la\s+|el\s+|da\s+|do\s+|de\s+|the\s+)?$/iu.test(text.slice(chainEnd, p.start));
    if (chained || originBefore(text, p.start)) {
      if (!out.includes(p.countryCode)) out.push(p.countryCode);
      chainEnd = p.end;
    } else chainEnd = -1;
  }
  return out;
}
