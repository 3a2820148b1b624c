import { describe, expect, it } from 'vitest';
import { digitAnchors, digitRuns, matchesAt } from '../../../extractors/values/anchored.js';

describe('digitAnchors', () => {
  it('lists each position once, ascending, that has a digit the given distance ahead', () => {
    expect(digitAnchors('ab1cd23', 0, 0)).toEqual([2, 5, 6]);
    expect(digitAnchors('ab1cd23', 1, 2)).toEqual([0, 1, 3, 4, 5]);
    expect(digitAnchors('9', 1, 4)).toEqual([]);
    expect(digitAnchors('no digits here', 0, 3)).toEqual([]);
  });

  it('with firstDigit, anchors only at the first digit of each run', () => {
    expect(digitAnchors('ab12c345', 0, 0, true)).toEqual([2, 5]);
    expect(digitAnchors('ab12c345', 1, 2, true)).toEqual([0, 1, 3, 4]);
  });
});

describe('digitRuns', () => {
  it('gives each run of ASCII digits as start and end, for the text asked about', () => {
    expect(digitRuns('ab12c3')).toEqual([2, 4, 5, 6]);
    expect(digitRuns('٣ 2024-05 x')).toEqual([2, 6, 7, 9]);
    expect(digitRuns('none')).toEqual([]);
    expect(digitRuns('ab12c3')).toEqual([2, 4, 5, 6]);
  });
});

describe('matchesAt', () => {
  const global = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, re.flags.replace('y', '') + 'g'))].map((m) => [m.index, m[0]]);
  const sticky = (re: RegExp, text: string, at: number[]) => [...matchesAt(re, text, at)].map((m) => [m.index, m[0]]);

  it('finds what a global scan finds when the anchors cover every possible start', () => {
    const re = /(?:US\$|\$|R\$)\s?\d[\d.,]*/iuy;
    const text = 'pagó US$ 500, luego $20 y R$3.000,50; us$7 😀$9 $$5';
    expect(sticky(re, text, digitAnchors(text, 1, 4))).toEqual(global(re, text));
  });

  it('does not report a match that overlaps the previous one', () => {
    const re = /\d+ \d+/y;
    expect(sticky(re, '1 2 3 4', digitAnchors('1 2 3 4', 0, 0))).toEqual([[0, '1 2'], [4, '3 4']]);
  });

  it('refuses a regex without the sticky flag (it would search past the anchor)', () => {
    expect(() => [...matchesAt(/\d/g, '1', [0])]).toThrow(/y flag/);
  });
});
