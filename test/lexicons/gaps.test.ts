import { describe, it, expect } from 'vitest';
import { compilePattern, numberWords, tokenize, TokenAutomaton } from '../../lexicons/index.js';

/**
 * States waiting inside a `~N` gap are kept aside while they wait (automaton.ts, parked states), with their budget
 * turned into a deadline on the running skip cost. These cases pin where a gap ends (a word costs 2, a punctuation
 * mark 1), gaps after gaps, gaps before alternatives, prefixes, #num and #cap, an optional start, and repeated starts;
 * the expected hits are what the automaton reported before gap states were parked.
 */
const PATTERNS = ['aaa ~2 bbb', 'aaa ~1 ~1 ccc', '(aaa|ddd) ~3 (bbb|eee) ~2 fff', 'aaa ~2 ccc*', 'ggg? ~2 bbb', 'aaa ~2 #num', 'aaa ~2 #cap'];

/** Text, then its hits as target:tokenStart-tokenEnd, sorted. */
const CASES: Array<[string, string[]]> = [
  ['aaa bbb', ['0:0-2', '4:1-2']],
  ['aaa x bbb', ['0:0-3', '4:2-3']],
  ['aaa x y bbb', ['0:0-4', '4:3-4']],
  ['aaa x y z bbb', ['4:4-5']],
  ['aaa x , bbb', ['0:0-4', '4:3-4']],
  ['aaa x , y bbb', ['4:4-5']],
  ['aaa , , , , bbb', ['0:0-6', '4:5-6']],
  ['aaa aaa x y bbb bbb', ['0:1-5', '4:4-5', '4:5-6']],
  ['ddd x eee y z fff', ['2:0-6']],
  ['aaa x bbb q fff aaa ccc', ['0:0-3', '1:5-7', '2:0-5', '3:5-7', '4:2-3']],
  ['aaa x cccp', ['3:0-3']],
  ['ggg x bbb', ['4:0-3', '4:2-3']],
  ['x bbb', ['4:1-2']],
  ['aaa x 7', ['5:0-3']],
  ['aaa x Lima', ['6:0-3']],
  ['aaa x y, z Lima bbb', ['4:6-7']],
];

describe('gap states', () => {
  it.each(CASES)('%s', (text, expected) => {
    const a = new TokenAutomaton(numberWords(['es']));
    PATTERNS.forEach((p, i) => a.add(compilePattern(p), i));
    const tokens = tokenize(text);
    const hits: string[] = [];
    a.run(tokens, 0, tokens.length, (h) => hits.push(`${h.target}:${h.tokenStart}-${h.tokenEnd}`));
    expect(hits.sort()).toEqual(expected);
  });
});
