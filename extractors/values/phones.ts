import type { Entity } from '../../core/index.js';
import { wordTokens } from '../places/index.js';
import { WordSieve } from '../places/sieve.js';
import { DIGIT_WORDS } from './numbers.js';

/** Digit groups, allowing look-alike letters used to dodge filters ("3l0 555 12 34", "3OO ..."). */
const RE_DIGITS = /(?<![\w$€£])(\+\s?)?\(?[\dlIoO]{1,4}\)?(?:[\s.\-]{0,2}\(?[\dlIoO]{2,5}\)?){1,5}(?![\w%])/g;
const PHONE_WINDOW = /[+(]?\d[\dlIoO\s().\-]{6,}/g;
const DIGIT_SIEVE = new WordSieve(DIGIT_WORDS.keys());
const CUE = /(?:tel[eé]fono|telefone|tel\.?|cel(?:ular)?|m[oó]vil|whats\s?app|wpp|whats|llam[ae]|ligue|ligar|contacto|contato|call|text|phone|n[uú]mero|l[ií]nea|linha)\W{0,12}$/i;

function normaliseDigits(s: string): { digits: string; fakes: number } {
  let digits = '';
  let fakes = 0;
  for (const ch of s) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch === 'l' || ch === 'I') {
      digits += '1';
      fakes += 1;
    } else if (ch === 'o' || ch === 'O') {
      digits += '0';
      fakes += 1;
    }
  }
  return { digits, fakes };
}

/** Phone numbers, including look-alike letters and spelled-out digits; value = the digits ("+" kept). */
export function extractPhones(text: string, taken: ReadonlyArray<{ start: number; end: number }> = []): Entity[] {
  const out: Entity[] = [];
  // Only stretches with a digit and at least seven digit-like characters can hold a number.
  const windows = text.matchAll(PHONE_WINDOW);
  for (const w of windows) for (const m0 of w[0].matchAll(RE_DIGITS)) {
    const m = { index: m0.index + w.index, 0: m0[0] };
    const raw = m[0].trim();
    const start = m.index + m[0].indexOf(raw);
    const end = start + raw.length;
    if (taken.some((t) => t.start < end && start < t.end)) continue;
    const { digits, fakes } = normaliseDigits(raw);
    if (digits.length < 7 || digits.length > 15) continue;
    // Letters must sit among digits: at most a third of the characters, and the span must start with a digit or "+"/"(".
    if (fakes > digits.length / 3 || !/^[\d+(]/.test(raw)) continue;
    const cue = CUE.test(text.slice(Math.max(0, start - 40), start));
    const plus = raw.startsWith('+');
    const grouped = /[\s.\-()]/.test(raw);
    if (!cue && !plus && !(digits.length >= 10 && grouped)) continue;
    if (/^(?:19|20)\d{2}$/.test(raw)) continue;
    out.push({ type: 'phone', start, end, text: raw, value: (plus ? '+' : '') + digits, confidence: cue ? 0.9 : fakes ? 0.6 : 0.7 });
  }
  // Spelled-out digits: a run of seven or more digit words ("tres uno cero ...").
  const toks = wordTokens(text);
  // (norms and offsets from the token columns: no token object for each "dos", "one", "seis" in the text)
  for (let i = 0; i < toks.length; i += 1) {
    if (!DIGIT_SIEVE.hasSlot(toks.slots[i]!)) continue;
    const first = DIGIT_WORDS.get(toks.norm(i));
    if (first === undefined) continue;
    let j = i;
    let digits = first;
    while (j + 1 < toks.length && DIGIT_WORDS.has(toks.norm(j + 1)) && /^[\s,.-]{1,3}$/.test(text.slice(toks.ends[j]!, toks.starts[j + 1]!))) {
      j += 1;
      digits += DIGIT_WORDS.get(toks.norm(j))!;
    }
    if (digits.length >= 7) {
      const start = toks.starts[i]!;
      const end = toks.ends[j]!;
      out.push({ type: 'phone', start, end, text: text.slice(start, end), value: digits, confidence: 0.6 });
    }
    i = j;
  }
  return out.sort((a, b) => a.start - b.start);
}
