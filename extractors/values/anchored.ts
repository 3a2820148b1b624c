/**
 * Running a regex only where it can match. A pattern whose every match holds an ASCII digit a bounded number
 * of characters after its start can be tried, sticky, at just those starts: far cheaper than a global scan of
 * a page (case-insensitive Unicode patterns make V8 try every position), and the matches are the same.
 */

/**
 * Positions p, ascending and without repeats, with an ASCII digit at p + k for some k in [minAhead, maxAhead].
 * `firstDigit`: only digits that open a run of digits count (for patterns whose digits follow a non-digit: a
 * "2024" then gives one try instead of four).
 */
export function digitAnchors(text: string, minAhead: number, maxAhead: number, firstDigit = false): number[] {
  const runs = digitRuns(text);
  const out: number[] = [];
  let next = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const last = firstDigit ? runs[k]! : runs[k + 1]! - 1;
    for (let d = runs[k]!; d <= last; d++) {
      const to = d - minAhead;
      for (let p = Math.max(next, d - maxAhead); p <= to; p++) out.push(p);
      if (to + 1 > next) next = to + 1;
    }
  }
  return out;
}

const RUN = /[0-9]+/g;
let runsText: string | null = null;
let runsOf: number[] = [];

/**
 * Start and end offsets of the runs of ASCII digits of `text`, flat ([start, end, start, end, ...]); the last
 * text's are remembered (money, dates and ages of a document ask in turn). Why a regex: its compiled scan is
 * several times faster here than a charCodeAt loop over a page.
 */
export function digitRuns(text: string): readonly number[] {
  if (text === runsText) return runsOf;
  const out: number[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) out.push(m.index, RUN.lastIndex);
  runsText = text;
  runsOf = out;
  return out;
}

/**
 * The matches of the sticky regex `re` that start at one of `at` (ascending), left to right and without
 * overlaps: what `text.matchAll` of the same pattern with the `g` flag finds, when no match can start
 * anywhere else. Matches are never empty here (each holds a digit).
 */
export function* matchesAt(re: RegExp, text: string, at: readonly number[]): Generator<RegExpExecArray> {
  if (!re.sticky) throw new Error(`matchesAt: /${re.source}/ must have the y flag`);
  let from = 0;
  for (const p of at) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    from = p + Math.max(1, m[0].length);
    yield m;
  }
}
