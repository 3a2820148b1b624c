/**
 * Widens a name that is quoted as a whole to take its quote marks ('" Los Otros "'), the span
 * convention of CoNLL-2002 Spanish (esp.testa: 77 of 78 such names). The Spanish model is trained with
 * those quotes outside the span (esp.train mixes both conventions, so the model learnt neither) and
 * sets meta.quoteSpans; recognition then applies this rule to its tags. Tags are edited in place.
 */
const CLOSING: ReadonlyMap<string, string> = new Map([['"', '"'], ['“', '”'], ['«', '»']]);

export function quoteSpans(tags: Uint8Array, words: readonly string[]): void {
  const n = tags.length;
  for (let a = 1; a < n; a++) {
    const t = tags[a]!;
    const close = CLOSING.get(words[a - 1]!);
    if (t === 0 || t % 2 === 0 || close === undefined || tags[a - 1] !== 0) continue; // B-X at a, after an O quote
    let b = a + 1;
    while (b < n && tags[b] === t + 1) b++;
    if (b >= n || words[b] !== close || tags[b] !== 0) continue;
    let quoted = false;
    for (let k = a; k < b; k++) if (words[k] === close || words[k] === words[a - 1]) quoted = true;
    if (quoted) continue;
    tags[a - 1] = t;
    tags[a] = t + 1;
    tags[b] = t + 1;
  }
}
