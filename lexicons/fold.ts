/**
 * Case and accent folding shared by the tokenizer and the pattern compiler, so that a pattern token and a
 * text token compare equal exactly when an analyst would expect (`explotación` == `EXPLOTACION`, `ç` → `c`).
 */

const COMBINING = /[\u0300-\u036f]/g;
const TYPO_APOSTROPHE = /[\u2018\u2019\u02bc`´]/g;
const TYPO_HYPHEN = /[\u2010\u2011]/g;

/** Folds of non-ASCII words, remembered (two normalisations per word are the slow part; news repeats words). */
const folds = new Map<string, string>();
const FOLDS_MAX = 20_000;
/** Only words and short phrases are remembered, so the cache stays small whatever callers fold. */
const FOLD_CACHE_CHARS = 48;

/** Lower-case, NFD-decompose and drop combining marks; typographic apostrophes and hyphens become ASCII. */
export function fold(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  let f = s.length <= FOLD_CACHE_CHARS ? folds.get(s) : undefined;
  if (f === undefined) {
    f = s
      .toLowerCase()
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(TYPO_APOSTROPHE, "'")
      .replace(TYPO_HYPHEN, '-')
      .normalize('NFC');
    if (s.length <= FOLD_CACHE_CHARS) {
      if (folds.size >= FOLDS_MAX) folds.clear();
      folds.set(s, f);
    }
  }
  return f;
}
