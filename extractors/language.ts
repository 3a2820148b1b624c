import { fold } from '../lexicons/index.js';
import { detectNgrams } from './language-ngrams.js';

/**
 * Language identification: `eld` (n-gram detector, 60 languages) for normal text, stop-word counts over
 * es / pt / en for very short text, and the caller's hint when the text does not decide.
 */

const STOP: Record<'es' | 'pt' | 'en', ReadonlySet<string>> = {
  es: new Set(
    `el la los las del y en un una por con para su sus al lo como pero fue fueron este esta estos estas entre cuando muy sin
     sobre tambien hasta hay donde desde ellos ese eso ante segun mujeres ninos nino nina ninas anos hombre policia fiscalia
     dijo tras cual ha han era eran ya le les mas`.split(/\s+/),
  ),
  pt: new Set(
    `o os as do da dos das no na nos nas um uma com em nao ao pelo pela pelos pelas mais foi foram sao tambem ate isso ele
     ela seu sua seus suas apos segundo anos mulheres criancas policia disse entre sobre quando muito sem onde e ja lhe eram`.split(/\s+/),
  ),
  en: new Set(
    `the of and to in is was for on that with by as at from were are has have had be been it this which who their after
     police said women children years an not but or they he she his her its`.split(/\s+/),
  ),
};

const WORD = /[\p{L}\p{M}'’-]+/gu;
const MIN_ELD_LETTERS = 40;
const MAX_ELD_CHARS = 3000;

/** Primary subtag of a BCP-47-ish tag, lower-case (`es-AR` → `es`); null for empty input. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const p = tag.trim().toLowerCase().split(/[-_]/)[0];
  return p && /^[a-z]{2,3}$/.test(p) ? p : null;
}

/** Stop-word counts of es, pt, en over the (folded) words of `text`. */
export function stopWordCounts(text: string): Record<'es' | 'pt' | 'en', number> {
  const counts = { es: 0, pt: 0, en: 0 };
  for (const m of text.slice(0, MAX_ELD_CHARS).matchAll(WORD)) {
    const w = fold(m[0]);
    if (STOP.es.has(w)) counts.es++;
    if (STOP.pt.has(w)) counts.pt++;
    if (STOP.en.has(w)) counts.en++;
  }
  return counts;
}

function stopWordWinner(text: string): { lang: 'es' | 'pt' | 'en'; margin: number; top: number } | null {
  const c = stopWordCounts(text);
  const ranked = (Object.entries(c) as Array<['es' | 'pt' | 'en', number]>).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0) return null;
  return { lang: first[0], margin: first[1] - (second?.[1] ?? 0), top: first[1] };
}

function letterCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n < MIN_ELD_LETTERS; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) n++;
  }
  return n;
}

/**
 * The primary language subtag of `text` (`es`, `pt`, `en`, or another of eld's 60 languages), or the
 * hint (primary subtag) when the text is too short or ambiguous to decide; `und` when neither decides.
 */
export function detectLanguage(text: string, hint?: string): string {
  const h = primaryLanguage(hint);
  if (letterCount(text) < MIN_ELD_LETTERS) {
    const sw = stopWordWinner(text);
    if (sw && sw.margin >= 2) return sw.lang;
    if (h) return h;
    if (sw && sw.margin >= 1) return sw.lang;
  }
  const r = detectNgrams(text.length > MAX_ELD_CHARS ? text.slice(0, MAX_ELD_CHARS) : text);
  const top = r.language;
  // Stop words are counted only when eld does not settle on one of our three languages.
  if (!top) return h ?? stopWordWinner(text)?.lang ?? 'und';
  if (h && h !== top) {
    // The hint wins a close call (es/pt/gl/ca are neighbours).
    if ((r.score(h) ?? 0) >= (r.score(top) ?? 0) - 0.03) return h;
  }
  if (top === 'es' || top === 'pt' || top === 'en') return top;
  // eld chose a neighbour (gl, ca, it ...): trust clear stop-word evidence for our three languages.
  const sw = stopWordWinner(text);
  if (sw && sw.top >= 3 && sw.margin >= 2) return sw.lang;
  return top;
}
