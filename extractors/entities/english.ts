import type { EntityType } from '../../core/index.js';
import { initialFlags } from './sentence-view.js';
import { F_ALLCAPS, F_CAP, F_PUNCT, tokenInfo, type TokenInfo } from './token-info.js';
import { GAZ_CATEGORIES, type Gazetteer } from './gazetteer.js';
import { hashString } from './hash.js';
import type { Tokens } from './tokenize.js';

/** A typed token range found by the English rules. */
export interface RuleSpan {
  start: number;
  end: number;
  type: EntityType;
}

const CONNECT = new Set(['of', 'the', 'de', 'del', 'la', 'for', '&', 'da', 'do', 'dos', 'van', 'von', 'al', 'bin']);
/** Connectors allowed only once the run has an organisation head ("Office on Drugs and Crime"). */
const ORG_CONNECT = new Set(['and', 'in', 'on', 'against', 'to']);
/** Capitalised words that are not names on their own (sentence starters, pronouns, months, days). */
const COMMON = new Set(
  ('the a an in on at to from for by with of and but or nor so yet if when while after before since until as ' +
  'he she it they we i you his her its their our my your this that these those there here what which who whom ' +
  'whose where why how all some many most several few both each every no not one two three four five ' +
  'police officials authorities investigators prosecutors according however also meanwhile last next ' +
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
  'august september october november december today yesterday tomorrow mr mrs ms dr sen rep gov gen ' +
  'president minister senator governor mayor judge officer chief director secretary spokesman spokeswoman ' +
  'prime king queen prince pope sir lady lord father sister brother captain sergeant lieutenant colonel ' +
  'general attorney detective agent inspector commissioner speaking')
    .split(' '),
);
const TITLES = new Set(
  ('mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. sgt sgt. capt capt. ' +
  'president minister senator governor mayor judge justice prosecutor attorney sheriff officer detective chief ' +
  'director secretary spokesman spokeswoman spokesperson king queen prince princess pope sir lady lord father ' +
  'sister brother captain sergeant lieutenant colonel general inspector commissioner agent coach')
    .split(' '),
);
const ORG_HEADS = new Set(
  ('ministry department office agency bureau court council committee commission institute university college ' +
  'school hospital bank party association foundation federation union organization organisation company group ' +
  'corporation army navy police cartel church club network trust fund service administration authority board ' +
  'senate congress parliament government inc inc. corp corp. ltd ltd. llc plc co co. news times post press ' +
  'airlines airways center centre coalition alliance gang brigade unit task')
    .split(' '),
);
const PLACE_PREPS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'across', 'outside', 'inside', 'towards', 'toward']);
const PLACE_HEADS = new Set(
  ('street avenue road boulevard square bridge county province state region city river lake sea ocean gulf island ' +
  'islands mountains valley bay border district airport gap pass canyon desert coast peninsula strait channel park ' +
  'falls heights hills beach harbor harbour').split(' '),
);
const NATIONALITIES = new Set(
  ('american mexican colombian venezuelan brazilian peruvian ecuadorian bolivian chilean argentine argentinian ' +
  'paraguayan uruguayan guatemalan honduran salvadoran nicaraguan costa panamanian cuban dominican haitian ' +
  'puerto spanish portuguese british english french german italian chinese japanese korean indian pakistani ' +
  'nigerian russian ukrainian canadian african asian european latin hispanic arab filipino thai vietnamese')
    .split(' '),
);

const FIRSTNAME = 1 << GAZ_CATEGORIES.indexOf('firstname');

/** Bit filters over 32-bit hashes (2^16 bits). */
const FILTER_WORDS = 1 << 11;
function bitOf(h: number): number {
  return (h ^ (h >>> 16)) & 0xffff;
}
function setBit(f: Int32Array, h: number): void {
  const b = bitOf(h);
  f[b >>> 5] = f[b >>> 5]! | (1 << (b & 31));
}
function hasBit(f: Int32Array, h: number): boolean {
  const b = bitOf(h);
  return (f[b >>> 5]! & (1 << (b & 31))) !== 0;
}
/** The connectors' hashes (the lower-case words a run may hold). */
const CONNECTOR_BITS = new Int32Array(FILTER_WORDS);
for (const w of [...CONNECT, ...ORG_CONNECT]) setBit(CONNECTOR_BITS, hashString(w) | 0);
/** Per-document filter of the words that englishSpans may ask lowerSeen about. */
const ASKED = new Int32Array(FILTER_WORDS);

/** `w` without one final `ch` (as w.replace(/ch$/, ''), without a regular expression per word). */
function withoutFinal(w: string, ch: string): string {
  return w.endsWith(ch) ? w.slice(0, -1) : w;
}

/**
 * Light English NER: runs of capitalised words (with "of", "the", "&" ... inside), typed by titles,
 * organisation heads, gazetteers (countries, cities, first names), nationalities and the preceding
 * preposition. No training data for English is available here; these rules trade recall for speed.
 */
export function englishSpans(tokens: Tokens, gaz: Gazetteer | undefined, given?: readonly TokenInfo[]): RuleSpan[] {
  const out: RuleSpan[] = [];
  const words = tokens.words;
  const infos = given ?? words.map(tokenInfo);
  const sentStart = initialFlags(infos);
  const low = (k: number) => infos[k]!.lower;
  // A name does not run across a line break (a headline and the first line of the body).
  const lineStart = new Uint8Array(words.length + 1);
  for (const k of tokens.sentenceStarts) lineStart[k] = sentStart[k] = 1;
  const cap = (k: number) => k < words.length && (infos[k]!.flags & (F_CAP | F_ALLCAPS)) !== 0;
  const capNext = (k: number) => cap(k) && lineStart[k] === 0;
  // Words the document also writes in lower case ("sentencing", "contact") are common words, not names,
  // when they stand capitalised alone (a headline or a line start the sentence view did not see).
  // Only words of runs are asked about: capitalised words and the connectors inside runs. A bit filter of their
  // hashes keeps the set to the lower-case tokens that may be asked about (a word asked about always has its
  // hash in the filter, so the answers are the same as with every lower-case token in the set).
  const asked = ASKED;
  asked.set(CONNECTOR_BITS);
  for (let k = 0; k < words.length; k++) if ((infos[k]!.flags & (F_CAP | F_ALLCAPS)) !== 0) setBit(asked, infos[k]!.lowerHash);
  const lowerSeen = new Set<string>();
  for (let k = 0; k < words.length; k++) {
    const info = infos[k]!;
    if ((info.flags & (F_CAP | F_ALLCAPS)) === 0 && hasBit(asked, info.lowerHash)) lowerSeen.add(info.lower);
  }
  for (let i = 0; i < words.length; i++) {
    if (!cap(i)) continue;
    let e = i + 1;
    let hasHead = ORG_HEADS.has(low(i));
    for (;;) {
      if (capNext(e)) {
        e++;
      } else if (e + 1 < words.length && lineStart[e] === 0 && (CONNECT.has(low(e)) || (hasHead && ORG_CONNECT.has(low(e))))) {
        // One or two connectors followed by a capitalised word: "Bureau of Investigation", "Agency for the Prohibition".
        if (capNext(e + 1)) e += 2;
        else if (e + 2 < words.length && CONNECT.has(low(e + 1)) && lineStart[e + 1] === 0 && capNext(e + 2)) e += 3;
        else break;
      } else break;
      hasHead ||= ORG_HEADS.has(low(e - 1));
    }
    let s = i;
    // Peel leading common words and titles ("The", "In", "President").
    let title = false;
    let article = false;
    while (s < e && (COMMON.has(withoutFinal(low(s), '.')) || TITLES.has(low(s)))) {
      if (TITLES.has(low(s))) title = true;
      if (low(s) === 'the') article = true;
      s++;
    }
    // At a sentence start, leading words the document also writes in lower case are common words
    // capitalised by position or headline style ("Rescued Workers Return", "Traffickers Lured Ana Ruiz"),
    // unless they are known first names.
    if (s === i && sentStart[i] === 1) {
      while (s < e && lowerSeen.has(low(s)) && ((gaz?.bitsOf(infos[s]!.lowerHash) ?? 0) & FIRSTNAME) === 0) s++;
    }
    while (s < e && CONNECT.has(low(s))) s++;
    const next = i;
    i = e - 1;
    if (s >= e) continue;
    // A line (or its first sentence) of four or more upper-case words is a headline, not a name ("POLICE RAID NIGHT CLUB.").
    if (e - s >= 4 && lineStart[next] === 1 && (e === words.length || lineStart[e] === 1 || (infos[e]!.flags & F_PUNCT) !== 0)) {
      let caps = true;
      for (let k = s; k < e; k++) if ((infos[k]!.flags & F_ALLCAPS) === 0 && !CONNECT.has(low(k))) caps = false;
      if (caps) continue;
    }
    const lower: string[] = [];
    for (let k = s; k < e; k++) lower.push(low(k));
    const first = lower[0]!;
    const last = lower[lower.length - 1]!;
    // hashString(lower.join(' ')), continued word by word
    let keyHash = hashString(lower[0]!);
    for (let k = 1; k < lower.length; k++) keyHash = hashString(lower[k]!, hashString(' ', keyHash));
    const prev = s > 0 ? low(s - 1) : '';
    const atStart = sentStart[next] === 1 && s === next;
    const allNationalities = lower.every((w) => CONNECT.has(w) || NATIONALITIES.has(withoutFinal(w, 's')));
    const keyBits = gaz?.bitsOf(keyHash) ?? 0;
    const firstBits = gaz?.bitsOf(infos[s]!.lowerHash) ?? 0;
    const inGaz = (cat: 'country' | 'city' | 'admin') => (keyBits & (1 << GAZ_CATEGORIES.indexOf(cat))) !== 0;
    const firstName = (firstBits & FIRSTNAME) !== 0;
    let type: EntityType | undefined;
    if (allNationalities) {
      // "Honduran and Guatemalan": one misc entity per nationality.
      for (let k = s; k < e; k++) if (!CONNECT.has(low(k))) out.push({ start: k, end: k + 1, type: 'misc' });
      continue;
    } else if (lower.length === 1 && article && !atStart && !inGaz('country') && !inGaz('city')) type = 'organization';
    else if (ORG_HEADS.has(last) || ORG_HEADS.has(first)) type = 'organization';
    else if (title || TITLES.has(prev)) type = 'person';
    else if (inGaz('country') || inGaz('admin')) type = 'location';
    else if (PLACE_HEADS.has(last)) type = 'location';
    else if (inGaz('city') && (PLACE_PREPS.has(prev) || lower.length > 1 || !firstName)) type = 'location';
    else if (/^\p{Lu}{2,6}$/u.test(words[s]!) && lower.length === 1) type = 'organization';
    else if (firstName && lower.length >= 2) type = 'person';
    else if (PLACE_PREPS.has(prev) && lower.length <= 2) type = 'location';
    else if (lower.length >= 2 && lower.length <= 3) type = 'person';
    else if (lower.length > 3) type = 'organization';
    else if (!atStart && !(lower.length === 1 && lowerSeen.has(first))) type = 'person';
    if (type) out.push({ start: s, end: e, type });
  }
  return out;
}
