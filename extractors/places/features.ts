/**
 * English names of natural features the town gazetteer does not hold: "Red River", "Lake Lanier", "Mount Hood",
 * "Smoky Mountains", "Gulf of Alaska". Found by their head word and the capitalised words next to it; they carry
 * no coordinates (the table has none) unless a town of the same name, named inside them, lends its own.
 */
import type { Place } from '../../core/index.js';
import { isSentenceStart } from './mentions.js';
import { UPPER, type WordToken, type WordTokens } from './normalize.js';
import { isFirstName } from './judge.js';
import { COMMON, CUES, DISEASE_WORDS, LANGUAGE_WORDS, TITLES } from './words.js';

/** Heads written after the name ("Neches River", "Smoky Mountains"). */
const AFTER = new Set(['river', 'sea', 'creek', 'mountains', 'mountain', 'island', 'islands', 'bay', 'valley', 'canyon', 'peninsula', 'lake', 'glacier', 'desert', 'reservoir', 'strait', 'delta']);
/** Heads written before the name ("Lake Lanier", "Mount Hood", "River Lune", "Gulf of Alaska"). */
const BEFORE = new Set(['lake', 'mount', 'mt', 'river', 'gulf', 'isle', 'cape', 'loch']);

function capital(t: WordToken | undefined): t is WordToken {
  return !!t && t.upper && !/^\d/.test(t.text);
}

/** Heads before a name that need "of" ("Gulf of Mexico", not "Gulf War"). */
const OF_ONLY = new Set(['gulf', 'isle']);

/** Words that open a run without being part of the name ("The Red River", "This Lake"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'his', 'her', 'their', 'its', 'and', 'or', 'but', 'when', 'while', 'if', 'as', 'at', 'on', 'by']);

/**
 * Natural-feature spans in English text. A place found inside one ("Neches" in "Neches River") gives way to it:
 * the returned `replaced` places are to be dropped; a town's coordinates stay with the feature named after it.
 */
export function naturalFeatures(text: string, toks: WordTokens, taken: readonly Place[]): { added: Place[]; replaced: Place[] } {
  const out: Place[] = [];
  const replaced: Place[] = [];
  const joined = (a: WordToken, b: WordToken): boolean => text.slice(a.end, b.start) === ' ' || (a.text === 'Mt' && text.slice(a.end, b.start) === '. ');
  const free = (start: number, end: number): boolean => !taken.some((p) => p.start < end && start < p.end && (p.start < start || p.end > end))
    && !out.some((p) => p.start < end && start < p.end);
  const add = (first: number, last: number): void => {
    const a = toks.get(first)!;
    const b = toks.get(last)!;
    const after = toks.get(last + 1);
    // "Lake Forest College", "Cedar River Seafood", "Desert Storm": the run goes on, the feature names something else.
    if (after && after.upper && joined(b, after)) return;
    // "Rift Valley fever": a disease.
    if (after && DISEASE_WORDS.has(after.norm) && joined(b, after)) return;
    // "Robin Lake": a person.
    if (isFirstName(a.norm) && a.norm !== 'mount' && last === first + 1 && AFTER.has(b.norm)) return;
    if (!free(a.start, b.end)) return;
    const name = text.slice(a.start, b.end);
    // "Canary Islands" is already a place as a whole.
    if (taken.some((p) => p.start === a.start && p.end === b.end)) return;
    const inner = taken.filter((p) => p.start >= a.start && p.end <= b.end);
    const town = inner.length === 1 && inner[0]!.kind === 'city' ? inner[0]! : null;
    replaced.push(...inner);
    out.push({ start: a.start, end: b.end, text: name, name, countryCode: town?.countryCode ?? null, admin1: town?.admin1 ?? null,
      lat: town?.lat ?? null, lon: town?.lon ?? null, confidence: 0.5, kind: 'other' });
  };
  for (let i = 0; i < toks.length; i += 1) {
    if ((toks.shape[i]! & UPPER) === 0) continue;
    // Only heads open a feature: other capitalised words are passed over without making their token.
    const norm = toks.norm(i);
    if (norm !== 'channel' && !AFTER.has(norm) && !BEFORE.has(norm)) continue;
    const t = toks.get(i)!;
    // "English Channel", "Irish Sea": a channel only after a nationality word ("Disney Channel" is television).
    if (t.norm === 'channel' && i > 0 && LANGUAGE_WORDS.has(toks.get(i - 1)!.norm) && joined(toks.get(i - 1)!, t)) {
      add(i - 1, i);
      continue;
    }
    if (AFTER.has(t.norm)) {
      // Up to three capitalised words before the head, none a sentence opener on its own.
      let s = i;
      while (s > i - 3 && capital(toks.get(s - 1)) && joined(toks.get(s - 1)!, toks.get(s)!) && !CUES.has(toks.get(s - 1)!.norm) && !TITLES.has(toks.get(s - 1)!.norm)) s -= 1;
      while (s < i && (DETERMINERS.has(toks.get(s)!.norm) || (COMMON.has(toks.get(s)!.norm) && isSentenceStart(text, toks, s)))) s += 1;
      if (s < i) add(s, i);
      else if (BEFORE.has(t.norm)) forward(i);
    } else if (BEFORE.has(t.norm)) forward(i);
  }
  function forward(i: number): void {
    const t = toks.get(i)!;
    let k = i + 1;
    // "Gulf of Alaska", "Isle of Man"; a bare "Gulf War" or "Cape Cod" reads only with "of".
    if (toks.get(k)?.norm === 'of' && joined(t, toks.get(k)!)) k += 1;
    else if (OF_ONLY.has(t.norm)) return;
    let e = k - 1;
    while (e < k + 1 && capital(toks.get(e + 1)) && joined(toks.get(e)!, toks.get(e + 1)!) && !AFTER.has(toks.get(e + 1)!.norm)) e += 1;
    if (e >= k) add(i, e);
  }
  return { added: out, replaced };
}
