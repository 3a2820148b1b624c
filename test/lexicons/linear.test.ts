import { describe, it, expect } from 'vitest';
import { compilePattern, MAX_SPAN, numberWords, tokenize, TokenAutomaton } from '../../lexicons/index.js';
import type { MatchStats } from '../../lexicons/index.js';

/** Patterns written to blow up a backtracking matcher: nested-looking optionals, gaps, wildcards on one word. */
const PATHOLOGICAL = [
  'aaa ~8 aaa ~8 aaa ~8 aaa ~8 aaa ~8 aaa ~8 zzz',
  '(aaa|aaa aaa|aaa aaa aaa)? aaa ~8 (aaa|bbb) ~8 aaa* ~8 zzz',
  'aaa* aaa? aaa? aaa? aaa? aaa? aaa? aaa? aaa? zzz',
  '(aaa|aab|aaa aaa aaa aaa aaa aaa aaa aaa) ~8 (aaa|aaa aaa aaa aaa) ~8 #num ~8 zzz',
];

function run(patterns: string[], words: number): { stats: MatchStats; size: number; hits: number } {
  const a = new TokenAutomaton(numberWords(['es']));
  patterns.forEach((p, i) => a.add(compilePattern(p), i));
  const tokens = tokenize(Array.from({ length: words }, (_, i) => (i % 50 === 49 ? '7' : 'aaa')).join(' '));
  const stats: MatchStats = { steps: 0, maxStates: 0 };
  let hits = 0;
  a.run(tokens, 0, tokens.length, () => hits++, stats);
  return { stats, size: a.size, hits };
}

describe('automaton work is linear in the text length', () => {
  it('keeps the live state set bounded by states × span on pathological patterns', () => {
    const { stats, size } = run(PATHOLOGICAL, 1500);
    expect(stats.maxStates).toBeLessThanOrEqual(size * (2 * MAX_SPAN + 1));
    // and far below that bound in practice: the set does not grow with the input
    expect(run(PATHOLOGICAL, 3000).stats.maxStates).toBe(stats.maxStates);
  });

  it('does twice the work for twice the text (no super-linear blow-up)', () => {
    const a = run(PATHOLOGICAL, 1500).stats.steps;
    const b = run(PATHOLOGICAL, 3000).stats.steps;
    expect(b / a).toBeGreaterThan(1.9);
    expect(b / a).toBeLessThan(2.1);
  });

  it('never reports a hit that needs the absent closing word', () => {
    expect(run(PATHOLOGICAL, 1000).hits).toBe(0);
  });
});
