import type { Atom, Element } from './pattern.js';
import type { Token } from './tokenize.js';

/**
 * A token-level trie automaton over pattern paths. Literal edges are hash lookups, suffix wildcards walk a
 * character trie of prefixes, `~N` gaps are bounded skip budgets (N words; punctuation costs half a word). Matching keeps a set of (node, start)
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
  /** Reached by exactly one edge from a tree node: safe to share between patterns with the same prefix. */
  readonly tree: boolean;
  lit: Map<string, Node[]> | null;
  pre: PrefixNode | null;
  num: Node[] | null;
  cap: Node[] | null;
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

/** Window of token starts a live state can have; every pattern spans fewer tokens (MAX_SPAN) than this. */
const START_WINDOW = 1024;

/**
 * Patterns are added without expanding their alternatives: a pattern becomes a small DAG (alternatives
 * of a group meet again in one join node), so its size is linear in the pattern's length. Nodes reached by
 * a single edge from the root chain ("tree" nodes) are shared between patterns that start alike, which
 * makes the first tokens of thousands of entries one hash lookup.
 */
export class TokenAutomaton {
  readonly root: Node;
  private nodeCount = 0;
  private readonly numberWords: ReadonlySet<string>;

  constructor(numberWords: ReadonlySet<string>) {
    this.numberWords = numberWords;
    this.root = this.newNode(true);
  }

  /** Number of states (nodes). */
  get size(): number {
    return this.nodeCount;
  }

  private newNode(tree: boolean): Node {
    return { id: this.nodeCount++, tree, lit: null, pre: null, num: null, cap: null, gaps: null, accepts: null };
  }

  /** The list of targets of `from` on `atom`, created when absent. */
  private edge(from: Node, atom: Atom): Node[] {
    switch (atom.kind) {
      case 'word': {
        from.lit ??= new Map();
        let list = from.lit.get(atom.value);
        if (!list) from.lit.set(atom.value, (list = []));
        return list;
      }
      case 'prefix': {
        let p = (from.pre ??= { next: null, targets: null });
        for (const ch of atom.value) {
          p.next ??= new Map();
          let q = p.next.get(ch);
          if (!q) p.next.set(ch, (q = { next: null, targets: null }));
          p = q;
        }
        return (p.targets ??= []);
      }
      case 'num':
        return (from.num ??= []);
      case 'cap':
        return (from.cap ??= []);
    }
  }

  /** Follows `atom` from the frontier; shares tree children when the frontier is one tree node. */
  private step(frontier: Node[], atom: Atom): Node[] {
    const only = frontier.length === 1 ? frontier[0]! : null;
    if (only && only.tree) {
      const list = this.edge(only, atom);
      let child = list.find((n) => n.tree);
      if (!child) list.push((child = this.newNode(true)));
      return [child];
    }
    const join = this.newNode(false);
    for (const f of frontier) this.edge(f, atom).push(join);
    return [join];
  }

  private seq(frontier: Node[], atoms: Atom[]): Node[] {
    let f = frontier;
    for (const a of atoms) f = this.step(f, a);
    return f;
  }

  /** Adds one parsed pattern (see pattern.ts) that accepts `target`. */
  add(elements: Element[], target: number): void {
    let frontier: Node[] = [this.root];
    for (const el of elements) {
      if (el.kind === 'gap') {
        // a gap after an optional start: the root stays (zero tokens were matched, so no gap is needed)
        const next: Node[] = frontier.filter((n) => n === this.root);
        const from = frontier.filter((n) => n !== this.root);
        if (from.length === 1 && from[0]!.tree) {
          const f = from[0]!;
          f.gaps ??= [];
          let g = f.gaps.find((x) => x.max === el.max && x.node.tree);
          if (!g) f.gaps.push((g = { max: el.max, node: this.newNode(true) }));
          next.push(g.node);
        } else if (from.length > 0) {
          const gnode = this.newNode(false);
          for (const f of from) (f.gaps ??= []).push({ max: el.max, node: gnode });
          next.push(gnode);
        }
        frontier = next;
        continue;
      }
      const ends: Node[] = el.optional ? [...frontier] : [];
      const options = el.kind === 'seq' ? [el.atoms] : el.alts;
      for (const o of options) for (const n of this.seq(frontier, o)) if (!ends.includes(n)) ends.push(n);
      frontier = ends;
    }
    for (const node of frontier) {
      if (node === this.root) continue;
      node.accepts ??= [];
      if (!node.accepts.includes(target)) node.accepts.push(target);
    }
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
      if (node.gaps) for (const g of node.gaps) push(g.node, start, 2 * g.max, end);
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
          const list = node.lit.get(tok.norm);
          if (list) for (const c of list) push(c, start, 0, i + 1);
        }
        if (node.pre && tok.kind === 'word') {
          let p: PrefixNode | undefined = node.pre;
          const norm = tok.norm;
          for (let k = 0; k < norm.length && p; k++) {
            p = p.next?.get(norm[k]!);
            if (p?.targets) for (const t of p.targets) push(t, start, 0, i + 1);
          }
        }
        if (node.num && this.isNumber(tok)) for (const c of node.num) push(c, start, 0, i + 1);
        if (node.cap && tok.kind === 'word' && isCapitalised(tok.text)) for (const c of node.cap) push(c, start, 0, i + 1);
        // skipping a word costs 2, a punctuation mark 1: `~N` spans N words plus the commas between them
        const b = curBudgets[s]! - (tok.kind === 'punct' ? 1 : 2);
        if (b >= 0) push(node, start, b, -1);
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
