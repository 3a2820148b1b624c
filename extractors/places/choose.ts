/** Choosing a referent for each mention within the document's frame (countries, divisions, nearby places). */
import { codesOf, type GazEntry, type Gazetteer } from './gazetteer.js';
import type { Judged } from './judge.js';
import { nameKey } from './normalize.js';

const KIND_BASE: Record<GazEntry['kind'], number> = { region: 9, country: 11, admin1: 6.5, admin2: 4, city: 0 };
const FC_BONUS: Record<string, number> = { PPLC: 2.5, PPLA: 1.5, PPLA2: 0.7, PPLA3: 0.3, PPLG: 1 };

/** A town this populous outranks a division of its name with under half its people, by SMALL_DIVISION. */
const BIG_TOWN = 300_000;
const SMALL_DIVISION = 3;

function prior(e: GazEntry): number {
  const pop = Math.log10(e.pop + 10);
  // A bare county name ("Kent", "Norfolk") is weaker than a division's full name: towns abroad share them.
  return KIND_BASE[e.kind] - (e.fc === 'ADM2B' ? 1 : 0) + (e.kind === 'city' ? pop + (FC_BONUS[e.fc] ?? 0) : pop * 0.4);
}

/**
 * What the scoring reads of each gazetteer entry, by index, read from the entry once per process: at 3 * index its
 * `prior` (0: not read yet; every prior is above 0), then its latitude and longitude (NaN for a country or an entry
 * without coordinates). Why: news repeats its places; the prior's logarithm and table lookups were a tenth of the
 * scoring, and reading a coordinate through entries of several shapes (towns, divisions) boxed a new number each
 * time. Zero-filled, so the pages of entries never read take no memory.
 */
const entryNumbers = new WeakMap<Gazetteer, Float64Array>();

function entryNumbersOf(gaz: Gazetteer): Float64Array {
  let p = entryNumbers.get(gaz);
  if (p === undefined) {
    p = new Float64Array(3 * gaz.size);
    entryNumbers.set(gaz, p);
  }
  return p;
}

/**
 * Small numbers for the country and division codes (`GazEntry.cc`, `GazEntry.a1`), given on first sight and kept for
 * the process (the gazetteer's codes are a few thousand). Why: the frame's votes and divisions are columns indexed
 * by these numbers, so rebuilding the frame and scoring a candidate make no Map or Set (a cleared Map or Set makes
 * new tables as it refills, and each vote stored in a Map boxed a new number).
 */
const CODE_IDS = new Map<string, number>();

function codeId(code: string): number {
  let id = CODE_IDS.get(code);
  if (id === undefined) {
    id = CODE_IDS.size;
    CODE_IDS.set(code, id);
  }
  return id;
}

export interface Ctx {
  /** Votes per country code (`codeId`), 0 for none; `voted` lists the codes voted for, to clear them. */
  votes: Float64Array;
  voted: Int32Array;
  votedCount: number;
  total: number;
  /** Per division code (`codeId`): 1 when a place of the frame lies in it; `inA1` lists them, to clear them. */
  admin1s: Uint8Array;
  inA1: Int32Array;
  inA1Count: number;
  /** By surface form (`Mention.keyId`, 0 .. forms - 1): the country code of its own vote (-1: none) and its weight. */
  forms: number;
  ownCc: Int32Array;
  ownW: Float64Array;
  /**
   * The form `choose` is scoring now (its own vote is left out: no self-support): its keyId, its vote's country
   * code (-1: none) and weight. Set at the start of each call, in place of a per-call object.
   */
  selfKey: number;
  selfCc: number;
  selfW: number;
  hint: string | null;
  /** English text framed by US federal institutions ("Justice Department", "federal prison", "U.S. Attorney"). */
  usFrame: boolean;
  /** Coordinates of places chosen for other mentions (cities and divisions), for proximity: `pointCount` of them. */
  pointLat: Float64Array;
  pointLon: Float64Array;
  /** The surface form (`Mention.keyId`) each point was chosen for. */
  pointKey: Int32Array;
  pointCount: number;
  /** The document's candidates (see `Candidates`), `candCount` of them. */
  cand: CandidateColumns;
  candCount: number;
}

/** Most points kept (see `frame`). */
const MAX_POINTS = 120;

/** The point columns, shared by the contexts: one document is resolved at a time, and typed arrays are slow to make. */
const POINT_LAT = new Float64Array(MAX_POINTS);
const POINT_LON = new Float64Array(MAX_POINTS);
const POINT_KEY = new Int32Array(MAX_POINTS);

/**
 * The frame's code columns, shared by the contexts like the points (grown as codes are given). They are all zero
 * when a document starts: `frame` and `newCtx` clear what was set (the codes listed in `frameVoted` and `frameA1List`).
 */
let frameVotes = new Float64Array(512);
let frameA1s = new Uint8Array(512);
let frameVoted = new Int32Array(512);
let frameA1List = new Int32Array(512);
/** The forms' own votes, shared like the points (grown for a document with more forms). */
let formOwnCc = new Int32Array(256);
let formOwnW = new Float64Array(256);

/** Makes the code columns hold code number `id`. */
function holdCode(ctx: Ctx, id: number): void {
  if (id < ctx.votes.length) return;
  let n = ctx.votes.length;
  while (n <= id) n *= 2;
  const votes = new Float64Array(n);
  votes.set(ctx.votes);
  const admin1s = new Uint8Array(n);
  admin1s.set(ctx.admin1s);
  const voted = new Int32Array(n);
  voted.set(ctx.voted);
  const inA1 = new Int32Array(n);
  inA1.set(ctx.inA1);
  ctx.votes = frameVotes = votes;
  ctx.admin1s = frameA1s = admin1s;
  ctx.voted = frameVoted = voted;
  ctx.inA1 = frameA1List = inA1;
}

/**
 * An empty context for one document whose mentions have `forms` surface forms (`Mention.keyId` 0 .. forms - 1).
 * Its columns are valid until the next document's context is made.
 */
export function newCtx(hint: string | null, usFrame: boolean, forms: number): Ctx {
  if (formOwnCc.length < forms) {
    formOwnCc = new Int32Array(2 * forms);
    formOwnW = new Float64Array(2 * forms);
  }
  // The document before may have left its frame set (the last round's, or a throw halfway).
  if (lastCtx !== null) clearFrame(lastCtx);
  formOwnCc.fill(-1, 0, forms);
  lastCtx = {
    votes: frameVotes, voted: frameVoted, votedCount: 0, total: 0, admin1s: frameA1s, inA1: frameA1List, inA1Count: 0,
    forms, ownCc: formOwnCc, ownW: formOwnW, selfKey: -1, selfCc: -1, selfW: 0, hint, usFrame,
    pointLat: POINT_LAT, pointLon: POINT_LON, pointKey: POINT_KEY, pointCount: 0, cand: CANDIDATES, candCount: 0,
  };
  return lastCtx;
}

/** The context `newCtx` made last: its frame is cleared when the next one is made. */
let lastCtx: Ctx | null = null;

function km(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x = (bLon - aLon) * r * Math.cos(((aLat + bLat) / 2) * r);
  const y = (bLat - aLat) * r;
  return Math.sqrt(x * x + y * y) * 6371;
}

/** Distance in km from candidate `c` to the nearest point chosen for another form (Infinity: none, or no coordinates). */
function nearest(c: number, ctx: Ctx): number {
  let near = Infinity;
  // Read from the candidate columns, not the entry: entries come in several shapes (towns, divisions), and reading
  // a coordinate through them boxed a new number each time.
  const eLat = ctx.cand.lat[c]!;
  const eLon = ctx.cand.lon[c]!;
  if (Number.isNaN(eLat)) return near;
  const lat = ctx.pointLat;
  const lon = ctx.pointLon;
  const key = ctx.pointKey;
  for (let k = 0; k < ctx.pointCount; k += 1) {
    // 3° of latitude is > 300 km: no need for the distance.
    if (key[k] === ctx.selfKey || Math.abs(lat[k]! - eLat) > 3) continue;
    near = Math.min(near, km(eLat, eLon, lat[k]!, lon[k]!));
    if (near < 100) break;
  }
  return near;
}

/** Share of the frame's votes (the form's own left out) for country code `cc`. */
function weightOf(cc: number, ctx: Ctx): number {
  const voted = ctx.selfCc >= 0;
  const v = ctx.votes[cc]! - (voted && ctx.selfCc === cc ? ctx.selfW : 0);
  const t = ctx.total - (voted ? ctx.selfW : 0);
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

/** `CandidateColumns.kind`: the entry kinds, as numbers. */
const K_REGION = 0;
const K_COUNTRY = 1;
const K_ADMIN1 = 2;
const K_ADMIN2 = 3;
const K_CITY = 4;
const KIND_CODE: Record<GazEntry['kind'], number> = { region: K_REGION, country: K_COUNTRY, admin1: K_ADMIN1, admin2: K_ADMIN2, city: K_CITY };

/** `CandidateColumns.flags`: matched through an alternate name only. */
const ALT = 1;
/** `CandidateColumns.flags`: past the first 40 of the mention's entries: scored only when in the document's frame. */
const LATE = 2;
/** `CandidateColumns.flags`: the entry's country is the source's (`Ctx.hint`). */
const HINTED = 4;
/** `CandidateColumns.flags`: a US state in a US federal story (`Ctx.usFrame`). */
const US_STATE = 8;

/**
 * The document's candidates, one row each, in columns reused from one document to the next (grown as needed).
 * Why: a row is what `choose` reads about an entry in every round; as objects they, and their boxed scores, were
 * a tenth of the extraction's garbage.
 */
class CandidateColumns {
  /** Gazetteer entry index. */
  id = new Int32Array(1024);
  /** `fixedScore`. */
  fixed = new Float64Array(1024);
  /** Added to the score: a national capital named like a division of its country rises, the division sinks. */
  capital = new Float64Array(1024);
  /** The entry's coordinates (see `entryNumbers`); NaN for a country or an entry without them (no proximity). */
  lat = new Float64Array(1024);
  lon = new Float64Array(1024);
  /** `codeId` of the entry's country and division. */
  cc = new Int32Array(1024);
  a1 = new Int32Array(1024);
  /** KIND_CODE of the entry. */
  kind = new Uint8Array(1024);
  /** ALT, LATE, HINTED, US_STATE. */
  flags = new Uint8Array(1024);

  /** Makes room for `n` rows, keeping the first `used`. */
  hold(n: number, used: number): void {
    if (n <= this.id.length) return;
    const size = Math.max(n, 2 * this.id.length);
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, used));
      return b;
    };
    this.id = grow(this.id, new Int32Array(size));
    this.fixed = grow(this.fixed, new Float64Array(size));
    this.capital = grow(this.capital, new Float64Array(size));
    this.lat = grow(this.lat, new Float64Array(size));
    this.lon = grow(this.lon, new Float64Array(size));
    this.cc = grow(this.cc, new Int32Array(size));
    this.a1 = grow(this.a1, new Int32Array(size));
    this.kind = grow(this.kind, new Uint8Array(size));
    this.flags = grow(this.flags, new Uint8Array(size));
  }
}

const CANDIDATES = new CandidateColumns();

function score(c: number, ctx: Ctx): number {
  const cand = ctx.cand;
  const kind = cand.kind[c]!;
  let s = cand.fixed[c]!;
  if (kind !== K_COUNTRY && kind !== K_REGION) s += (kind === K_ADMIN1 ? 5 : 3.5) * weightOf(cand.cc[c]!, ctx);
  if ((kind === K_CITY || kind === K_ADMIN2) && ctx.admin1s[cand.a1[c]!] === 1) s += 3;
  const flags = cand.flags[c]!;
  if ((flags & HINTED) !== 0) s += 1.5;
  // In a US federal story a name shared by a country and a US state is the state ("a labor contractor in Georgia")
  if ((flags & US_STATE) !== 0) s += 6;
  const near = nearest(c, ctx);
  if (near < 100) s += 2.5;
  else if (near < 300) s += 1.5;
  return s;
}

/** Whether candidate `c` (entry `e`) is taken as the place mention `j` names. */
function accept(c: number, e: GazEntry, j: Judged, ctx: Ctx): boolean {
  if (j.veto) return false;
  const cand = ctx.cand;
  // A part of a town is only ever a town of the document's frame ("barrio de Flores" in a Buenos Aires story).
  if (j.subTown && (e.kind !== 'city' || !(ctx.admin1s[cand.a1[c]!] === 1 || nearest(c, ctx) < 100))) return false;
  if (e.kind === 'country' || e.kind === 'region') return true;
  const cc = cand.cc[c]!;
  const alt = (cand.flags[c]! & ALT) !== 0;
  // A division of a country the rest of the text never names needs more than "de": "barrio de Flores" (Buenos Aires).
  if (e.kind === 'admin1') return !(ctx.total > 0 && weightOf(cc, ctx) === 0 && j.evidence < 2 && !j.qualifierCc);
  // A bare county name ("Kent", "Angus") needs a cue, the country in the text, or its own word ("Kent County").
  if (e.kind === 'admin2') return e.fc !== 'ADM2B' || j.cue || j.evidence >= 1 || weightOf(cc, ctx) > 0 || j.m.first !== j.m.last;
  const pop = e.pop;
  const inA1 = ctx.admin1s[cand.a1[c]!] === 1;
  const inDoc = weightOf(cc, ctx) > 0.3 || inA1;
  let need = j.m.sentenceStart ? 300_000 : 60_000;
  // The nearest point is read at most once (it is the same for both tests below).
  let near = -1;
  if (inA1 || (near = nearest(c, ctx)) < 100) need = j.m.sentenceStart ? 20_000 : 2_000;
  if (j.cue) need = inDoc ? 500 : 5_000;
  else if (j.listed && inDoc) need = 500;
  if (j.qualifierA1s.includes(e.a1) || j.qualifierCc === e.cc) need = 0;
  if (j.ner && !j.person) need = Math.min(need, 20_000);
  if (j.evidence < 0) need *= 10;
  // Alternate names are often other languages' names ("Hamas" for Hamm, "Ben" for Bern): without a cue only big places.
  if (alt) need = Math.max(need, j.cue && j.evidence >= 2 ? 20_000 : j.cue || inDoc ? 50_000 : 300_000);
  const framed = inA1 || (near >= 0 ? near : nearest(c, ctx)) < 100;
  if ((j.person || j.firstName) && !j.cue && !j.listed && j.qualifierA1s.length === 0 && !j.qualifierCc && !framed) need = Math.max(need, 1_000_000);
  return pop >= need || (e.fc === 'PPLC' && !j.m.sentenceStart && !alt && j.evidence >= 0);
}

export interface Choice { e: GazEntry; conf: number }

/**
 * A mention's candidates, made once per document (`candidates`) for the three or four rounds of `choose`: rows
 * `from` .. `to` - 1 of the context's candidate columns. Why: each round read the same entries, priors and name sets
 * again; those reads were about half of the choosing.
 */
export interface Candidates {
  j: Judged;
  from: number;
  to: number;
  /**
   * The last best entry `choiceByQualifier` was asked about (null: none yet) and its answer. Why: a qualified name's
   * made-up entry was made again in every round, and being a new object each time it kept the rounds from settling.
   */
  movedFrom: GazEntry | null;
  moved: Choice | null;
}

/** True when one of the first 40 entries `ids` is a division of country `cc`. */
function hasDivisionOf(gaz: Gazetteer, ids: readonly number[], cc: string): boolean {
  for (let i = 0; i < ids.length && i < 40; i += 1) {
    const e = gaz.entry(ids[i]!);
    if (e.kind === 'admin1' && e.cc === cc) return true;
  }
  return false;
}

/** The candidates of judged mention `j` in the document of `ctx` (its hint and frame kind), added to its columns. */
export function candidates(gaz: Gazetteer, j: Judged, ctx: Ctx): Candidates {
  const from = ctx.candCount;
  // A vetoed span is never taken: `choose` reads none of its candidates.
  if (j.veto) return { j, from, to: from, movedFrom: null, moved: null };
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
  // The most populous town of the name: a division much smaller than a big town of its name is rarely what news means
  // ("Manchester", "Hanover", "Portland" are also parishes of Jamaica).
  let bigTown = 0;
  for (let i = 0; i < j.m.ids.length && i < 40; i += 1) {
    const e = gaz.entry(j.m.ids[i]!);
    if (e.kind === 'city' && !j.m.alt.has(j.m.ids[i]!) && e.pop > bigTown) bigTown = e.pop;
  }
  if (bigTown < BIG_TOWN) bigTown = 0;
  const nums = entryNumbersOf(gaz);
  ctx.cand.hold(from + j.m.ids.length, from);
  const cand = ctx.cand;
  let n = from;
  let k = 0;
  for (const id of j.m.ids) {
    k += 1;
    const e = gaz.entry(id);
    const alt = j.m.alt.has(id);
    // "SRT", "TBS", "BA": codes of countries and states only (a town's alternate names hold such codes).
    if (j.caps && (e.kind === 'city' || alt)) continue;
    let p = nums[3 * id]!;
    if (p === 0) {
      p = nums[3 * id] = prior(e);
      const located = e.kind !== 'country' && e.lat !== null && e.lon !== null;
      nums[3 * id + 1] = located ? e.lat! : NaN;
      nums[3 * id + 2] = located ? e.lon! : NaN;
    }
    cand.id[n] = id;
    cand.fixed[n] = fixedScore(e, p, j, alt) - (bigTown > 0 && e.kind === 'admin1' && e.pop * 2 < bigTown ? SMALL_DIVISION : 0);
    cand.capital[n] = capitalCc !== null && e.cc === capitalCc ? (e.kind === 'admin1' ? -2 : e.fc === 'PPLC' ? 2 : 0) : 0;
    cand.lat[n] = nums[3 * id + 1]!;
    cand.lon[n] = nums[3 * id + 2]!;
    const cc = codeId(e.cc);
    const a1 = codeId(e.a1);
    holdCode(ctx, Math.max(cc, a1));
    cand.cc[n] = cc;
    cand.a1[n] = a1;
    cand.kind[n] = KIND_CODE[e.kind];
    cand.flags[n] = (alt ? ALT : 0) | (k > 40 ? LATE : 0) | (ctx.hint && e.cc === ctx.hint ? HINTED : 0)
      | (ctx.usFrame && e.kind === 'admin1' && e.cc === 'US' ? US_STATE : 0);
    n += 1;
  }
  ctx.candCount = n;
  return { j, from, to: n, movedFrom: null, moved: null };
}

/** Best referent of one mention under the current context, or null when the span is not taken as a place. */
export function choose(gaz: Gazetteer, cands: Candidates, ctx: Ctx): Choice | null {
  const j = cands.j;
  // A vetoed span is never taken (`accept` refuses it, and the qualifier fallbacks below ask for no veto).
  if (j.veto) return null;
  const keyId = j.m.keyId;
  ctx.selfKey = keyId;
  ctx.selfCc = ctx.ownCc[keyId]!;
  ctx.selfW = ctx.ownW[keyId]!;
  const cand = ctx.cand;
  // Candidate rows (-1: none).
  let best = -1;
  let bestS = -Infinity;
  let second = -Infinity;
  let runner = -1;
  // Candidates come most populous first; past the first 40 only those in the document's frame can win.
  for (let c = cands.from; c < cands.to; c += 1) {
    if ((cand.flags[c]! & LATE) !== 0 && !(ctx.votes[cand.cc[c]!]! > 0 || ctx.admin1s[cand.a1[c]!] === 1 || j.qualifierA1s.includes(gaz.entry(cand.id[c]!).a1))) continue;
    const s = score(c, ctx) + cand.capital[c]!;
    if (s > bestS) {
      second = bestS;
      runner = best;
      bestS = s;
      best = c;
    } else if (s > second) {
      second = s;
      runner = c;
    }
  }
  if (best < 0) return null;
  const e = gaz.entry(cand.id[best]!);
  if (cands.movedFrom !== e) {
    cands.movedFrom = e;
    cands.moved = choiceByQualifier(gaz, j, e);
  }
  if (cands.moved !== null) return cands.moved;
  // "New York" in a text about London: not the state, but the city may still be meant.
  if (!accept(best, e, j, ctx)) {
    if (runner < 0) return null;
    // Only a very big city, or one in a country the text names: "Valencia" (the Spanish region) is not Valencia, Venezuela.
    const r = gaz.entry(cand.id[runner]!);
    const known = r.pop >= 5_000_000 || weightOf(cand.cc[runner]!, ctx) > 0;
    if (e.kind === 'admin1' && r.kind === 'city' && known && accept(runner, r, j, ctx)) return { e: r, conf: 0.5 };
    return null;
  }
  return { e, conf: Number.isFinite(second) ? Math.min(0.95, 0.5 + (bestS - second) / 10) : 0.9 };
}

/**
 * The best entry `best` moved by mention `j`'s qualifier when the table has no such town there, or null (the choice
 * stands).
 */
function choiceByQualifier(gaz: Gazetteer, j: Judged, best: GazEntry): Choice | null {
  // "El Alto, Bolivia" when the table has no El Alto in Bolivia: trust the qualifier, leave coordinates unknown.
  if (best.kind === 'city' && j.qualifierCc && j.qualifierA1s.length === 0 && best.cc !== j.qualifierCc && !j.veto) {
    return { e: { kind: 'city', name: best.name, cc: j.qualifierCc, a1: '', lat: null, lon: null, pop: 0, fc: 'PPL' }, conf: 0.5 };
  }
  // "Santa Elena, Petén" with no such town in Petén in the table: the town is in that division; its centre stands in.
  const onlyA1 = j.qualifierA1s.length === 1 ? j.qualifierA1s[0]! : null;
  // ("TBILISI, Georgia": the qualifier is also a country, and Tbilisi is in it: no need to move the town.)
  if ((best.kind === 'city' || best.kind === 'admin1') && onlyA1 && best.a1 !== onlyA1 && best.cc !== j.qualifierCc && !j.veto) {
    const div = gaz.admin1Name.get(onlyA1);
    const id = div === undefined ? undefined : codesOf(gaz, nameKey(div))?.map((c) => gaz.entry(c < 0 ? -c - 1 : c)).find((e) => e.a1 === onlyA1);
    if (id) return { e: { kind: 'city', name: best.name, cc: id.cc, a1: id.a1, lat: id.lat, lon: id.lon, pop: 0, fc: 'PPL' }, conf: 0.45 };
  }
  return null;
}

/** Empties the frame's votes and divisions (only the codes set: the columns are all zero after). */
function clearFrame(ctx: Ctx): void {
  for (let k = 0; k < ctx.votedCount; k += 1) ctx.votes[ctx.voted[k]!] = 0;
  for (let k = 0; k < ctx.inA1Count; k += 1) ctx.admin1s[ctx.inA1[k]!] = 0;
  ctx.votedCount = 0;
  ctx.inA1Count = 0;
}

/** Adds weight `w` to the votes of country code `cc`. */
function vote(ctx: Ctx, cc: number, w: number): void {
  if (ctx.votes[cc] === 0) ctx.voted[ctx.votedCount++] = cc;
  ctx.votes[cc] = ctx.votes[cc]! + w;
}

/** Rebuilds the document frame (countries, divisions, points) from the current choices. */
export function frame(ctx: Ctx, choices: Array<Choice | null>, judged: Judged[]): void {
  clearFrame(ctx);
  ctx.ownCc.fill(-1, 0, ctx.forms);
  ctx.total = 0;
  ctx.pointCount = 0;
  for (let i = 0; i < choices.length; i += 1) {
    const c = choices[i];
    if (!c || c.e.kind === 'region') continue;
    const w = c.e.kind === 'country' ? 1 : c.e.kind === 'city' ? 0.5 + 0.5 * c.conf : 1;
    const keyId = judged[i]!.m.keyId;
    // One vote per surface form: repeating a name does not outvote the rest of the document.
    if (ctx.ownCc[keyId] !== -1) continue;
    const cc = codeId(c.e.cc);
    holdCode(ctx, cc);
    ctx.ownCc[keyId] = cc;
    ctx.ownW[keyId] = w;
    vote(ctx, cc, w);
    ctx.total += w;
    if (c.e.kind !== 'country') {
      const a1 = codeId(c.e.a1);
      holdCode(ctx, a1);
      if (ctx.admin1s[a1] === 0) {
        ctx.admin1s[a1] = 1;
        ctx.inA1[ctx.inA1Count++] = a1;
      }
    }
    // A long page names hundreds of places; the first 120 are frame enough and keep this linear.
    if (c.e.kind !== 'country' && c.e.lat !== null && c.e.lon !== null && ctx.pointCount < MAX_POINTS) {
      ctx.pointLat[ctx.pointCount] = c.e.lat;
      ctx.pointLon[ctx.pointCount] = c.e.lon;
      ctx.pointKey[ctx.pointCount] = keyId;
      ctx.pointCount += 1;
    }
  }
  if (ctx.hint) {
    const cc = codeId(ctx.hint);
    holdCode(ctx, cc);
    vote(ctx, cc, 0.5);
    ctx.total += 0.5;
  }
}
