/** Choosing a referent for each mention within the document's frame (countries, divisions, nearby places). */
import { codesOf, type GazEntry, type Gazetteer } from './gazetteer.js';
import type { Judged } from './judge.js';
import { nameKey } from './normalize.js';

const KIND_BASE: Record<GazEntry['kind'], number> = { region: 9, country: 11, admin1: 6.5, admin2: 4, city: 0 };
const FC_BONUS: Record<string, number> = { PPLC: 2.5, PPLA: 1.5, PPLA2: 0.7, PPLA3: 0.3, PPLG: 1 };

function prior(e: GazEntry): number {
  const pop = Math.log10(e.pop + 10);
  // A bare county name ("Kent", "Norfolk") is weaker than a division's full name: towns abroad share them.
  return KIND_BASE[e.kind] - (e.fc === 'ADM2B' ? 1 : 0) + (e.kind === 'city' ? pop + (FC_BONUS[e.fc] ?? 0) : pop * 0.4);
}

/**
 * `prior` of each gazetteer entry by index (NaN: not yet computed). Why: a document's names are scored in four
 * rounds and news repeats its places; the prior never changes and its logarithm and table lookups were a tenth of
 * the scoring.
 */
const priors = new WeakMap<Gazetteer, Float64Array>();

function priorsOf(gaz: Gazetteer): Float64Array {
  let p = priors.get(gaz);
  if (p === undefined) {
    p = new Float64Array(gaz.size).fill(NaN);
    priors.set(gaz, p);
  }
  return p;
}

export interface Ctx {
  /** Votes per country, and each surface form's own vote (removed when that form is scored: no self-support). */
  votes: Map<string, number>;
  /** By surface form (`Mention.keyId`): the country of its own vote (undefined: none) and its weight. */
  ownCc: Array<string | undefined>;
  ownW: Float64Array;
  total: number;
  admin1s: Set<string>;
  hint: string | null;
  /** English text framed by US federal institutions ("Justice Department", "federal prison", "U.S. Attorney"). */
  usFrame: boolean;
  /** Coordinates of places chosen for other mentions (cities and divisions), for proximity: `pointCount` of them. */
  pointLat: Float64Array;
  pointLon: Float64Array;
  /** The surface form (`Mention.keyId`) each point was chosen for. */
  pointKey: Int32Array;
  pointCount: number;
}

/** Most points kept (see `frame`). */
const MAX_POINTS = 120;

/** The point columns, shared by the contexts: one document is resolved at a time, and typed arrays are slow to make. */
const POINT_LAT = new Float64Array(MAX_POINTS);
const POINT_LON = new Float64Array(MAX_POINTS);
const POINT_KEY = new Int32Array(MAX_POINTS);

/**
 * An empty context for one document whose mentions have `forms` surface forms (`Mention.keyId` 0 .. forms - 1).
 * Its points are valid until the next document's context is made.
 */
export function newCtx(hint: string | null, usFrame: boolean, forms: number): Ctx {
  return {
    votes: new Map(), ownCc: new Array<string | undefined>(forms).fill(undefined), ownW: new Float64Array(forms), total: 0,
    admin1s: new Set(), hint, usFrame, pointLat: POINT_LAT, pointLon: POINT_LON, pointKey: POINT_KEY, pointCount: 0,
  };
}

/** What one `choose` call reads about its mention's surface form, looked up once per call. */
interface Own {
  keyId: number;
  /** The country of the form's own vote (undefined: none) and its weight. */
  cc: string | undefined;
  w: number;
}

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x = (bLon - aLon) * r * Math.cos(((aLat + bLat) / 2) * r);
  const y = (bLat - aLat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

function nearest(e: GazEntry, own: Own, ctx: Ctx): number {
  let near = Infinity;
  // The coordinates are read once. Why: entries of several shapes come here (towns, divisions, made-up ones), and
  // reading a coordinate through them boxed a new number each time: reads in the loop made most of the scoring's garbage.
  const eLat = e.lat;
  const eLon = e.lon;
  if (e.kind === 'country' || eLat === null || eLon === null) return near;
  const lat = ctx.pointLat;
  const lon = ctx.pointLon;
  const key = ctx.pointKey;
  for (let k = 0; k < ctx.pointCount; k += 1) {
    // 3° of latitude is > 300 km: no need for the distance.
    if (key[k] === own.keyId || Math.abs(lat[k]! - eLat) > 3) continue;
    near = Math.min(near, km(eLat, eLon, lat[k]!, lon[k]!));
    if (near < 100) break;
  }
  return near;
}

function weightOf(cc: string, own: Own, ctx: Ctx): number {
  const voted = own.cc !== undefined;
  const v = (ctx.votes.get(cc) ?? 0) - (voted && own.cc === cc ? own.w : 0);
  const t = ctx.total - (voted ? own.w : 0);
  return t > 0 ? v / t : 0;
}

/**
 * The part of a candidate's score no round changes (prior, alternate name, qualifiers, the town named before), in
 * the order `score` once added them all (the same sums, to the last bit).
 */
function fixedScore(e: GazEntry, pri: number, j: Judged, alt: boolean): number {
  let s = pri - (alt ? 1.5 : 0);
  if (j.qualifierCc && e.cc === j.qualifierCc) s += 6;
  if (j.qualifierA1s.includes(e.a1)) s += 8;
  // "TBILISI, Georgia", "Atlanta, Georgia": the country or division that holds the town named before.
  if ((e.kind === 'country' && j.headCcs.has(e.cc)) || (e.kind === 'admin1' && j.headA1s.has(e.a1))) s += 2;
  return s;
}

/** `Candidate.flags`: the entry's country is the source's (`Ctx.hint`). */
const HINTED = 1;
/** `Candidate.flags`: a US state in a US federal story (`Ctx.usFrame`). */
const US_STATE = 2;

function score(c: Candidate, ctx: Ctx, own: Own): number {
  const e = c.e;
  let s = c.fixed;
  if (e.kind !== 'country' && e.kind !== 'region') s += (e.kind === 'admin1' ? 5 : 3.5) * weightOf(e.cc, own, ctx);
  if ((e.kind === 'city' || e.kind === 'admin2') && ctx.admin1s.has(e.a1)) s += 3;
  if ((c.flags & HINTED) !== 0) s += 1.5;
  // In a US federal story a name shared by a country and a US state is the state ("a labor contractor in Georgia")
  if ((c.flags & US_STATE) !== 0) s += 6;
  const near = nearest(e, own, ctx);
  if (near < 100) s += 2.5;
  else if (near < 300) s += 1.5;
  return s;
}

function accept(e: GazEntry, j: Judged, ctx: Ctx, own: Own, alt: boolean): boolean {
  if (j.veto) return false;
  if (e.kind === 'country' || e.kind === 'region') return true;
  // A division of a country the rest of the text never names needs more than "de": "barrio de Flores" (Buenos Aires).
  if (e.kind === 'admin1') return !(ctx.total > 0 && weightOf(e.cc, own, ctx) === 0 && j.evidence < 2 && !j.qualifierCc);
  // A bare county name ("Kent", "Angus") needs a cue, the country in the text, or its own word ("Kent County").
  if (e.kind === 'admin2') return e.fc !== 'ADM2B' || j.cue || j.evidence >= 1 || weightOf(e.cc, own, ctx) > 0 || j.m.first !== j.m.last;
  const pop = e.pop;
  const inDoc = weightOf(e.cc, own, ctx) > 0.3 || ctx.admin1s.has(e.a1);
  let need = j.m.sentenceStart ? 300_000 : 60_000;
  // The nearest point is read at most once (it is the same for both tests below).
  let near = -1;
  if (ctx.admin1s.has(e.a1) || (near = nearest(e, own, ctx)) < 100) need = j.m.sentenceStart ? 20_000 : 2_000;
  if (j.cue) need = inDoc ? 500 : 5_000;
  else if (j.listed && inDoc) need = 500;
  if (j.qualifierA1s.includes(e.a1) || j.qualifierCc === e.cc) need = 0;
  if (j.ner && !j.person) need = Math.min(need, 20_000);
  if (j.evidence < 0) need *= 10;
  // Alternate names are often other languages' names ("Hamas" for Hamm, "Ben" for Bern): without a cue only big places.
  if (alt) need = Math.max(need, j.cue && j.evidence >= 2 ? 20_000 : j.cue || inDoc ? 50_000 : 300_000);
  const framed = ctx.admin1s.has(e.a1) || (near >= 0 ? near : nearest(e, own, ctx)) < 100;
  if ((j.person || j.firstName) && !j.cue && !j.listed && j.qualifierA1s.length === 0 && !j.qualifierCc && !framed) need = Math.max(need, 1_000_000);
  return pop >= need || (e.fc === 'PPLC' && !j.m.sentenceStart && !alt && j.evidence >= 0);
}

export interface Choice { e: GazEntry; conf: number }

/** One entry a mention may name, with what `choose` reads about it that no round changes. */
interface Candidate {
  e: GazEntry;
  /** Matched through an alternate name only. */
  alt: boolean;
  /** Past the first 40 of the mention's entries: scored only when in the document's frame. */
  late: boolean;
  /** `fixedScore`. */
  fixed: number;
  /** HINTED, US_STATE. */
  flags: number;
  /** Added to the score: a national capital named like a division of its country rises, the division sinks. */
  capital: number;
}

/**
 * A mention's candidates, made once per document (`candidates`) for the three or four rounds of `choose`. Why: each
 * round read the same entries, priors and name sets again; those reads were about half of the choosing.
 */
export interface Candidates {
  j: Judged;
  list: Candidate[];
}

/** True when one of the first 40 entries `ids` is a division of country `cc`. */
function hasDivisionOf(gaz: Gazetteer, ids: readonly number[], cc: string): boolean {
  for (let i = 0; i < ids.length && i < 40; i += 1) {
    const e = gaz.entry(ids[i]!);
    if (e.kind === 'admin1' && e.cc === cc) return true;
  }
  return false;
}

/** The candidates of judged mention `j` in the document of `ctx` (its hint and frame kind). */
export function candidates(gaz: Gazetteer, j: Judged, ctx: Ctx): Candidates {
  const list: Candidate[] = [];
  // A vetoed span is never taken: `choose` reads none of its candidates.
  if (j.veto) return { j, list };
  // A national capital named like a division of its country ("Washington", "Lima", "Buenos Aires"): news means the capital.
  let capitalCc: string | null = null;
  if (!j.divisionWord) {
    for (let i = 0; i < j.m.ids.length && i < 40; i += 1) {
      const e = gaz.entry(j.m.ids[i]!);
      if (e.fc === 'PPLC' && !j.m.alt.has(j.m.ids[i]!)) capitalCc = e.cc;
    }
    // Only when a division of the same country shares the name: the capital rises, the division sinks.
    if (capitalCc !== null && !hasDivisionOf(gaz, j.m.ids, capitalCc)) capitalCc = null;
  }
  const pri = priorsOf(gaz);
  let k = 0;
  for (const id of j.m.ids) {
    k += 1;
    const e = gaz.entry(id);
    const alt = j.m.alt.has(id);
    // "SRT", "TBS", "BA": codes of countries and states only (a town's alternate names hold such codes).
    if (j.caps && (e.kind === 'city' || alt)) continue;
    let p = pri[id]!;
    if (Number.isNaN(p)) p = pri[id] = prior(e);
    const flags = (ctx.hint && e.cc === ctx.hint ? HINTED : 0) | (ctx.usFrame && e.kind === 'admin1' && e.cc === 'US' ? US_STATE : 0);
    const capital = capitalCc !== null && e.cc === capitalCc ? (e.kind === 'admin1' ? -2 : e.fc === 'PPLC' ? 2 : 0) : 0;
    list.push({ e, alt, late: k > 40, fixed: fixedScore(e, p, j, alt), flags, capital });
  }
  return { j, list };
}

/** Best referent of one mention under the current context, or null when the span is not taken as a place. */
export function choose(gaz: Gazetteer, cands: Candidates, ctx: Ctx): Choice | null {
  const j = cands.j;
  // A vetoed span is never taken (`accept` refuses it, and the qualifier fallbacks below ask for no veto).
  if (j.veto) return null;
  const keyId = j.m.keyId;
  const own: Own = { keyId, cc: ctx.ownCc[keyId], w: ctx.ownW[keyId]! };
  let best: GazEntry | null = null;
  let bestAlt = false;
  let bestS = -Infinity;
  let second = -Infinity;
  let runner: GazEntry | null = null;
  let runnerAlt = false;
  // Candidates come most populous first; past the first 40 only those in the document's frame can win.
  for (const c of cands.list) {
    const e = c.e;
    if (c.late && !(ctx.votes.has(e.cc) || ctx.admin1s.has(e.a1) || j.qualifierA1s.includes(e.a1))) continue;
    const s = score(c, ctx, own) + c.capital;
    if (s > bestS) {
      second = bestS;
      runner = best;
      runnerAlt = bestAlt;
      bestS = s;
      best = e;
      bestAlt = c.alt;
    } else if (s > second) {
      second = s;
      runner = e;
      runnerAlt = c.alt;
    }
  }
  // "El Alto, Bolivia" when the table has no El Alto in Bolivia: trust the qualifier, leave coordinates unknown.
  if (best && best.kind === 'city' && j.qualifierCc && j.qualifierA1s.length === 0 && best.cc !== j.qualifierCc && !j.veto) {
    return { e: { kind: 'city', name: best.name, cc: j.qualifierCc, a1: '', lat: null, lon: null, pop: 0, fc: 'PPL' }, conf: 0.5 };
  }
  // "Santa Elena, Petén" with no such town in Petén in the table: the town is in that division; its centre stands in.
  const onlyA1 = j.qualifierA1s.length === 1 ? j.qualifierA1s[0]! : null;
  // ("TBILISI, Georgia": the qualifier is also a country, and Tbilisi is in it: no need to move the town.)
  if (best && (best.kind === 'city' || best.kind === 'admin1') && onlyA1 && best.a1 !== onlyA1 && best.cc !== j.qualifierCc && !j.veto) {
    const div = gaz.admin1Name.get(onlyA1);
    const id = div === undefined ? undefined : codesOf(gaz, nameKey(div))?.map((c) => gaz.entry(c < 0 ? -c - 1 : c)).find((e) => e.a1 === onlyA1);
    if (id) return { e: { kind: 'city', name: best.name, cc: id.cc, a1: id.a1, lat: id.lat, lon: id.lon, pop: 0, fc: 'PPL' }, conf: 0.45 };
  }
  if (!best) return null;
  // "New York" in a text about London: not the state, but the city may still be meant.
  if (!accept(best, j, ctx, own, bestAlt)) {
    // Only a very big city, or one in a country the text names: "Valencia" (the Spanish region) is not Valencia, Venezuela.
    const known = runner && (runner.pop >= 5_000_000 || weightOf(runner.cc, own, ctx) > 0);
    if (best.kind === 'admin1' && runner && runner.kind === 'city' && known && accept(runner, j, ctx, own, runnerAlt)) return { e: runner, conf: 0.5 };
    return null;
  }
  return { e: best, conf: Number.isFinite(second) ? Math.min(0.95, 0.5 + (bestS - second) / 10) : 0.9 };
}

/** Rebuilds the document frame (countries, divisions, points) from the current choices. */
export function frame(ctx: Ctx, choices: Array<Choice | null>, judged: Judged[]): void {
  ctx.votes.clear();
  ctx.ownCc.fill(undefined);
  ctx.total = 0;
  ctx.admin1s.clear();
  ctx.pointCount = 0;
  choices.forEach((c, i) => {
    if (!c || c.e.kind === 'region') return;
    const w = c.e.kind === 'country' ? 1 : c.e.kind === 'city' ? 0.5 + 0.5 * c.conf : 1;
    const keyId = judged[i]!.m.keyId;
    // One vote per surface form: repeating a name does not outvote the rest of the document.
    if (ctx.ownCc[keyId] !== undefined) return;
    ctx.ownCc[keyId] = c.e.cc;
    ctx.ownW[keyId] = w;
    ctx.votes.set(c.e.cc, (ctx.votes.get(c.e.cc) ?? 0) + w);
    ctx.total += w;
    if (c.e.kind !== 'country') ctx.admin1s.add(c.e.a1);
    // A long page names hundreds of places; the first 120 are frame enough and keep this linear.
    if (c.e.kind !== 'country' && c.e.lat !== null && c.e.lon !== null && ctx.pointCount < MAX_POINTS) {
      ctx.pointLat[ctx.pointCount] = c.e.lat;
      ctx.pointLon[ctx.pointCount] = c.e.lon;
      ctx.pointKey[ctx.pointCount] = keyId;
      ctx.pointCount += 1;
    }
  });
  if (ctx.hint) {
    ctx.votes.set(ctx.hint, (ctx.votes.get(ctx.hint) ?? 0) + 0.5);
    ctx.total += 0.5;
  }
}

