import type { Entity, Place } from '../../core/index.js';
import { getGazetteer, type GazEntry, type Gazetteer } from './gazetteer.js';
import { findMentions, type Mention } from './mentions.js';
import { wordTokens, type WordToken } from './normalize.js';
import { AREA_MODIFIERS, COMMON, CUES, ORG_HEADS, STREET_HEADS, STRONG_CUES, TITLES } from './words.js';

export interface PlaceHints {
  /** Source country (ISO alpha-2) to break ties. */
  countryHint?: string | undefined;
  /** Entities found earlier (NER): person spans veto places, location spans add weak ones. */
  entities?: readonly Entity[] | undefined;
}

interface Judged {
  m: Mention;
  /** Evidence that the span is a place at all, before choosing a referent. */
  evidence: number;
  veto: boolean;
  cue: boolean;
  qualifierCc: string | null;
  qualifierA1: string | null;
  ner: boolean;
}

const KIND_BASE: Record<GazEntry['kind'], number> = { country: 9, admin1: 6.5, admin2: 4, city: 0 };
const FC_BONUS: Record<string, number> = { PPLC: 2.5, PPLA: 1.5, PPLA2: 0.7, PPLA3: 0.3, PPLG: 1 };

function prior(e: GazEntry): number {
  const pop = Math.log10(e.pop + 10);
  return KIND_BASE[e.kind] + (e.kind === 'city' ? pop + (FC_BONUS[e.fc] ?? 0) : pop * 0.4);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "Cartagena, Bolívar" / "Springfield, Ill." / "Lima (Perú)": the entry named right after the mention. */
function qualifier(text: string, toks: WordToken[], m: Mention, all: Mention[], gaz: Gazetteer): [string | null, string | null] {
  const next = all.find((x) => x.first === m.last + 1);
  if (!next) return [null, null];
  const gap = text.slice(m.end, next.start);
  if (!/^\s*[,(]\s*$/.test(gap)) return [null, null];
  void toks;
  let cc: string | null = null;
  let a1: string | null = null;
  for (const id of next.ids) {
    const e = gaz.entries[id];
    if (e?.kind === 'country') cc = e.cc;
    else if (e?.kind === 'admin1' && !a1) a1 = e.a1;
  }
  return [cc, a1];
}

/** Single-token names of people seen inside longer capitalised runs ("Ana María Henry" -> henry). */
function personTokens(toks: WordToken[], text: string, mentions: Mention[]): Set<string> {
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

function judge(text: string, toks: WordToken[], m: Mention, all: Mention[], gaz: Gazetteer, lower: Set<string>,
  persons: Set<string>, hints: PlaceHints): Judged {
  const prev = toks[m.first - 1];
  const prev2 = toks[m.first - 2];
  const next = toks[m.last + 1];
  const adjacentPrev = prev && /^ $/.test(text.slice(prev.end, m.start));
  const adjacentNext = next && /^ $/.test(text.slice(m.end, next.start));
  const single = m.first === m.last;
  const kinds = new Set(m.ids.map((id) => gaz.entries[id]?.kind));
  const admin = kinds.has('country') || kinds.has('admin1') || kinds.has('admin2');
  let veto = false;
  let evidence = 0;
  const cue = !!prev && CUES.has(prev.norm) && !m.sentenceStart;
  if (prev && CUES.has(prev.norm)) evidence += STRONG_CUES.has(prev.norm) ? 2 : 1;
  if (prev && TITLES.has(prev.norm) && !admin) veto = true;
  if (prev2 && prev && prev.norm === 'de' && TITLES.has(prev2.norm)) veto = true;
  // Inside a capitalised run: "Ana Henry", "Jackson Browne".
  if (adjacentPrev && prev.upper && !CUES.has(prev.norm) && !AREA_MODIFIERS.has(prev.norm) && !COMMON.has(prev.norm)) {
    if (!(kinds.has('country') || kinds.has('admin1'))) veto = true;
  }
  if (adjacentNext && next.upper) {
    if (STREET_HEADS.has(next.norm)) veto = true;
    else if (ORG_HEADS.has(next.norm)) evidence += 0.5;
    else if (!admin) evidence -= 2;
  }
  if (single && COMMON.has(m.key) && !kinds.has('country')) veto = true;
  if (single && lower.has(m.key) && !admin) veto = true;
  if (single && persons.has(m.key) && !kinds.has('country') && !kinds.has('admin1')) veto = true;
  if (m.sentenceStart) evidence -= 1;
  let ner = false;
  for (const e of hints.entities ?? []) {
    if (!overlaps(e, m)) continue;
    if (e.type === 'person' || e.type === 'organization') {
      if (!(e.type === 'organization' && e.start === m.start && e.end > m.end)) veto = !admin || e.type === 'person' ? true : veto;
    } else if (e.type === 'location') {
      ner = true;
      evidence += 2;
    }
  }
  const [qualifierCc, qualifierA1] = qualifier(text, toks, m, all, gaz);
  if (qualifierCc || qualifierA1) evidence += 2;
  return { m, evidence, veto, cue, qualifierCc, qualifierA1, ner };
}

interface Ctx {
  countryWeight: Map<string, number>;
  admin1s: Set<string>;
  hint: string | null;
}

function score(e: GazEntry, j: Judged, ctx: Ctx): number {
  let s = prior(e);
  if (j.qualifierCc && e.cc === j.qualifierCc) s += 6;
  if (j.qualifierA1 && e.a1 === j.qualifierA1) s += 8;
  if (e.kind !== 'country') s += 3.5 * (ctx.countryWeight.get(e.cc) ?? 0);
  if (e.kind === 'city' && ctx.admin1s.has(e.a1)) s += 3;
  if (ctx.hint && e.cc === ctx.hint) s += 1.5;
  return s;
}

function accept(e: GazEntry, j: Judged, ctx: Ctx): boolean {
  if (j.veto) return false;
  if (e.kind === 'country' || e.kind === 'admin1') return true;
  if (e.kind === 'admin2') return true;
  const pop = e.pop;
  const inDoc = (ctx.countryWeight.get(e.cc) ?? 0) > 0.3 || ctx.admin1s.has(e.a1);
  let need = j.m.sentenceStart ? 300_000 : 60_000;
  if (j.cue) need = inDoc ? 500 : 5_000;
  if (j.qualifierA1 === e.a1 || j.qualifierCc === e.cc) need = 0;
  if (j.ner) need = Math.min(need, 1_000);
  if (j.evidence < 0) need *= 10;
  return pop >= need || (e.fc === 'PPLC' && !j.m.sentenceStart);
}

function toPlace(text: string, gaz: Gazetteer, m: Mention, e: GazEntry, confidence: number): Place {
  const p: Place = {
    start: m.start, end: m.end, text: text.slice(m.start, m.end), name: e.name, countryCode: e.cc || null,
    admin1: e.kind === 'country' ? null : (gaz.admin1Name.get(e.a1) ?? null), lat: e.lat, lon: e.lon,
    confidence: Math.round(confidence * 100) / 100,
    kind: e.kind === 'admin2' ? 'other' : e.kind,
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

  const ctx: Ctx = { countryWeight: new Map(), admin1s: new Set(), hint: hints.countryHint?.toUpperCase() ?? null };
  // Pass 1: unambiguous country and division names set the document's frame.
  const votes = new Map<string, number>();
  let total = 0;
  const vote = (cc: string, w: number): void => {
    votes.set(cc, (votes.get(cc) ?? 0) + w);
    total += w;
  };
  for (const j of judged) {
    if (j.veto) continue;
    const entries = j.m.ids.map((id) => gaz.entries[id]).filter((e): e is GazEntry => !!e);
    const top = entries.reduce((a, b) => (prior(b) > prior(a) ? b : a));
    if (top.kind === 'country' || top.kind === 'admin1' || top.kind === 'admin2') {
      vote(top.cc, 1);
      if (top.kind !== 'country') ctx.admin1s.add(top.a1);
    } else if (top.pop >= 100_000 || j.qualifierA1 || j.qualifierCc) vote(top.cc, 0.5);
  }
  if (ctx.hint) vote(ctx.hint, 0.5);
  for (const [cc, w] of votes) ctx.countryWeight.set(cc, total > 0 ? w / total : 0);

  // Pass 2: choose referents in context; one referent per surface form in a document.
  const chosen = new Map<string, GazEntry | null>();
  const places: Place[] = [];
  for (const j of judged) {
    let pick = chosen.get(j.m.key);
    let conf = 0.6;
    if (pick === undefined || (pick === null && !j.veto)) {
      let best: GazEntry | null = null;
      let bestS = -Infinity;
      let second = -Infinity;
      for (const id of j.m.ids) {
        const e = gaz.entries[id];
        if (!e) continue;
        const s = score(e, j, ctx);
        if (s > bestS) {
          second = bestS;
          bestS = s;
          best = e;
        } else if (s > second) second = s;
      }
      pick = best && accept(best, j, ctx) ? best : null;
      if (pick) chosen.set(j.m.key, pick);
      else if (!chosen.has(j.m.key)) chosen.set(j.m.key, null);
      conf = Number.isFinite(second) ? Math.min(0.95, 0.5 + (bestS - second) / 10) : 0.9;
    } else if (pick && j.veto) pick = null;
    if (pick) places.push(toPlace(text, gaz, j.m, pick, conf));
  }
  // NER locations the gazetteer does not know still count as unresolved places.
  for (const e of hints.entities ?? []) {
    if (e.type !== 'location' || places.some((p) => overlaps(p, e))) continue;
    places.push({ start: e.start, end: e.end, text: e.text, name: e.text, countryCode: null, admin1: null, lat: null, lon: null, confidence: 0.3, kind: 'other' });
  }
  return places.sort((a, b) => a.start - b.start);
}
