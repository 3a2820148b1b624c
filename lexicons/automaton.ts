import type { PathStep } from './pattern.js';
import type { Token } from './tokenize.js';

/**
 * A token-level trie automaton over pattern paths. Literal edges are hash lookups, suffix wildcards walk a
 * character trie of prefixes, `~N` gaps are bounded skip budgets. Matching keeps a set of (node, start)
 * states deduplicated per token, so the work per token is bounded by (trie nodes × longest pattern span)
 * whatever the patterns are: time is linear in the text length, with no backtracking.
 */

interface PrefixNode {
  next: Map<string, PrefixNode> | null;
  /** Automaton nodes reached when a token starts with the prefix ending here. */
  targets: Node[] | null;
}

export interface Node {
  readonly id: number;
  lit: Map<string, Node> | null;
  pre: PrefixNode | null;
  num: Node | null;
  cap: Node | null;
  gaps: Array<{ max: number; node: Node }> | null;
  accepts: number[] | null;
}

export interface RawHit {
  /** Index of the target (what `add()` was given). */
  target: number;
  /** Token indexes, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
}

export interface MatchStats {
  /** State expansions performed (a machine-independent measure of work). */
  steps: number;
  /** Largest number of live states after any token. */
  maxStates: number;
}

/** Window of token starts a live state can have; every path spans fewer tokens than this. */
const START_WINDOW = 1024;

export class TokenAutomaton {
  readonly root: Node;
  private nodeCount = 0;
  private readonly numberWords: ReadonlySet<string>;

  constructor(numberWords: ReadonlySet<string>) {
    this.numberWords = numberWords;
    this.root = this.newNode();
  }

  get size(): number {
    return this.nodeCount;
  }

  private newNode(): Node {
    return { id: this.nodeCount++, lit: null, pre: null, num: null, cap: null, gaps: null, accepts: null };
  }

  /** Adds one expanded path that accepts `target`. */
  add(path: PathStep[], target: number): void {
    let node = this.root;
    for (const step of path) {
      switch (step.kind) {
        case 'word': {
          node.lit ??= new Map();
          let c = node.lit.get(step.value);
          if (!c) node.lit.set(step.value, (c = this.newNode()));
          node = c;
          break;
        }
        case 'prefix': {
          let p = (node.pre ??= { next: null, targets: null });
          for (const ch of step.value) {
            p.next ??= new Map();
            let q = p.next.get(ch);
            if (!q) p.next.set(ch, (q = { next: null, targets: null }));
            p = q;
          }
          // one automaton node per (parent, prefix)
          p.targets ??= [this.newNode()];
          node = p.targets[0]!;
          break;
        }
        case 'num':
          node = node.num ??= this.newNode();
          break;
        case 'cap':
          node = node.cap ??= this.newNode();
          break;
        case 'gap': {
          node.gaps ??= [];
          let g = node.gaps.find((x) => x.max === step.max);
          if (!g) node.gaps.push((g = { max: step.max, node: this.newNode() }));
          node = g.node;
          break;
        }
      }
    }
    node.accepts ??= [];
    if (!node.accepts.includes(target)) node.accepts.push(target);
  }

  private isNumber(t: Token): boolean {
    return t.kind === 'number' || this.numberWords.has(t.norm);
  }

  /**
   * Runs over tokens [from, to) (one sentence) and calls `onHit` for every accepted path end.
   * `stats` (optional) accumulates the work done.
   */
  run(tokens: readonly Token[], from: number, to: number, onHit: (h: RawHit) => void, stats?: MatchStats): void {
    let curNodes: Node[] = [];
    let curStarts: number[] = [];
    let curBudgets: number[] = [];
    let nextNodes: Node[] = [];
    let nextStarts: number[] = [];
    let nextBudgets: number[] = [];
    const index = new Map<number, number>();
    let steps = 0;
    let maxStates = 0;

    const push = (node: Node, start: number, budget: number, end: number): void => {
      const key = node.id * START_WINDOW + (start % START_WINDOW);
      const at = index.get(key);
      if (at !== undefined) {
        if (nextBudgets[at]! < budget) nextBudgets[at] = budget;
        return;
      }
      index.set(key, nextNodes.length);
      nextNodes.push(node);
      nextStarts.push(start);
      nextBudgets.push(budget);
      if (end < 0) return; // a skipped token inside a gap: nothing new was matched
      if (node.accepts) for (const target of node.accepts) onHit({ target, tokenStart: start, tokenEnd: end });
      if (node.gaps) for (const g of node.gaps) push(g.node, start, g.max, end);
    };

    for (let i = from; i < to; i++) {
      const tok = tokens[i]!;
      index.clear();
      nextNodes.length = 0;
      nextStarts.length = 0;
      nextBudgets.length = 0;
      curNodes.push(this.root);
      curStarts.push(i);
      curBudgets.push(0);
      const live = curNodes.length;
      for (let s = 0; s < live; s++) {
        const node = curNodes[s]!;
        const start = curStarts[s]!;
        steps++;
        if (node.lit) {
          const c = node.lit.get(tok.norm);
          if (c) push(c, start, 0, i + 1);
        }
        if (node.pre && tok.kind === 'word') {
          let p: PrefixNode | undefined = node.pre;
          const norm = tok.norm;
          for (let k = 0; k < norm.length && p; k++) {
            p = p.next?.get(norm[k]!);
            if (p?.targets) for (const t of p.targets) push(t, start, 0, i + 1);
          }
        }
        if (node.num && this.isNumber(tok)) push(node.num, start, 0, i + 1);
        if (node.cap && tok.kind === 'word' && isCapitalised(tok.text)) push(node.cap, start, 0, i + 1);
        const b = curBudgets[s]!;
        if (b > 0) push(node, start, b - 1, -1);
      }
      if (nextNodes.length > maxStates) maxStates = nextNodes.length;
      [curNodes, nextNodes] = [nextNodes, curNodes];
      [curStarts, nextStarts] = [nextStarts, curStarts];
      [curBudgets, nextBudgets] = [nextBudgets, curBudgets];
    }
    if (stats) {
      stats.steps += steps;
      if (maxStates > stats.maxStates) stats.maxStates = maxStates;
    }
  }
}

function isCapitalised(s: string): boolean {
  const ch = s[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
