/** Whether a gazetteer match is a place at all: cues, capitalisation, titles, qualifiers, NER hints. */
import type { Entity } from '../../core/index.js';
import { FIRST_NAMES } from '../entities/index.js';
import type { Gazetteer } from './gazetteer.js';
import type { Mention } from './mentions.js';
import { foldWord, type WordToken } from './normalize.js';
import { AREA_MODIFIERS, COMMON, COMMON_PHRASES, CUES, ORG_HEADS, SPEECH, STREET_HEADS, STRONG_CUES, TITLES } from './words.js';

export interface PlaceHints {
  /** Source country (ISO alpha-2) to break ties. */
  countryHint?: string | undefined;
  /** Entities found earlier (NER): person spans sink weak town readings, location spans lower the evidence needed. */
  entities?: readonly Entity[] | undefined;
  /** Also return NER location spans the gazetteer cannot resolve (no coordinates). Default false. */
  unresolved?: boolean | undefined;
}

export interface Judged {
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

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}


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
export function personTokens(toks: readonly WordToken[], text: string, mentions: Mention[]): Set<string> {
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

export function judge(text: string, toks: readonly WordToken[], m: Mention, all: Mention[], gaz: Gazetteer, lower: Set<string>,
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

