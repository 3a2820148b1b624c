/**
 * Widens a name that is quoted as a whole to take its quote marks ('" Los Otros "'), the span
 * convention of CoNLL-2002 Spanish (esp.testa: 77 of 78 such names). The Spanish model is trained with
 * those quotes outside the span (esp.train mixes both conventions, so the model learnt neither) and
 * sets meta.quoteSpans; recognition then applies this rule to its tags. Tags are edited in place.
 *
 * With `isCommon` (the model's common-word test), a name that starts right after an opening quote with
 * a common word ('" La noche del río "' tagged as 'La' alone) is a quoted title cut short: it is
 * widened up to the closing quote when that comes within QUOTED_TITLE_MAX words.
 */
const CLOSING: ReadonlyMap<string, string> = new Map([['"', '"'], ['“', '”'], ['«', '»']]);

/** Longest quoted title (words between the quote marks) that a name cut short is widened to. */
export const QUOTED_TITLE_MAX = 8;

export function quoteSpans(tags: Uint8Array, words: readonly string[], isCommon?: (word: string) => boolean): void {
  const n = tags.length;
  for (let a = 1; a < n; a++) {
    const t = tags[a]!;
    if (t === 0 || t % 2 === 0 || tags[a - 1] !== 0) continue; // B-X at a, after an O ...
    const open = words[a - 1]!;
    const close = CLOSING.get(open);
    if (close === undefined) continue; // ... opening quote
    let b = a + 1;
    while (b < n && tags[b] === t + 1) b++;
    let quoted = false;
    for (let k = a; k < b; k++) if (words[k] === close || words[k] === open) quoted = true;
    if (quoted) continue;
    if (b < n && words[b] !== close && isCommon?.(words[a]!) === true) {
      let c = b;
      while (c < n && c - a < QUOTED_TITLE_MAX && words[c] !== close && words[c] !== open) c++;
      if (c < n && words[c] === close) b = c;
    }
    if (b >= n || words[b] !== close || tags[b] !== 0) continue;
    tags[a - 1] = t;
    for (let k = a; k <= b; k++) tags[k] = t + 1;
  }
}
