import type { Entity, EntityType } from '../../core/index.js';
import { Arena } from './arena.js';
import { GAZ_CATEGORIES } from './gazetteer.js';
import { docTopicBitsOf } from './sentence-view.js';
import { F_ALLCAPS, F_CAP, F_DIGIT, F_PUNCT, tokenInfo, type TokenInfo } from './token-info.js';
import { tagDocument, type DocModel } from './doc-stage.js';
import { loadDocModel, loadModel, loadOrgMatcher, type ModelLang } from './loader.js';
import { TAGS, type NerModel } from './model.js';
import type { Gazetteer } from './gazetteer.js';
import type { OrgMatcher } from './org-list.js';
import { quoteSpans } from './quote-spans.js';
import { modelParams, type DecodeParams } from './tagger.js';
import { sentenceStartsOf, tokenizeWithInfos, type Tokens } from './tokenize.js';
import { PT_NAME_TITLES } from './cue-words.js';

/** Category bit of the gazetteer's common words (lower-case words of the training text). */
const COMMON = 1 << GAZ_CATEGORIES.indexOf('common');
/** Gazetteer categories that make a word a name whatever else it is (places, countries, first names). */
const NAME_BITS = ['country', 'city', 'admin', 'firstname'].reduce((bits, c) => bits | (1 << GAZ_CATEGORIES.indexOf(c as (typeof GAZ_CATEGORIES)[number])), 0);

/**
 * A one-word name that opens a sentence and is otherwise a common word ("However, ..."), unless the gazetteer
 * knows it as a name. Only for models trained with `meta.dropCommonOpeners` (English: its small training set
 * rarely shows such openers, and the model reads a capitalised word before a comma as a surname).
 */
function commonOpener(model: NerModel, info: TokenInfo): boolean {
  const bits = model.gazetteer.bitsOf(info.lowerHash);
  return (bits & COMMON) !== 0 && (bits & NAME_BITS) === 0;
}

const TYPE_OF: Record<string, EntityType> = { PER: 'person', LOC: 'location', ORG: 'organization', MISC: 'misc' };
/** Entity type by type code ((tag index + 1) >> 1: the order of TAGS). */
const TYPE_BY_CODE: EntityType[] = ['misc', ...[1, 3, 5, 7].map((t) => TYPE_OF[TAGS[t]!.slice(2)] ?? 'misc')];
/** The B- tag of person names (its I- tag is the next index). */
const PERSON_B = TAGS.indexOf('B-PER');

/** What recognition runs with: a trained model (and the organisations list). */
export interface NerResources {
  model?: NerModel;
  /** Document stage on top of `model` (second pass with hints from the first pass over the whole text). */
  docModel?: DocModel;
  orgs?: OrgMatcher;
}

/** A name found by the model, in token indices [start, end). */
export interface NameSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Which bundled model serves a language: pt and gl use Portuguese, en English, the rest Spanish. */
export function modelLangFor(lang: string): ModelLang {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'pt' || primary === 'gl') return 'pt';
  if (primary === 'en') return 'en';
  return 'es';
}

function isLowerWord(info: TokenInfo): boolean {
  return (info.flags & (F_CAP | F_ALLCAPS | F_DIGIT | F_PUNCT)) === 0;
}

const DASHES = new Set(['-', '–', '—']);
const NAME_TITLES = new Set(PT_NAME_TITLES);

/**
 * Start of a person name widened over the titles right before it ("senhor deputado Wurtz", "sr . Gustavo
 * Capanema", "tio Zeca"): HAREM's convention, which the model learns only partly (Paramopama, also in its
 * training data, leaves titles out). An abbreviation counts with its full stop.
 */
function titleStart(words: readonly string[], start: number): number {
  let s = start;
  for (;;) {
    let k = s - 1;
    if (k >= 1 && words[k] === '.') k--;
    if (k < 0) return s;
    let w = words[k]!.toLowerCase();
    // An abbreviation with its full stop, as one token ("sr.") or two ("sr ."), is at most four letters.
    const stop = k === s - 2 || (w.length > 1 && w.endsWith('.'));
    if (w.endsWith('.')) w = w.slice(0, -1);
    if (!NAME_TITLES.has(w) || (stop ? w.length > 4 : w.length < 2)) return s;
    s = k;
  }
}

/**
 * A spaced dash inside a predicted name separates two names ("Famalicão - Espinho", a score line), unless the
 * gazetteer knows the hyphenated form as a place ("Timor - Leste"); tags are edited in place (I-X dash I-X -> I-X O B-X).
 */
export function splitAtDashes(tags: Uint8Array, words: readonly string[], gazetteer?: Gazetteer): void {
  for (let i = 1; i + 1 < tags.length; i++) {
    const t = tags[i]!;
    if (t === 0 || t % 2 === 1 || !DASHES.has(words[i]!)) continue;
    // A hyphenated place name that the corpus spaced out ("Timor - Leste") is one name.
    const joined = `${words[i - 1]}-${words[i + 1]}`;
    if (gazetteer && (gazetteer.has('country', joined) || gazetteer.has('city', joined) || gazetteer.has('admin', joined))) continue;
    tags[i] = 0;
    if (tags[i + 1] === t) tags[i + 1] = t - 1;
  }
}

const LABEL_BEFORE = new Set(['?', '!', '.', '…']);
const CAPS_LABEL = /^\p{Lu}{2,4}$/u;
const INITIAL = /^\p{Lu}$/u;
const DOTTED_LABEL = /^(?:\p{Lu}\.){2,4}$/u;

/**
 * Start of a speaker label that ends right before `colon` (a ':' token), or -1. A label is what an interview
 * transcript puts before each turn: two to four capitals ("DRV :") or two to four initials with their full stops
 * ("A . H . :", "A.H. :"), at the start of the sentence or right after the previous turn's closing '?', '!' or '.'.
 */
function speakerLabelStart(words: readonly string[], colon: number): number {
  let k = colon - 1;
  if (k < 0) return -1;
  if (CAPS_LABEL.test(words[k]!) || DOTTED_LABEL.test(words[k]!)) {
    // one token
  } else {
    let n = 0;
    while (k >= 1 && words[k] === '.' && INITIAL.test(words[k - 1]!)) {
      k -= 2;
      n++;
    }
    if (n < 2 || n > 4) return -1;
    k++;
  }
  return k === 0 || LABEL_BEFORE.has(words[k - 1]!) ? k : -1;
}

/**
 * Speaker labels the model left untagged become person names (tags edited in place): in an interview the label
 * stands for the person speaking, and HAREM tags it so. A label the model tagged keeps its tag, so a headline's
 * "ONU: ..." stays an organisation.
 */
export function tagSpeakerLabels(tags: Uint8Array, words: readonly string[], personB: number): void {
  for (let j = 1; j + 1 < words.length; j++) {
    if (words[j] !== ':') continue;
    const k = speakerLabelStart(words, j);
    if (k < 0) continue;
    let untagged = true;
    for (let i = k; i < j; i++) if (tags[i] !== 0) untagged = false;
    if (!untagged) continue;
    tags[k] = personB;
    for (let i = k + 1; i < j; i++) tags[i] = personB + 1;
  }
}

/**
 * Appends the names of one tagged sentence to `out` as recognition reports them (token offsets + `from`): the tags are
 * split at spaced dashes and widened to quote marks (edited in place), trailing lower-case words are trimmed, and
 * common-word openers dropped when the model asks for it. `infos` are indexed like the document (from + i).
 */
export function sentenceSpans(model: NerModel, tags: Uint8Array, words: readonly string[], infos: readonly TokenInfo[], from: number, out: NameSpan[]): void {
  splitAtDashes(tags, words, model.gazetteer);
  tagSpeakerLabels(tags, words, PERSON_B);
  if (model.meta.quoteSpans === true) quoteSpans(tags, words, (w) => (model.gazetteer.bitsOf(tokenInfo(w).lowerHash) & COMMON) !== 0);
  const dropOpeners = model.meta.dropCommonOpeners === true;
  const titlesInside = model.meta.titlesInside === true;
  // Tag indices: 0 O, odd B-X, even I-X; (tag + 1) >> 1 is the type code (TYPE_BY_CODE).
  let start = -1;
  let type = 0;
  let lastEnd = 0;
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 0;
    const ty = (tag + 1) >> 1;
    if (tag === 0 || tag % 2 === 1 || ty !== type) {
      if (start >= 0) {
        // A name does not end in a lower-case word ("Fiscalía ... Nación capturó"): trim those.
        let end = i;
        while (end - 1 > start && isLowerWord(infos[from + end - 1]!)) end--;
        const opener = dropOpeners && start === 0 && end === 1 && commonOpener(model, infos[from]!);
        const first = titlesInside && TYPE_BY_CODE[type] === 'person' ? Math.max(lastEnd, titleStart(words, start)) : start;
        if (!opener) out.push({ start: from + first, end: from + end, type: TYPE_BY_CODE[type]! });
        lastEnd = end;
      }
      start = -1;
      if (tag !== 0) {
        start = i;
        type = ty;
      }
    }
  }
}

const paramsCache = new WeakMap<NerModel, DecodeParams>();
/** Typed arrays for one document's tagging (see Arena), reused from one document to the next. */
const arena = new Arena();

/**
 * Each sentence's words and token infos, as the rows `tagDocument` takes, reused from one document to the next like
 * the arena (`rowsOf`): the tagging reads them only while `modelSpans` runs. Why: a copy of every word and token info
 * per document (two arrays per sentence) was the largest garbage of recognition.
 */
const sentenceWords: string[][] = [];
const sentenceInfos: TokenInfo[][] = [];

/**
 * `rows[0 .. count)` set to the slices of `all` at the sentence starts `ss` (the last one running to its end), rows
 * kept from earlier documents overwritten in place: an array grows only past its longest sentence yet, and stays packed.
 */
function rowsOf<T>(rows: T[][], all: readonly T[], ss: readonly number[]): T[][] {
  for (let k = 0; k < ss.length; k++) {
    const from = ss[k]!;
    const n = (ss[k + 1] ?? all.length) - from;
    let row = rows[k];
    if (row === undefined) rows.push((row = []));
    if (row.length > n) row.length = n;
    const had = row.length;
    for (let i = 0; i < had; i++) row[i] = all[from + i]!;
    for (let i = had; i < n; i++) row.push(all[from + i]!);
  }
  return rows;
}

function modelSpans(model: NerModel, docModel: DocModel | undefined, tokens: Tokens, infos: readonly TokenInfo[]): NameSpan[] {
  let p = paramsCache.get(model);
  if (p === undefined) paramsCache.set(model, (p = modelParams(model)));
  const out: NameSpan[] = [];
  const docBits = docTopicBitsOf(infos);
  const ss = sentenceStartsOf(tokens, infos);
  // (rows past this document's sentences are left from longer documents: the tagging takes the first ss.length)
  const words = rowsOf(sentenceWords, tokens.words, ss);
  const rowInfos = rowsOf(sentenceInfos, infos, ss);
  const sentences = words.length === ss.length ? words : words.slice(0, ss.length);
  const docInfos = rowInfos.length === ss.length ? rowInfos : rowInfos.slice(0, ss.length);
  arena.reset();
  const allTags = tagDocument(p, docModel, sentences, docBits, docInfos, arena);
  for (let k = 0; k < ss.length; k++) sentenceSpans(model, allTags[k]!, sentences[k]!, infos, ss[k]!, out);
  return out;
}

/** Recognises people, organizations, locations and misc names with the given resources. */
export function recognizeWith(text: string, res: NerResources): Entity[] {
  // One token-info lookup per word for the whole document (the tagger, the trimming and the list matcher read them).
  const { tokens, infos } = tokenizeWithInfos(text);
  let spans: Array<NameSpan & { ref?: string }> = res.model ? modelSpans(res.model, res.docModel, tokens, infos) : [];
  if (res.orgs) {
    for (const m of res.orgs.match(tokens, infos)) {
      const inside = spans.find((s) => s.type === 'organization' && s.start <= m.start && s.end >= m.end);
      if (inside) {
        if (inside.ref === undefined) inside.ref = m.entry.id;
        continue;
      }
      spans = spans.filter((s) => s.end <= m.start || s.start >= m.end);
      spans.push({ start: m.start, end: m.end, type: 'organization', ref: m.entry.id });
    }
    spans.sort((a, b) => a.start - b.start);
  }
  return spans.map((s) => {
    const start = tokens.starts[s.start]!;
    const end = tokens.ends[s.end - 1]!;
    const e: Entity = { type: s.type, start, end, text: text.slice(start, end) };
    if (s.ref !== undefined) e.ref = s.ref;
    return e;
  });
}

/** Resources for a language from the bundled files (loaded once per process). */
export function resourcesFor(lang: string): NerResources {
  const which = modelLangFor(lang);
  const orgs = loadOrgMatcher();
  const docModel = loadDocModel(which);
  return docModel ? { model: loadModel(which), docModel, orgs } : { model: loadModel(which), orgs };
}

/** People, organizations, locations (and misc for Spanish) in `text`, with UTF-16 offsets. */
export function recognizeEntities(text: string, lang: string): Entity[] {
  return recognizeWith(text, resourcesFor(lang));
}
