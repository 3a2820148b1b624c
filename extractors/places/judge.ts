/** Whether a gazetteer match is a place at all: cues, capitalisation, titles, qualifiers, NER hints. */
import type { Entity } from '../../core/index.js';
import { FIRST_NAMES } from '../entities/index.js';
import { DEMONYMS } from '../values/index.js';
import type { Gazetteer } from './gazetteer.js';
import { isSentenceStart, type Mention } from './mentions.js';
import { foldWord, UPPER, type WordTokens } from './normalize.js';
import { sieveSlot, WordSieve } from './sieve.js';
import { AREA_MODIFIERS, COMMON, COMMON_PHRASES, CUES, DISEASE_WORDS, LANGUAGE_WORDS, ORG_HEADS, PLACE_FIRST_NAMES, SPEECH, STREET_HEADS, STRONG_CUES, TITLES } from './words.js';

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
  qualifierA1s: readonly string[];
  ner: boolean;
  /** An earlier extractor tagged the span (or part of it) as a person. */
  person: boolean;
  /** Listed right after another name ("Monterrey y Guadalupe"): a cue only within the document's countries. */
  listed: boolean;
  /** The span is one word that is also a common first name ("Nelson", "Tyler", "Santiago"). */
  firstName: boolean;
  /** A short all-capitals word outside a dateline ("SRT", "TBS", "BA"): a country or state code, never a town. */
  caps: boolean;
  /** "Washington state", "the state of Washington": the division, not its namesake capital. */
  divisionWord: boolean;
  /** "barrio de Flores", "bairro do Brás": a part of a town, so never a division or a country, and a town only in the frame. */
  subTown: boolean;
  /**
   * Where a longer name the gazetteer lacks ends ("San Juan de Lurigancho" for the mention "San Juan"), or -1. Such a
   * name is vetoed as the known place and given back as a place without a referent.
   */
  longerEnd: number;
  /** Countries and divisions of the town named right before (", "): "TBILISI, Georgia" is the Georgia holding Tbilisi. */
  headCcs: ReadonlySet<string>;
  headA1s: ReadonlySet<string>;
}

const ARTICLES = new Set(['la', 'el', 'los', 'las', 'the', 'o', 'a', 'os', 'as']);
const FIRST_NAME_SET = new Set(FIRST_NAMES.map((n) => foldWord(n)));

/** The head sets of a mention with no town named before it: shared, never added to. */
const NO_NAMES: ReadonlySet<string> = new Set<string>();

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}


/** Brazilian state abbreviations (UF) -> GeoNames admin-1 code: "Caruaru (PE)", "Campinas-SP", "Manaus/AM". */
const BR_UF: Record<string, string> = {
  AC: '01', AL: '02', AP: '03', AM: '04', BA: '05', CE: '06', DF: '07', ES: '08', GO: '29', MA: '13', MT: '14', MS: '11', MG: '15', PA: '16',
  PB: '17', PR: '18', PE: '30', PI: '20', RJ: '21', RN: '22', RS: '23', RO: '24', RR: '25', SC: '26', SP: '27', SE: '28', TO: '31',
};
const UF_AFTER = /^\s?(?:\(|-|–|\/)\s?([A-Z]{2})\b/;

/** True when code unit `c` can open `UF_AFTER`'s mark ("(", "-", "–", "/"). */
function ufMark(c: number): boolean {
  return c === 40 || c === 45 || c === 0x2013 || c === 47;
}

/** ", " / " (" / ", estado " / ", in the state of " between a town and its division or country. */
const QUALIFIER_GAP = /^\s*[,(]\s*(?:(?:en |no |na |in )?(?:el |la |o |a |the )?(?:estado|departamento|provincia|municipio|regi[oó]n|state|province|department|region)(?: de| do| da| of)?\s+)?$/iu;

/**
 * The patterns `judge` tests, made once. Why: a regular expression literal makes a new object each time it is
 * evaluated, and these were evaluated per mention (some per neighbouring mention).
 */
const DATELINE_AFTER = /^\s*(?:,|\(|—|–|-)/;
const LIST_GAP = /^\s*(?:,|y|e|and|o|u|ou|or)\s*$/iu;
const CODE_LIKE = /^[A-Z.&]+$/;
const COMMA_GAP = /^\s*,\s*$/;

/**
 * True when `s` equals its upper-case form. Why: most names have a lower-case ASCII letter, which settles it without
 * making the upper-case copy.
 */
function isAllCaps(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return s === s.toUpperCase();
  }
  return true;
}

/** The country and divisions named right after a mention (see `Judged.qualifierCc`, `Judged.qualifierA1s`). */
interface Qualifier {
  cc: string | null;
  a1s: readonly string[];
}

/** What most mentions have: no qualifier (shared: a pair of arrays per mention was garbage). */
const NO_QUALIFIER: Qualifier = { cc: null, a1s: [] };

/** `all[at]` is `m`; `all` runs left to right without overlaps (`findMentions`), so its neighbours are next to it. */
function qualifier(text: string, m: Mention, all: Mention[], at: number, gaz: Gazetteer): Qualifier {
  // The mark is the first or second code unit after the name: most names have neither, and need no regex.
  const uf = ufMark(text.charCodeAt(m.end)) || ufMark(text.charCodeAt(m.end + 1)) ? UF_AFTER.exec(text.slice(m.end, m.end + 6)) : null;
  if (uf && BR_UF[uf[1]!]) return { cc: 'BR', a1s: [`BR.${BR_UF[uf[1]!]}`] };
  // The first mention starting within 40 characters after this one: the one right after it, if any.
  const after = all[at + 1];
  const next = after !== undefined && after.start >= m.end && after.start - m.end < 40 ? after : undefined;
  if (!next) return NO_QUALIFIER;
  const gap = text.slice(m.end, next.start);
  if (!QUALIFIER_GAP.test(gap)) return NO_QUALIFIER;
  let cc: string | null = null;
  const a1s: string[] = [];
  for (const id of next.ids) {
    const e = gaz.entry(id);
    if (e.kind === 'country') cc = e.cc;
    else if (e.kind === 'admin1' && !a1s.includes(e.a1)) a1s.push(e.a1);
  }
  return { cc, a1s };
}

/** Surnames seen in the text: `strong` after a first name, an initial or a title ("Tyrise M. Bell", "Sgt. Collins"); `weak` after any other capitalised word. */
export interface PersonTokens { strong: Set<string>; weak: Set<string> }

/** Words that name a division next to its name ("Washington state", "estado de México"). */
const DIVISION_WORDS = new Set(['state', 'province', 'estado', 'provincia', 'departamento', 'department', 'region', 'county']);

/**
 * Spanish and Portuguese words that name a division or a public body of one before "de X" ("provincia de Quispicanchi",
 * "Fiscalía de Chimborazo", "Justicia Federal de Mendoza", "jueza de Guayas"), or a division right before the name
 * ("región Madre de Dios"). Not the parts of a town ("barrio de Flores" is in Buenos Aires, not Flores, Uruguay).
 */
const SEAT_WORDS = new Set(['departamento', 'provincia', 'estado', 'region', 'regiao', 'municipio', 'distrito', 'canton', 'comuna',
  'parroquia', 'corregimiento', 'ciudad', 'cidade', 'fiscalia', 'policia', 'gobernacion', 'alcaldia', 'prefeitura', 'prefectura', 'governo',
  'gobierno', 'federal', 'tribunal', 'juzgado', 'corte', 'defensoria', 'procuraduria', 'juez', 'jueza', 'juiz', 'juiza', 'ayuntamiento',
  'municipalidad', 'intendencia', 'asamblea', 'assembleia', 'delegacia', 'comisaria', 'comissaria', 'diocesis', 'diocese', 'arquidiocese',
  'arzobispado', 'gobernador', 'governador', 'alcalde', 'prefeito', 'prefeita', 'intendente']);
/** Of those, the divisions, which may also come right before the name without "de" ("región Madre de Dios", "estado Zulia"). */
const DIVISION_BEFORE = new Set(['departamento', 'provincia', 'estado', 'region', 'regiao', 'municipio', 'distrito', 'canton']);
const OF_WORDS = new Set(['de', 'del', 'do', 'da']);
/** Words before a part of a town ("barrio de Flores" in Buenos Aires is not Flores, Uruguay). */
const SUB_TOWN_WORDS = new Set(['barrio', 'bairro', 'colonia', 'sector', 'vereda', 'urbanizacion', 'fraccionamiento', 'asentamiento', 'favela',
  'comunidade', 'caserio', 'neighborhood', 'neighbourhood']);
const ARTICLES_EN = new Set(['a', 'an', 'the']);
/** Nouns a place name qualifies in English news: "a Texas man", "a Florida couple", "the Ohio farm". */
const ATTRIBUTIVE_NOUNS = new Set(['man', 'woman', 'men', 'women', 'couple', 'family', 'teen', 'teenager', 'girl', 'boy', 'resident', 'residents',
  'native', 'businessman', 'businesswoman', 'company', 'firm', 'farm', 'farmer', 'grower', 'rancher', 'restaurant', 'hotel', 'motel', 'bar', 'club',
  'contractor', 'landlord', 'employer', 'pastor', 'doctor', 'nurse', 'mother', 'father', 'judge', 'jury', 'court', 'prosecutor', 'sheriff',
  'trooper', 'officer', 'police', 'lawmaker', 'senator', 'attorney', 'lawyer', 'charity', 'church', 'school', 'teacher', 'nonprofit']);
/** The same, capitalised as part of the name ("Complexo da Maré", "Morro do Alemão"): never a division's name. */
const SUB_TOWN_HEADS = new Set(['complexo', 'morro', 'comunidade', 'favela', 'barrio', 'bairro', 'vereda', 'asentamiento']);
/**
 * Landform and settlement nouns that the gazetteer also holds as towns ("Pueblo", "Cerro", Cuba; "Serra", Brazil):
 * alone in a name they are the noun ("Defensoría del Pueblo", "Liga Guineense"), and before a capitalised word they head
 * a longer name the gazetteer lacks ("Cerro Rico", "Serra Gaúcha", "Valle de Aburrá"), kept as a place without referent.
 * 2026-11-29, from the dev news.
 */
const LANDFORM_HEADS = new Set(['pueblo', 'cerro', 'liga', 'monte', 'campo', 'villa', 'lago', 'laguna', 'sierra', 'serra', 'valle', 'isla', 'ilha',
  'parque', 'plaza', 'ciudad', 'cidade', 'puerto', 'playa']);

/** English words that open sentences before a name ("Though London", "Why is Paris"). Our own list. */
const OPENERS = new Set(['though', 'although', 'why', 'how', 'what', 'where', 'whether', 'because', 'since', 'unlike', 'like', 'despite', 'meanwhile',
  'however', 'instead', 'yet', 'so', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'still', 'also', 'even', 'only', 'once', 'outside', 'inside',
  'across', 'beyond', 'under', 'over', 'about', 'against', 'without', 'within', 'until', 'unless', 'whereas', 'perhaps', 'maybe', 'indeed', 'thus',
  'both', 'each', 'every', 'all', 'some', 'many', 'most', 'few', 'several', 'such', 'our', 'your', 'their', 'its', 'my', 'here', 'last', 'next']);

/** "W. Va.", "S. Jersey", "N. Main": compass abbreviations, not a person's initial. */
const COMPASS_INITIALS = new Set(['N', 'S', 'E', 'W']);

/** A first name in English, Spanish or Portuguese news (folded). */
export function isFirstName(norm: string): boolean {
  return FIRST_NAME_SET.has(norm) || PLACE_FIRST_NAMES.has(norm);
}

/**
 * True when the name starting near token `k` continues a capitalised run that began with another word:
 * "Aeropuerto José María Córdova", "Hospital John Smith" are places named after someone.
 */
function namedAfter(toks: WordTokens, text: string, k: number): boolean {
  let j = k;
  while (j > 0) {
    const p = toks.get(j - 1)!;
    if (!p.upper || text.slice(p.end, toks.get(j)!.start) !== ' ' || !isFirstName(p.norm)) break;
    j -= 1;
  }
  const p = toks.get(j - 1);
  if (!p || !p.upper || text.slice(p.end, toks.get(j)!.start) !== ' ' || TITLES.has(p.norm) || CUES.has(p.norm) || COMMON.has(p.norm)) return false;
  // "Later Matthew Flores": a capital that opens a sentence names nothing.
  return !isSentenceStart(text, toks, j - 1);
}

/** Single-token names of people seen inside longer capitalised runs ("Ana María Henry" -> henry). */
/**
 * Whether a word is written in lower case somewhere in the text. Asked about a few capitalised words per document:
 * a sieve of the lower-case tokens' slots and a scan of the slots answer without a set of every lower-case word.
 */
/** The lower-case words' sieve, refilled per document (`lowerCaseWords` is asked only while `personTokens` runs). */
const LOWER_SIEVE = new WordSieve();

function lowerCaseWords(toks: WordTokens): (w: string) => boolean {
  const sieve = LOWER_SIEVE.clear();
  for (let k = 0; k < toks.length; k += 1) if ((toks.shape[k]! & UPPER) === 0) sieve.addSlot(toks.slots[k]!);
  const known = new Map<string, boolean>();
  return (w) => {
    if (!sieve.mayHave(w)) return false;
    let seen = known.get(w);
    if (seen === undefined) {
      seen = false;
      const slot = sieveSlot(w);
      for (let k = 0; k < toks.length && !seen; k += 1) seen = toks.slots[k] === slot && (toks.shape[k]! & UPPER) === 0 && toks.norm(k) === w;
      known.set(w, seen);
    }
    return seen;
  };
}

/** A surname as written before a possessive: "Bell's" is Bell. */
function surnameOf(norm: string): string {
  return norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}

/** `personTokens`' marks per token (IN_MENTION, IN_ADMIN), reused from one document to the next (grown as needed). */
let tokenMarks = new Uint8Array(1024);
const IN_MENTION = 1;
const IN_ADMIN = 2;

export function personTokens(toks: WordTokens, text: string, mentions: Mention[], gaz: Gazetteer): PersonTokens {
  // Per token: IN_MENTION, and IN_ADMIN for tokens of names that can be a state or a country ("Dallas Texas" does
  // not make Texas a surname). Marks in a reused column, not two Sets of token numbers made per document.
  if (tokenMarks.length < toks.length) tokenMarks = new Uint8Array(2 * toks.length);
  const marks = tokenMarks;
  marks.fill(0, 0, toks.length);
  for (const m of mentions) {
    const mark = IN_MENTION | (m.ids.some((id) => gaz.entry(id).kind !== 'city') ? IN_ADMIN : 0);
    for (let k = m.first; k <= m.last; k += 1) marks[k]! |= mark;
  }
  const inMention = (k: number): boolean => k >= 0 && (marks[k]! & IN_MENTION) !== 0;
  const inAdmin = (k: number): boolean => k >= 0 && (marks[k]! & IN_ADMIN) !== 0;
  const strong = new Set<string>();
  const weak = new Set<string>();
  const writtenLower = lowerCaseWords(toks);
  // Whether the capitalised run that token i continues began with a first name or after a title ("Jason Terrell
  // Jones", "Judge Haywood Turner"): its last word is a surname even when the middle word is a town.
  let personRun = false;
  let runOpenedBySentence = false;
  for (let i = 1; i < toks.length; i += 1) {
    if ((toks.shape[i - 1]! & toks.shape[i]! & UPPER) === 0) {
      personRun = false;
      continue;
    }
    // The pair is read from the columns: norms, offsets and gaps, and a word's text only where a test needs it.
    const aStart = toks.starts[i - 1]!;
    const aEnd = toks.ends[i - 1]!;
    const bStart = toks.starts[i]!;
    const bEnd = toks.ends[i]!;
    const aNorm = toks.norm(i - 1);
    const bNorm = toks.norm(i);
    const space = oneSpace(text, aEnd, bStart);
    // Neighbours from the columns: the word before a run is usually lower case, and nothing else makes its token.
    const opensRun = i < 2 || (toks.shape[i - 2]! & UPPER) === 0 || !oneSpace(text, toks.ends[i - 2]!, aStart);
    const opener = isFirstName(aNorm) || TITLES.has(aNorm);
    // A title inside the run makes it a person ("Municipal Court Judge Haywood Turner"); a first name only when the run
    // opens a sentence: mid-sentence, "Aeropuerto José María Córdova" is named after someone.
    if (opensRun) runOpenedBySentence = isSentenceStart(text, toks, i - 1);
    personRun = opensRun ? opener : personRun || TITLES.has(aNorm) || (isFirstName(aNorm) && runOpenedBySentence);
    if (ORG_HEADS.has(bNorm) || STREET_HEADS.has(bNorm) || COMMON.has(bNorm)) {
      personRun = false;
      continue;
    }
    const nextJoined = i + 1 < toks.length && (toks.shape[i + 1]! & UPPER) !== 0 && oneSpace(text, bEnd, toks.starts[i + 1]!);
    if (personRun && space && !opensRun && !nextJoined && !(inAdmin(i) && inMention(i - 1))) {
      strong.add(surnameOf(bNorm));
      continue;
    }
    // "M. Bell", "Sgt. Collins", "Mr. Moore": an initial or a title before the name.
    const aLength = aEnd - aStart;
    const dotSpace = bStart - aEnd === 2 && text.charCodeAt(aEnd) === 46 && text.charCodeAt(aEnd + 1) === 32;
    if (dotSpace && ((aLength === 1 && !COMPASS_INITIALS.has(text.charAt(aStart))) || (TITLES.has(aNorm) && aLength <= 4))) {
      strong.add(surnameOf(bNorm));
      continue;
    }
    if (!space) continue;
    if (isFirstName(aNorm) && !(inMention(i - 1) && inAdmin(i)) && !namedAfter(toks, text, i - 1)) {
      strong.add(surnameOf(bNorm));
      continue;
    }
    if (inMention(i) && inMention(i - 1)) continue;
    if (COMMON.has(aNorm) || CUES.has(aNorm) || AREA_MODIFIERS.has(aNorm)) continue;
    // "Though London", "A429 Cirencester": a word that opens a sentence (and is written in lower case elsewhere) or a code.
    if (isAllCaps(text.slice(aStart, aEnd))) continue;
    if (isSentenceStart(text, toks, i - 1) && (OPENERS.has(aNorm) || writtenLower(aNorm))) continue;
    weak.add(surnameOf(bNorm));
  }
  return { strong, weak };
}

/** True when a mention starting at the token after `m` (`all[at]`) can be a country or a division. */
function divisionFollows(all: Mention[], at: number, m: Mention, gaz: Gazetteer): boolean {
  for (let k = at + 1; k < all.length && all[k]!.first <= m.last + 1; k += 1) {
    const x = all[k]!;
    if (x.first === m.last + 1 && x.ids.some((id) => gaz.entry(id).kind !== 'city')) return true;
  }
  return false;
}

/** True when a mention after `all[at]` starts at token `first` and can be a country or a division. */
function divisionAfter(all: Mention[], at: number, first: number, gaz: Gazetteer): boolean {
  for (let k = at + 1; k < all.length && all[k]!.first <= first; k += 1) {
    const x = all[k]!;
    if (x.first === first && x.ids.some((id) => gaz.entry(id).kind !== 'city')) return true;
  }
  return false;
}

/** True when `text` holds one space, and nothing else, from `from` to `to`. */
function oneSpace(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32;
}

const COUNTRY = 1;
const ADMIN1 = 2;
const ADMIN2 = 4;
function kindBit(kind: string): number {
  return kind === 'country' ? COUNTRY : kind === 'admin1' ? ADMIN1 : kind === 'admin2' ? ADMIN2 : 0;
}

/**
 * `all[at]` is `m`, and `all` is `findMentions`' list: left to right, without overlaps, so starts, ends and token
 * indexes all grow along it and the mentions near `m` are next to it in the list.
 */
export function judge(text: string, toks: WordTokens, m: Mention, all: Mention[], at: number, gaz: Gazetteer, lower: Set<string>,
  persons: PersonTokens, hints: PlaceHints): Judged {
  // The neighbouring words are read from the columns (their norms and offsets): no token objects.
  const pi = m.first - 1;
  const ni = m.last + 1;
  const hasPrev = pi >= 0 && pi < toks.length;
  const hasPrev2 = pi - 1 >= 0 && pi - 1 < toks.length;
  const hasNext = ni >= 0 && ni < toks.length;
  const prevNorm = hasPrev ? toks.norm(pi) : '';
  const prevEnd = hasPrev ? toks.ends[pi]! : 0;
  const prevUpper = hasPrev && (toks.shape[pi]! & UPPER) !== 0;
  const nextNorm = hasNext ? toks.norm(ni) : '';
  const nextStart = hasNext ? toks.starts[ni]! : 0;
  const nextEnd = hasNext ? toks.ends[ni]! : 0;
  const nextUpper = hasNext && (toks.shape[ni]! & UPPER) !== 0;
  // The word before the previous one is read (`toks.norm(pi - 1)`) only where a test needs it, each behind hasPrev2.
  // (A closure for it cost more than the reads: with its context, a tenth of the places' garbage.)
  const adjacentPrev = hasPrev && oneSpace(text, prevEnd, m.start);
  const adjacentNext = hasNext && oneSpace(text, m.end, nextStart);
  const single = m.first === m.last;
  // The kinds of the candidates, as bits (a set of them per mention was garbage).
  let kindBits = 0;
  for (let k = 0; k < m.ids.length && kindBits !== 7; k += 1) kindBits |= kindBit(gaz.entry(m.ids[k]!).kind);
  const hasCountry = (kindBits & COUNTRY) !== 0;
  const hasAdmin1 = (kindBits & ADMIN1) !== 0;
  const admin = kindBits !== 0;
  let veto = false;
  let evidence = 0;
  const surface = text.slice(m.start, m.end);
  // Datelines: "CHARLESTON, W.Va. —", "BOGOTÁ (AFP) -".
  const dateline = surface.length >= 4 && isAllCaps(surface) && DATELINE_AFTER.test(text.slice(m.end, m.end + 3));
  if (dateline) {
    m.sentenceStart = false;
    evidence += 2;
  }
  // "Monterrey y Guadalupe", "Cúcuta, Pamplona": a name listed right after another is read like it.
  // (Only mentions before this one end before it starts, ends growing along the list.)
  let listed = false;
  for (let k = at - 1; k >= 0 && !listed; k -= 1) {
    const x = all[k]!;
    if (m.start - x.end > 5) break;
    listed = x.end <= m.start && LIST_GAP.test(text.slice(x.end, m.start));
  }
  // "en la Región Metropolitana": look past one article for the cue.
  const cueNorm = hasPrev && ARTICLES.has(prevNorm) && hasPrev2 ? toks.norm(pi - 1) : prevNorm;
  const cue = dateline || (hasPrev && CUES.has(cueNorm) && !m.sentenceStart);
  if (hasPrev && CUES.has(prevNorm)) evidence += STRONG_CUES.has(prevNorm) ? 2 : 1;
  else if (hasPrev && hasPrev2 && ARTICLES.has(prevNorm) && CUES.has(toks.norm(pi - 1))) evidence += STRONG_CUES.has(toks.norm(pi - 1)) ? 2 : 1;
  // "barrio de Flores", "barrio porteño de Flores", "bairro do Brás", "colonia Kennedy".
  const lowerAt = (i: number): boolean => i >= 0 && (toks.shape[i]! & UPPER) === 0;
  // "no sul da Bahia", "al norte de Santander": a part of a region names a region.
  if (hasPrev2 && OF_WORDS.has(prevNorm) && AREA_MODIFIERS.has(toks.norm(pi - 1)) && lowerAt(pi - 1)) evidence += 1;
  const subTown = hasPrev && ((SUB_TOWN_WORDS.has(prevNorm) && lowerAt(pi))
    || (hasPrev2 && OF_WORDS.has(prevNorm) && ((SUB_TOWN_WORDS.has(toks.norm(pi - 1)) && lowerAt(pi - 1)) || SUB_TOWN_HEADS.has(toks.norm(pi - 1))
      || (pi - 2 >= 0 && SUB_TOWN_WORDS.has(toks.norm(pi - 2)) && lowerAt(pi - 2) && lowerAt(pi - 1)))));
  // "San Juan de Lurigancho": the name goes on past the gazetteer's key with "de" and a capitalised word that is not
  // itself a country or division ("Valencia de Venezuela" is Valencia, qualified). Decided at the end: a span vetoed
  // for another reason ("Tribunal Oral Federal de Río Gallegos") gives no longer name.
  const longer = hasNext && OF_WORDS.has(nextNorm) && adjacentNext && ni + 1 < toks.length && (toks.shape[ni + 1]! & UPPER) !== 0
    && oneSpace(text, nextEnd, toks.starts[ni + 1]!) && !divisionAfter(all, at, ni + 1, gaz);
  if (hasPrev && DIVISION_BEFORE.has(prevNorm) && admin) evidence += 2;
  else if (hasPrev2 && OF_WORDS.has(prevNorm) && SEAT_WORDS.has(toks.norm(pi - 1)) && admin) evidence += 1;
  if (hasPrev && TITLES.has(prevNorm) && !admin) veto = true;
  // "padre de Jesús", but "el presidente de Colombia", "la jueza de Guayas": a country or division stays a place.
  if (hasPrev2 && hasPrev && prevNorm === 'de' && TITLES.has(toks.norm(pi - 1)) && !(hasCountry || hasAdmin1)) veto = true;
  // Inside a capitalised run: "Ana Henry", "Jackson Browne".
  const acronymOrPossessive = hasPrev && (prevNorm.endsWith("'s") || (prevEnd - toks.starts[pi]! <= 5 && isAllCaps(text.slice(toks.starts[pi]!, prevEnd))));
  if (adjacentPrev && prevUpper && !CUES.has(prevNorm) && !AREA_MODIFIERS.has(prevNorm) && !COMMON.has(prevNorm) && !acronymOrPossessive
    && !(isSentenceStart(text, toks, m.first - 1) && (OPENERS.has(prevNorm) || lower.has(prevNorm)))) {
    if (!(hasCountry || hasAdmin1)) veto = true;
  }
  if (adjacentNext && nextUpper) {
    if (STREET_HEADS.has(nextNorm)) veto = true;
    else if (ORG_HEADS.has(nextNorm)) evidence += 0.5;
    else if (!admin) evidence -= 2;
  }
  // "Slidell, La.": a dotted state abbreviation is no common word.
  const abbreviation = text.charCodeAt(m.end) === 46 && gaz.dotted.has(m.key);
  // "Victoria, Australia", "Mobile, Ala.": a division or country right after the name makes even a common word a place.
  const q = qualifier(text, m, all, at, gaz);
  const qualifierCc = q.cc;
  const qualifierA1s = q.a1s;
  const qualified = !m.sentenceStart && (qualifierCc !== null || qualifierA1s.length > 0);
  if (single && COMMON.has(m.key) && !hasCountry && !abbreviation && !qualified) veto = true;
  // "Spanish", "Canadian", "Roman": a nationality or a language, not the town of that name.
  if (single && !hasCountry && !hasAdmin1 && (DEMONYMS.has(m.key) || LANGUAGE_WORDS.has(m.key))) veto = true;
  if (COMMON_PHRASES.has(m.key)) veto = true;
  // "Hong Kong flu", "Lassa fever": the name of a disease.
  if (hasNext && DISEASE_WORDS.has(nextNorm) && adjacentNext) veto = true;
  // "Bell said", "dijo Moore": a speaker, not a place. A name of three words or more is no one's name ("el juzgado de
  // San Juan de Lurigancho declaró").
  const nameLike = m.last - m.first < 2;
  if (!admin && nameLike && hasNext && SPEECH.has(nextNorm) && oneSpace(text, m.end, nextStart)) veto = true;
  if (!admin && nameLike && hasPrev && SPEECH.has(prevNorm) && oneSpace(text, prevEnd, m.start) && !m.sentenceStart) veto = true;
  if (single && lower.has(m.key) && !admin) veto = true;
  // A surname seen after a first name ("Matthew Flores ... Flores' stepfather"); "in Bell" still reads as the town.
  const strongCue = hasPrev && STRONG_CUES.has(prevNorm) && !m.sentenceStart;
  const division = hasCountry || hasAdmin1;
  if (single && persons.strong.has(m.key) && !strongCue && !(division && cue)) veto = true;
  if (single && persons.weak.has(m.key) && !division && !cue) veto = true;
  // "Chad Walker", "Virginia Alexander", "Crystal N. Bright": a first name followed by a surname or an initial.
  if (single && adjacentNext && nextUpper && !STREET_HEADS.has(nextNorm) && !ORG_HEADS.has(nextNorm) && !COMMON.has(nextNorm)
    && !divisionFollows(all, at, m, gaz)) {
    const initial = nextEnd - nextStart === 1 && text.charAt(nextEnd) === '.';
    const acronym = nextEnd - nextStart > 1 && isAllCaps(text.slice(nextStart, nextEnd));
    // A big city before a capitalised word is a team or an institution ("Houston Rockets"), not a first name.
    const bigCity = !division && m.ids.some((id) => gaz.entry(id).pop >= 300_000);
    // NER reads the pair as one person; a first name alone is not enough ("Georgia Bureau", "Columbus Council").
    const nerPerson = (hints.entities ?? []).some((e) => e.type === 'person' && e.start <= m.start && e.end >= nextEnd);
    if (nerPerson && (initial || (isFirstName(m.key) && !acronym && !bigCity))) veto = true;
  }
  // "A Florida couple", "the Maryland man": a place named as an adjective before a person or business (English news).
  if (hasPrev && adjacentPrev && ARTICLES_EN.has(prevNorm) && hasNext && adjacentNext && ATTRIBUTIVE_NOUNS.has(nextNorm)) evidence += 2;
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
  if (qualifierCc || qualifierA1s.length > 0) evidence += 2;
  const caps = !dateline && surface.length <= 4 && CODE_LIKE.test(surface);
  let headCcs: ReadonlySet<string> = NO_NAMES;
  let headA1s: ReadonlySet<string> = NO_NAMES;
  // The first mention in the list ending at most 3 characters before this one with only a comma between.
  let head: Mention | undefined;
  for (let k = at - 1; k >= 0; k -= 1) {
    const x = all[k]!;
    if (m.start - x.end > 3) break;
    if (x.end < m.start && COMMA_GAP.test(text.slice(x.end, m.start))) head = x;
  }
  if (head) {
    const ccs = new Set<string>();
    const a1s = new Set<string>();
    for (const id of head.ids.slice(0, 40)) {
      const e = gaz.entry(id);
      if (e.kind !== 'city' || head.alt.has(id)) continue;
      ccs.add(e.cc);
      a1s.add(e.a1);
    }
    headCcs = ccs;
    headA1s = a1s;
  }
  const divisionWord = (hasNext && DIVISION_WORDS.has(nextNorm) && adjacentNext) || (hasPrev && prevNorm === 'of' && hasPrev2 && DIVISION_WORDS.has(toks.norm(pi - 1)));
  let longerEnd = -1;
  const landform = single && LANDFORM_HEADS.has(m.key) && !hasCountry && !hasAdmin1 && !qualified;
  if (landform) {
    if (!veto && m.key !== 'liga' && (longer || (adjacentNext && nextUpper))) {
      let last = longer ? ni + 1 : ni;
      while (last + 1 < toks.length && (toks.shape[last + 1]! & UPPER) !== 0 && oneSpace(text, toks.ends[last]!, toks.starts[last + 1]!)) last += 1;
      longerEnd = toks.ends[last]!;
    }
    veto = true;
  } else if (longer && !veto) {
    veto = true;
    let last = ni + 1;
    while (last + 1 < toks.length && (toks.shape[last + 1]! & UPPER) !== 0 && oneSpace(text, toks.ends[last]!, toks.starts[last + 1]!)) last += 1;
    longerEnd = toks.ends[last]!;
  }
  return { m, evidence, veto, cue, listed, qualifierCc, qualifierA1s, ner, person, firstName: single && FIRST_NAME_SET.has(m.key), caps, divisionWord, subTown, longerEnd, headCcs, headA1s };
}

