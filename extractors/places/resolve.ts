import type { Place } from '../../core/index.js';
import { candidates, choose, frame, newCtx, type Choice } from './choose.js';
import { getGazetteer, type GazEntry, type Gazetteer } from './gazetteer.js';
import { judge, overlaps, personTokens, type PlaceHints } from './judge.js';
import { naturalFeatures } from './features.js';
import { findMentions, type Mention } from './mentions.js';
import { UPPER, wordTokens, type WordTokens } from './normalize.js';
import { WordSieve } from './sieve.js';
import { CUES } from './words.js';

export type { PlaceHints } from './judge.js';

function toPlace(text: string, gaz: Gazetteer, m: Mention, e: GazEntry, confidence: number): Place {
  const p: Place = {
    start: m.start, end: m.end, text: text.slice(m.start, m.end), name: e.name, countryCode: e.cc || null,
    admin1: e.kind === 'country' ? null : (gaz.admin1Name.get(e.a1) ?? null), lat: e.lat, lon: e.lon,
    confidence: Math.round(confidence * 100) / 100,
    kind: e.kind === 'admin2' || e.kind === 'region' ? 'other' : e.kind,
  };
  if (e.geonameId) p.geonameId = e.geonameId;
  return p;
}

/** A place the gazetteer cannot resolve: its span and name, no country or coordinates. */
function unresolved(text: string, start: number, end: number): Place {
  const name = text.slice(start, end);
  return { start, end, text: name, name, countryCode: null, admin1: null, lat: null, lon: null, confidence: 0.3, kind: 'other' };
}

/**
 * True when a place of `places` overlaps [start, end). (A loop, not `some` with a closure: the closure's variables,
 * declared in the token loop of `americaAsCountry`, made a context object for every token it passed.)
 */
function overlapsAny(places: readonly Place[], start: number, end: number): boolean {
  for (const p of places) if (p.start < end && start < p.end) return true;
  return false;
}

/**
 * "America" alone means the United States in English news ("moved to America", "Bank of America"); in Spanish and
 * Portuguese "América" is the continent, so the shared table does not carry it. English text only.
 */
function americaAsCountry(text: string, toks: WordTokens, gaz: Gazetteer, taken: readonly Place[]): Place[] {
  const out: Place[] = [];
  const us = gaz.countryByCode.get('US');
  if (us === undefined) return out;
  for (let i = 0; i < toks.length; i += 1) {
    if ((toks.shape[i]! & UPPER) === 0) continue;
    // "America" or "America's" (7 or 9 code units): other words are passed over without making their token.
    const len = toks.ends[i]! - toks.starts[i]!;
    if ((len !== 7 && len !== 9) || !text.startsWith('America', toks.starts[i]!)) continue;
    const t = toks.get(i)!;
    if (t.text !== 'America' && t.text !== "America's" && t.text !== 'America’s') continue;
    const end = t.start + 7;
    if (overlapsAny(taken, t.start, end)) continue;
    // "North America", "Latin America", "Central America" are regions; a run of capitals before it is another name.
    const prev = toks.get(i - 1);
    if (prev && prev.upper && text.slice(prev.end, t.start) === ' ' && !CUES.has(prev.norm)) continue;
    const m: Mention = { first: i, last: i, start: t.start, end, key: 'america', keyId: -1, ids: [us], alt: new Set(), sentenceStart: false };
    out.push(toPlace(text, gaz, m, gaz.entry(us), 0.7));
  }
  return out;
}

/** US federal institutions named in English news: the story is framed in the United States. */
const US_FEDERAL = /\b(Justice Department|Department of Justice|U\.S\. Attorney|US Attorney|FBI|Homeland Security Investigations|federal prison|federal court|federal judge|federal grand jury|U\.S\. District Court|Border Patrol|Labor Department|Department of Labor|federal agents|federal prosecutors|federal investigators)\b/;
/** Words that place a "Georgia" in the Caucasus. */
const CAUCASUS = /\b(Tbilisi|Georgian|Caucasus|Abkhazia|South Ossetia|Batumi|Kutaisi|Armenia|Azerbaijan)\b/;

/** True when `a` and `b` choose the same entries with the same confidence (so `frame` makes the same frame of both). */
function sameChoices(a: Array<Choice | null>, b: Array<Choice | null>): boolean {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (!x || !y || x.e !== y.e || x.conf !== y.conf) return false;
  }
  return true;
}

/** True when the entries `ids` (one or more) all lie in one country. */
function oneCountry(gaz: Gazetteer, ids: readonly number[]): boolean {
  if (ids.length === 0) return false;
  const cc = gaz.entry(ids[0]!).cc;
  for (let k = 1; k < ids.length; k += 1) if (gaz.entry(ids[k]!).cc !== cc) return false;
  return true;
}

/** The one-word mentions' sieve, refilled per document. */
const SINGLES_SIEVE = new WordSieve();

/**
 * A name that starts another name of the same text is its short form when they would be in different countries:
 * "San José" beside "San José del Guaviare" (not the capital of Costa Rica). Forms in one country stay apart ("Mato
 * Grosso" and "Mato Grosso do Sul"). Edits `byForm` (indexed by form number) in place.
 */
function shortForms(forms: ReadonlyMap<string, number>, byForm: Array<Choice | undefined>): void {
  if (forms.size < 2) return;
  for (const [key, id] of forms) {
    const short = byForm[id];
    // (a country's name stays the country: "Mexico" beside "Mexico City")
    if (short === undefined || short.e.kind === 'country') continue;
    let longer: Choice | undefined;
    for (const [other, oid] of forms) {
      const c = byForm[oid];
      if (c === undefined || other.length <= key.length + 1 || other.charCodeAt(key.length) !== 32 || !other.startsWith(key)) continue;
      if (c.e.cc === short.e.cc || c.e.kind === 'country') continue;
      if (longer === undefined || c.conf > longer.conf) longer = c;
    }
    if (longer !== undefined) byForm[id] = { e: longer.e, conf: Math.min(short.conf, longer.conf) };
  }
}

/** Finds toponyms in `text` and resolves each to a gazetteer entry (country, division or populated place). */
export function resolvePlaces(text: string, lang: string, hints: PlaceHints = {}): Place[] {
  const gaz = getGazetteer();
  const toks = wordTokens(text);
  const mentions = findMentions(text, toks, gaz);
  if (mentions.length === 0) return lang === 'en' ? naturalFeatures(text, toks, []).added : [];
  // The one-word mentions' keys the text also writes in lower case (judge asks only about those), with the same
  // accents: "le quitó el teléfono" is no "Quito" in lower case, although both fold to the same key.
  const singles = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.first !== m.last) continue;
    const surface = text.slice(m.start, m.end).toLowerCase();
    const had = singles.get(m.key);
    if (had === undefined) singles.set(m.key, [surface]);
    else if (!had.includes(surface)) had.push(surface);
  }
  const lower = new Set<string>();
  const sieve = SINGLES_SIEVE.clear();
  for (const w of singles.keys()) sieve.add(w);
  for (let i = 0; i < toks.length; i += 1) {
    if ((toks.shape[i]! & UPPER) !== 0 || !sieve.hasSlot(toks.slots[i]!)) continue;
    const surfaces = singles.get(toks.norm(i));
    if (surfaces !== undefined && surfaces.includes(text.slice(toks.starts[i]!, toks.ends[i]!))) lower.add(toks.norm(i));
  }
  const persons = personTokens(toks, text, mentions, gaz);
  // judge reads only the person and location spans of the entities: the others (values, organisations) are left out once.
  const people = hints.entities?.filter((e) => e.type === 'person' || e.type === 'location');
  const judgeHints = people === undefined ? hints : { ...hints, entities: people };
  const judged = mentions.map((m, at) => judge(text, toks, m, mentions, at, gaz, lower, persons, judgeHints));
  // "Allanan taller en Flores ... del barrio de Flores, en Buenos Aires": a name read once as a part of a town is one
  // wherever the text writes it.
  let subTownKeys: Set<string> | undefined;
  for (const j of judged) if (j.subTown) (subTownKeys ??= new Set()).add(j.m.key);
  if (subTownKeys !== undefined) for (const j of judged) if (subTownKeys.has(j.m.key)) j.subTown = true;

  const hint = hints.countryHint?.toUpperCase() ?? null;
  const usFrame = lang === 'en' && (hint === null || hint === 'US') && US_FEDERAL.test(text) && !CAUCASUS.test(text);
  // A number per surface form: the frame keeps one vote per form.
  const forms = new Map<string, number>();
  for (const m of mentions) {
    let id = forms.get(m.key);
    if (id === undefined) forms.set(m.key, (id = forms.size));
    m.keyId = id;
  }
  const ctx = newCtx(hint, usFrame, forms.size);
  // Start from names with one referent country (or the hint), then re-choose in the frame the choices make.
  const cands = judged.map((j) => candidates(gaz, j, ctx));
  const first = cands.map((c) => (!c.j.veto && oneCountry(gaz, c.j.m.ids) ? choose(gaz, c, ctx) : null));
  frame(ctx, first, judged);
  let choices = cands.map((c) => choose(gaz, c, ctx));
  for (let round = 0; round < 2; round += 1) {
    frame(ctx, choices, judged);
    const next = cands.map((c) => choose(gaz, c, ctx));
    // Choices made from the frame they build come out the same again: the rounds left would repeat them.
    const settled = sameChoices(next, choices);
    choices = next;
    if (settled) break;
  }
  // One referent per surface form: the most confident choice wins; vetoed spans stay out. (By the form's number:
  // `keyId` numbers the keys 0 .. forms - 1, so an array does what a Map by key did, without its growing tables.)
  const byForm = new Array<Choice | undefined>(forms.size).fill(undefined);
  for (let i = 0; i < choices.length; i += 1) {
    const c = choices[i];
    const had = byForm[judged[i]!.m.keyId];
    if (c && (!had || c.conf > had.conf)) byForm[judged[i]!.m.keyId] = c;
  }
  shortForms(forms, byForm);
  let places: Place[] = [];
  for (const j of judged) {
    const c = byForm[j.m.keyId];
    if (c && !j.veto) places.push(toPlace(text, gaz, j.m, c.e, c.conf));
    // A part of a town ("barrio de Flores") or a longer name the table lacks ("San Juan de Lurigancho"): a place
    // still, without a referent, so that it counts for no country.
    else if (j.longerEnd > 0 || (j.subTown && !j.veto)) places.push(unresolved(text, j.m.start, j.longerEnd > 0 ? j.longerEnd : j.m.end));
  }
  // English rivers, lakes and mountains the town table does not hold ("Neches River", "Lake Lanier").
  if (lang === 'en') {
    const { added, replaced } = naturalFeatures(text, toks, places);
    if (replaced.length > 0) places = places.filter((p) => !replaced.includes(p));
    places.push(...added);
    places.push(...americaAsCountry(text, toks, gaz, places));
  }
  // NER locations the gazetteer does not know still count as unresolved places (when asked).
  for (const e of hints.unresolved ? (hints.entities ?? []) : []) {
    if (e.type !== 'location' || places.some((p) => overlaps(p, e))) continue;
    places.push(unresolved(text, e.start, e.end));
  }
  return places.sort((a, b) => a.start - b.start);
}
