import type { Entity, Place } from '../../core/index.js';
import { codesOf, getGazetteer, type GazEntry, type Gazetteer } from './gazetteer.js';
import { findMentions, type Mention } from './mentions.js';
import { foldWord, nameKey, wordTokens, type WordToken } from './normalize.js';
import { FIRST_NAMES } from '../entities/index.js';
import { AREA_MODIFIERS, COMMON, COMMON_PHRASES, CUES, SPEECH, ORG_HEADS, STREET_HEADS, STRONG_CUES, TITLES } from './words.js';

export interface PlaceHints {
  /** Source country (ISO alpha-2) to break ties. */
  countryHint?: string | undefined;
  /** Entities found earlier (NER): person spans veto places, location spans add weak ones. */
  entities?: readonly Entity[] | undefined;
  /** Also return NER location spans the gazetteer cannot resolve (no coordinates). Default false. */
  unresolved?: boolean | undefined;
}

interface Judged {
  m: Mention;
  /** Evidence that the span is a place at all, before choosing a referent. */
  evidence: number;
  veto: boolean;
  cue: boolean;
  qualifierCc: string | null;
  /** Divisions named right after the span (", Bolívar" may be CO.35, EC.03 or VE.06). */
  qualifierA1s: string[];
  ner: boolean;
  /** An earlier extractor tagged the span (or part of it) as a person. */
  person: boolean;
  /** Listed right after another name ("Monterrey y Guadalupe"): a cue only within the document's countries. */
  listed: boolean;
  /** The span is one word that is also a common first name ("Nelson", "Tyler", "Santiago"). */
  firstName: boolean;
}

const ARTICLES = new Set(['la', 'el', 'los', 'las', 'the', 'o', 'a', 'os', 'as']);
const FIRST_NAME_SET = new Set(FIRST_NAMES.map((n) => foldWord(n)));

const KIND_BASE: Record<GazEntry['kind'], number> = { region: 9, country: 11, admin1: 6.5, admin2: 4, city: 0 };
const FC_BONUS: Record<string, number> = { PPLC: 2.5, PPLA: 1.5, PPLA2: 0.7, PPLA3: 0.3, PPLG: 1 };

function prior(e: GazEntry): number {
  const pop = Math.log10(e.pop + 10);
  return KIND_BASE[e.kind] + (e.kind === 'city' ? pop + (FC_BONUS[e.fc] ?? 0) : pop * 0.4);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "Cartagena, Bolívar" / "Springfield, Ill." / "Lima (Perú)": the entry named right after the mention. */
/** Brazilian state abbreviations (UF) -> GeoNames admin-1 code: "Caruaru (PE)", "Campinas-SP", "Manaus/AM". */
const BR_UF: Record<string, string> = {
  AC: '01', AL: '02', AP: '03', AM: '04', BA: '05', CE: '06', DF: '07', ES: '08', GO: '29', MA: '13', MT: '14', MS: '11', MG: '15', PA: '16',
  PB: '17', PR: '18', PE: '30', PI: '20', RJ: '21', RN: '22', RS: '23', RO: '24', RR: '25', SC: '26', SP: '27', SE: '28', TO: '31',
};
const UF_AFTER = /^\s?(?:\(|-|–|\/)\s?([A-Z]{2})\b/;

/** ", " / " (" / ", estado " / ", in the state of " between a town and its division or country. */
const QUALIFIER_GAP = /^\s*[,(]\s*(?:(?:en |no |na |in )?(?:el |la |o |a |the )?(?:estado|departamento|provincia|municipio|regi[oó]n|state|province|department|region)(?: de| do| da| of)?\s+)?$/iu;

function qualifier(text: string, toks: readonly WordToken[], m: Mention, all: Mention[], gaz: Gazetteer): [string | null, string[]] {
  const uf = UF_AFTER.exec(text.slice(m.end, m.end + 6));
  if (uf && BR_UF[uf[1]!]) return ['BR', [`BR.${BR_UF[uf[1]!]}`]];
  const next = all.find((x) => x.start >= m.end && x.start - m.end < 40);
  if (!next) return [null, []];
  const gap = text.slice(m.end, next.start);
  if (!QUALIFIER_GAP.test(gap)) return [null, []];
  void toks;
  let cc: string | null = null;
  const a1s: string[] = [];
  for (const id of next.ids) {
    const e = gaz.entry(id);
    if (e.kind === 'country') cc = e.cc;
    else if (e.kind === 'admin1' && !a1s.includes(e.a1)) a1s.push(e.a1);
  }
  return [cc, a1s];
}

/** Single-token names of people seen inside longer capitalised runs ("Ana María Henry" -> henry). */
function personTokens(toks: readonly WordToken[], text: string, mentions: Mention[]): Set<string> {
  const inMention = new Set<number>();
  for (const m of mentions) for (let k = m.first; k <= m.last; k += 1) inMention.add(k);
  const out = new Set<string>();
  for (let i = 1; i < toks.length; i += 1) {
    const a = toks[i - 1];
    const b = toks[i];
    if (!a || !b || !a.upper || !b.upper) continue;
    if (!/^ $/.test(text.slice(a.end, b.start))) continue;
    if (inMention.has(i) && inMention.has(i - 1)) continue;
    if (COMMON.has(a.norm) || CUES.has(a.norm) || AREA_MODIFIERS.has(a.norm)) continue;
    if (ORG_HEADS.has(b.norm) || STREET_HEADS.has(b.norm)) continue;
    out.add(b.norm.replace(/'s$/, ''));
  }
  return out;
}

function judge(text: string, toks: readonly WordToken[], m: Mention, all: Mention[], gaz: Gazetteer, lower: Set<string>,
  persons: Set<string>, hints: PlaceHints): Judged {
  const prev = toks[m.first - 1];
  const prev2 = toks[m.first - 2];
  const next = toks[m.last + 1];
  const adjacentPrev = prev && /^ $/.test(text.slice(prev.end, m.start));
  const adjacentNext = next && /^ $/.test(text.slice(m.end, next.start));
  const single = m.first === m.last;
  const kinds = new Set(m.ids.map((id) => gaz.entry(id).kind));
  const admin = kinds.has('country') || kinds.has('admin1') || kinds.has('admin2');
  let veto = false;
  let evidence = 0;
  const surface = text.slice(m.start, m.end);
  // Datelines: "CHARLESTON, W.Va. —", "BOGOTÁ (AFP) -".
  const dateline = surface.length >= 4 && surface === surface.toUpperCase() && /^\s*(?:,|\(|—|–|-)/.test(text.slice(m.end, m.end + 3));
  if (dateline) {
    m.sentenceStart = false;
    evidence += 2;
  }
  // "Monterrey y Guadalupe", "Cúcuta, Pamplona": a name listed right after another is read like it.
  const listed = all.some((x) => x !== m && x.end <= m.start && m.start - x.end <= 5 && /^\s*(?:,|y|e|and|o|ou|or)\s*$/iu.test(text.slice(x.end, m.start)));
  // "en la Región Metropolitana": look past one article for the cue.
  const cueTok = prev && ARTICLES.has(prev.norm) && prev2 ? prev2 : prev;
  const cue = dateline || (!!cueTok && CUES.has(cueTok.norm) && !m.sentenceStart);
  if (prev && CUES.has(prev.norm)) evidence += STRONG_CUES.has(prev.norm) ? 2 : 1;
  else if (prev && prev2 && ARTICLES.has(prev.norm) && CUES.has(prev2.norm)) evidence += STRONG_CUES.has(prev2.norm) ? 2 : 1;
  if (prev && TITLES.has(prev.norm) && !admin) veto = true;
  if (prev2 && prev && prev.norm === 'de' && TITLES.has(prev2.norm)) veto = true;
  // Inside a capitalised run: "Ana Henry", "Jackson Browne".
  const acronymOrPossessive = !!prev && (/'s$/.test(prev.norm) || (prev.text.length <= 5 && prev.text === prev.text.toUpperCase()));
  if (adjacentPrev && prev.upper && !CUES.has(prev.norm) && !AREA_MODIFIERS.has(prev.norm) && !COMMON.has(prev.norm) && !acronymOrPossessive) {
    if (!(kinds.has('country') || kinds.has('admin1'))) veto = true;
  }
  if (adjacentNext && next.upper) {
    if (STREET_HEADS.has(next.norm)) veto = true;
    else if (ORG_HEADS.has(next.norm)) evidence += 0.5;
    else if (!admin) evidence -= 2;
  }
  if (single && COMMON.has(m.key) && !kinds.has('country')) veto = true;
  if (COMMON_PHRASES.has(m.key)) veto = true;
  // "Bell said", "dijo Moore": a speaker, not a place.
  if (!admin && next && SPEECH.has(next.norm) && /^ $/.test(text.slice(m.end, next.start))) veto = true;
  if (!admin && prev && SPEECH.has(prev.norm) && /^ $/.test(text.slice(prev.end, m.start)) && !m.sentenceStart) veto = true;
  if (single && lower.has(m.key) && !admin) veto = true;
  if (single && persons.has(m.key) && !kinds.has('country') && !kinds.has('admin1')) veto = true;
  if (m.sentenceStart) evidence -= 1;
  let ner = false;
  // NER is a hint, not a veto: a person span only sinks a weak town reading; organisations hold embedded places.
  let person = false;
  for (const e of hints.entities ?? []) {
    if (!overlaps(e, m)) continue;
    if (e.type === 'person') person = true;
    else if (e.type === 'location') {
      ner = true;
      evidence += 1;
    }
  }
  const [qualifierCc, qualifierA1s] = qualifier(text, toks, m, all, gaz);
  if (qualifierCc || qualifierA1s.length > 0) evidence += 2;
  return { m, evidence, veto, cue, listed, qualifierCc, qualifierA1s, ner, person, firstName: single && FIRST_NAME_SET.has(m.key) };
}

interface Ctx {
  /** Votes per country, and each surface form's own vote (removed when that form is scored: no self-support). */
  votes: Map<string, number>;
  own: Map<string, { cc: string; w: number }>;
  total: number;
  admin1s: Set<string>;
  hint: string | null;
  /** Coordinates of places chosen for other mentions (cities and divisions), for proximity. */
  points: Array<{ lat: number; lon: number; key: string }>;
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x = (bLon - aLon) * r * Math.cos(((aLat + bLat) / 2) * r);
  const y = (bLat - aLat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

function nearest(e: GazEntry, j: Judged, ctx: Ctx): number {
  let near = Infinity;
  if (e.kind === 'country' || e.lat === null || e.lon === null) return near;
  for (const p of ctx.points) {
    // 3° of latitude is > 300 km: no need for the distance.
    if (p.key === j.m.key || Math.abs(p.lat - e.lat) > 3) continue;
    near = Math.min(near, km(e.lat, e.lon, p.lat, p.lon));
    if (near < 100) break;
  }
  return near;
}

function weightOf(cc: string, j: Judged, ctx: Ctx): number {
  const own = ctx.own.get(j.m.key);
  const v = (ctx.votes.get(cc) ?? 0) - (own && own.cc === cc ? own.w : 0);
  const t = ctx.total - (own ? own.w : 0);
  return t > 0 ? v / t : 0;
}

function score(e: GazEntry, j: Judged, ctx: Ctx, alt: boolean): number {
  let s = prior(e) - (alt ? 1.5 : 0);
  if (j.qualifierCc && e.cc === j.qualifierCc) s += 6;
  if (j.qualifierA1s.includes(e.a1)) s += 8;
  if (e.kind !== 'country' && e.kind !== 'region') s += (e.kind === 'admin1' ? 5 : 3.5) * weightOf(e.cc, j, ctx);
  if ((e.kind === 'city' || e.kind === 'admin2') && ctx.admin1s.has(e.a1)) s += 3;
  if (ctx.hint && e.cc === ctx.hint) s += 1.5;
  const near = nearest(e, j, ctx);
  if (near < 100) s += 2.5;
  else if (near < 300) s += 1.5;
  return s;
}

function accept(e: GazEntry, j: Judged, ctx: Ctx, alt: boolean): boolean {
  if (j.veto) return false;
  if (e.kind === 'country' || e.kind === 'region') return true;
  // A division of a country the rest of the text never names needs more than "de": "barrio de Flores" (Buenos Aires).
  if (e.kind === 'admin1') return !(ctx.total > 0 && weightOf(e.cc, j, ctx) === 0 && j.evidence < 2 && !j.qualifierCc);
  if (e.kind === 'admin2') return true;
  const pop = e.pop;
  const inDoc = weightOf(e.cc, j, ctx) > 0.3 || ctx.admin1s.has(e.a1);
  let need = j.m.sentenceStart ? 300_000 : 60_000;
  if (ctx.admin1s.has(e.a1) || nearest(e, j, ctx) < 100) need = j.m.sentenceStart ? 20_000 : 2_000;
  if (j.cue) need = inDoc ? 500 : 5_000;
  else if (j.listed && inDoc) need = 500;
  if (j.qualifierA1s.includes(e.a1) || j.qualifierCc === e.cc) need = 0;
  if (j.ner && !j.person) need = Math.min(need, 20_000);
  if (j.evidence < 0) need *= 10;
  if (alt) need = Math.max(need, j.cue && j.evidence >= 2 ? 20_000 : 50_000);
  const framed = ctx.admin1s.has(e.a1) || nearest(e, j, ctx) < 100;
  if ((j.person || j.firstName) && !j.cue && !j.listed && j.qualifierA1s.length === 0 && !j.qualifierCc && !framed) need = Math.max(need, 1_000_000);
  return pop >= need || (e.fc === 'PPLC' && !j.m.sentenceStart);
}

interface Choice { e: GazEntry; conf: number }

/** Best referent of one mention under the current context, or null when the span is not taken as a place. */
function choose(gaz: Gazetteer, j: Judged, ctx: Ctx): Choice | null {
  let best: GazEntry | null = null;
  let bestAlt = false;
  let bestS = -Infinity;
  let second = -Infinity;
  // Candidates come most populous first; past the first 40 only those in the document's frame can win.
  let k = 0;
  for (const id of j.m.ids) {
    k += 1;
    if (k > 40) {
      const e = gaz.entry(id);
      if (!e || !(ctx.votes.has(e.cc) || ctx.admin1s.has(e.a1) || j.qualifierA1s.includes(e.a1))) continue;
    }
    const e = gaz.entry(id);
    if (!e) continue;
    const s = score(e, j, ctx, j.m.alt.has(id));
    if (s > bestS) {
      second = bestS;
      bestS = s;
      best = e;
      bestAlt = j.m.alt.has(id);
    } else if (s > second) second = s;
  }
  // "El Alto, Bolivia" when the table has no El Alto in Bolivia: trust the qualifier, leave coordinates unknown.
  if (best && best.kind === 'city' && j.qualifierCc && j.qualifierA1s.length === 0 && best.cc !== j.qualifierCc && !j.veto) {
    return { e: { kind: 'city', name: best.name, cc: j.qualifierCc, a1: '', lat: null, lon: null, pop: 0, fc: 'PPL' }, conf: 0.5 };
  }
  // "Santa Elena, Petén" with no such town in Petén in the table: the town is in that division; its centre stands in.
  const onlyA1 = j.qualifierA1s.length === 1 ? j.qualifierA1s[0]! : null;
  if (best && (best.kind === 'city' || best.kind === 'admin1') && onlyA1 && best.a1 !== onlyA1 && !j.veto) {
    const div = gaz.admin1Name.get(onlyA1);
    const id = div === undefined ? undefined : codesOf(gaz, nameKey(div))?.map((c) => gaz.entry(c < 0 ? -c - 1 : c)).find((e) => e.a1 === onlyA1);
    if (id) return { e: { kind: 'city', name: best.name, cc: id.cc, a1: id.a1, lat: id.lat, lon: id.lon, pop: 0, fc: 'PPL' }, conf: 0.45 };
  }
  if (!best || !accept(best, j, ctx, bestAlt)) return null;
  return { e: best, conf: Number.isFinite(second) ? Math.min(0.95, 0.5 + (bestS - second) / 10) : 0.9 };
}

/** Rebuilds the document frame (countries, divisions, points) from the current choices. */
function frame(ctx: Ctx, choices: Array<Choice | null>, judged: Judged[]): void {
  ctx.votes.clear();
  ctx.own.clear();
  ctx.total = 0;
  ctx.admin1s.clear();
  ctx.points = [];
  choices.forEach((c, i) => {
    if (!c || c.e.kind === 'region') return;
    const w = c.e.kind === 'country' ? 1 : c.e.kind === 'city' ? 0.5 + 0.5 * c.conf : 1;
    const key = judged[i]?.m.key ?? '';
    const own = ctx.own.get(key);
    // One vote per surface form: repeating a name does not outvote the rest of the document.
    if (own) return;
    ctx.own.set(key, { cc: c.e.cc, w });
    ctx.votes.set(c.e.cc, (ctx.votes.get(c.e.cc) ?? 0) + w);
    ctx.total += w;
    if (c.e.kind !== 'country') ctx.admin1s.add(c.e.a1);
    // A long page names hundreds of places; the first 120 are frame enough and keep this linear.
    if (c.e.kind !== 'country' && c.e.lat !== null && c.e.lon !== null && ctx.points.length < 120) ctx.points.push({ lat: c.e.lat, lon: c.e.lon, key });
  });
  if (ctx.hint) {
    ctx.votes.set(ctx.hint, (ctx.votes.get(ctx.hint) ?? 0) + 0.5);
    ctx.total += 0.5;
  }
}

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

/** Finds toponyms in `text` and resolves each to a gazetteer entry (country, division or populated place). */
export function resolvePlaces(text: string, lang: string, hints: PlaceHints = {}): Place[] {
  void lang;
  const gaz = getGazetteer();
  const toks = wordTokens(text);
  const mentions = findMentions(text, toks, gaz);
  if (mentions.length === 0) return [];
  const lower = new Set<string>();
  for (const t of toks) if (!t.upper) lower.add(t.norm);
  const persons = personTokens(toks, text, mentions);
  const judged = mentions.map((m) => judge(text, toks, m, mentions, gaz, lower, persons, hints));

  const ctx: Ctx = { votes: new Map(), own: new Map(), total: 0, admin1s: new Set(), hint: hints.countryHint?.toUpperCase() ?? null, points: [] };
  // Start from names with one referent country (or the hint), then re-choose in the frame the choices make.
  const first = judged.map((j) => {
    if (j.veto) return null;
    const ccs = new Set(j.m.ids.map((id) => gaz.entry(id).cc));
    return ccs.size === 1 ? choose(gaz, j, ctx) : null;
  });
  frame(ctx, first, judged);
  let choices = judged.map((j) => choose(gaz, j, ctx));
  for (let round = 0; round < 2; round += 1) {
    frame(ctx, choices, judged);
    choices = judged.map((j) => choose(gaz, j, ctx));
  }
  // One referent per surface form: the most confident choice wins; vetoed spans stay out.
  const byKey = new Map<string, Choice>();
  choices.forEach((c, i) => {
    const key = judged[i]?.m.key ?? '';
    const had = byKey.get(key);
    if (c && (!had || c.conf > had.conf)) byKey.set(key, c);
  });
  const places: Place[] = [];
  judged.forEach((j) => {
    const c = byKey.get(j.m.key);
    if (c && !j.veto) places.push(toPlace(text, gaz, j.m, c.e, c.conf));
  });
  // NER locations the gazetteer does not know still count as unresolved places (when asked).
  for (const e of hints.unresolved ? (hints.entities ?? []) : []) {
    if (e.type !== 'location' || places.some((p) => overlaps(p, e))) continue;
    places.push({ start: e.start, end: e.end, text: e.text, name: e.text, countryCode: null, admin1: null, lat: null, lon: null, confidence: 0.3, kind: 'other' });
  }
  return places.sort((a, b) => a.start - b.start);
}
