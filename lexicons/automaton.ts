import type { Atom, Element } from './pattern.js';
import type { Token } from './tokenize.js';
import { KIND_NUMBER, KIND_PUNCT, KIND_WORD, streamOf } from './token-stream.js';
import type { TokenStream } from './token-stream.js';

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
  /** Literal edges by word id (see TokenAutomaton.wordIds). */
  lit: Map<number, Node[]> | null;
  /**
   * Bit (id mod 32) of each word id in `lit`: most live states have no edge for the current word (6 lookups in
   * 7 fail on news text), and a clear bit says so without the Map lookup.
   */
  litMask: number;
  pre: PrefixNode | null;
  num: Node[] | null;
  cap: Node[] | null;
  gaps: Array<{ max: number; node: Node }> | null;
  accepts: number[] | null;
  /** Memoised transitions by folded token (nodes with prefix edges): one lookup per step. */
  memo: Map<string, Node[]> | null;
}

/** What one folded token form means to the automaton, looked up once per token (see TokenAutomaton.tokenEntry). */
interface TokenEntry {
  /** The form's word id, -1 when no literal edge names it (then no state needs a literal lookup). */
  id: number;
  /** The root's transitions on the form, #cap aside. */
  rootNext: Node[];
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


/**
 * Patterns are added without expanding their alternatives: a pattern becomes a small DAG (alternatives
 * of a group meet again in one join node), so its size is linear in the pattern's length. Nodes reached by
 * a single edge from the root chain ("tree" nodes) are shared between patterns that start alike, which
 * makes the first tokens of thousands of entries one hash lookup.
 */
const MEMO_MAX = 50_000;

/** A word id's bit in Node.litMask. */
function litBit(id: number): number {
  return 1 << (id & 31);
}

export class TokenAutomaton {
  readonly root: Node;
  private nodeCount = 0;
  private readonly numberWords: ReadonlySet<string>;
  /**
   * Every word that labels a literal edge, numbered. Matching looks a token's form up here once and then
   * follows literal edges by integer (a string Map lookup per live state was half the matching time).
   */
  private readonly wordIds = new Map<string, number>();
  /** Per folded form: its word id and the root's transitions (cleared when a pattern is added). */
  private readonly tokenEntries = new Map<string, TokenEntry>();
  // reusable match buffers (matching is synchronous, so one set per automaton is enough)
  private stamp = new Int32Array(0);
  private slot = new Int32Array(0);
  private epoch = 0;
  /** Nodes holding a memo, to clear them when a pattern is added. */
  private readonly memoised = new Set<Node>();
  private readonly multi = new Map<number, number>();
  private readonly bufA: Node[] = [];
  private readonly bufB: Node[] = [];
  private readonly startA: number[] = [];
  private readonly startB: number[] = [];
  private readonly budgetA: number[] = [];
  private readonly budgetB: number[] = [];

  constructor(numberWords: ReadonlySet<string>) {
    this.numberWords = numberWords;
    this.root = this.newNode(true);
  }

  /** Number of states (nodes). */
  get size(): number {
    return this.nodeCount;
  }

  private newNode(tree: boolean): Node {
    return { id: this.nodeCount++, tree, lit: null, litMask: 0, pre: null, num: null, cap: null, gaps: null, accepts: null, memo: null };
  }

  /** The list of targets of `from` on `atom`, created when absent. */
  private edge(from: Node, atom: Atom): Node[] {
    switch (atom.kind) {
      case 'word': {
        let id = this.wordIds.get(atom.value);
        if (id === undefined) this.wordIds.set(atom.value, (id = this.wordIds.size));
        from.lit ??= new Map();
        from.litMask |= litBit(id);
        let list = from.lit.get(id);
        if (!list) from.lit.set(id, (list = []));
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
    for (const n of this.memoised) n.memo = null;
    this.memoised.clear();
    this.tokenEntries.clear();
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

  private isNumber(norm: string, kind: number): boolean {
    return kind === KIND_NUMBER || this.numberWords.has(norm);
  }

  /** Nodes `node` reaches on this token, #cap aside (that one depends on case, not on the folded form). */
  private transitions(node: Node, norm: string, kind: number, id: number): Node[] {
    const out: Node[] = [];
    const list = id >= 0 && (node.litMask & litBit(id)) !== 0 ? node.lit?.get(id) : undefined;
    if (list) out.push(...list);
    if (node.pre !== null && kind === KIND_WORD) {
      let p: PrefixNode | undefined = node.pre;
      for (let k = 0; k < norm.length && p; k++) {
        p = p.next?.get(norm[k]!);
        if (p?.targets) out.push(...p.targets);
      }
    }
    if (node.num !== null && this.isNumber(norm, kind)) out.push(...node.num);
    return out;
  }

  /** Memoised transitions (the token's folded form decides them, #cap aside; a number's form is its kind). */
  private memoTransitions(node: Node, norm: string, kind: number, id: number): Node[] {
    const memo = (node.memo ??= new Map());
    let next = memo.get(norm);
    if (next === undefined) {
      next = this.transitions(node, norm, kind, id);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(norm, next);
      this.memoised.add(node);
    }
    return next;
  }

  /** The form's word id and root transitions (the root's depend only on the folded token, #cap aside). */
  private tokenEntry(norm: string, kind: number): TokenEntry {
    let entry = this.tokenEntries.get(norm);
    if (entry === undefined) {
      const id = this.wordIds.get(norm) ?? -1;
      entry = { id, rootNext: this.transitions(this.root, norm, kind, id) };
      if (this.tokenEntries.size >= MEMO_MAX) this.tokenEntries.clear();
      this.tokenEntries.set(norm, entry);
    }
    return entry;
  }

  /** Runs over tokens [from, to) (one sentence); see runRanges. */
  run(tokens: readonly Token[] | TokenStream, from: number, to: number, onHit: (h: RawHit) => void, stats?: MatchStats): void {
    const stream = Array.isArray(tokens) ? streamOf(tokens as readonly Token[]) : (tokens as TokenStream);
    this.runRanges(stream, [[from, to]], (target, tokenStart, tokenEnd) => onHit({ target, tokenStart, tokenEnd }), stats);
  }

  /**
   * Runs over each token range (one per sentence: no match crosses a range end) and calls
   * `onHit(target, tokenStart, tokenEnd, rangeIndex)` for every accepted pattern end.
   * State dedup uses per-node epoch stamps, so a step allocates nothing.
   */
  runRanges(
    tokens: TokenStream,
    ranges: ReadonlyArray<readonly [number, number]>,
    onHit: (target: number, tokenStart: number, tokenEnd: number, range: number) => void,
    stats?: MatchStats,
  ): void {
    if (this.stamp.length < this.nodeCount) {
      this.stamp = new Int32Array(this.nodeCount);
      this.slot = new Int32Array(this.nodeCount);
      this.epoch = 0;
    }
    const stamp = this.stamp;
    const slot = this.slot;
    let curN = this.bufA;
    let curS = this.startA;
    let curB = this.budgetA;
    let nextN = this.bufB;
    let nextS = this.startB;
    let nextB = this.budgetB;
    let curLen = 0;
    let nextLen = 0;
    let epoch = this.epoch;
    let steps = 0;
    let maxStates = 0;
    let range = 0;
    const root = this.root;
    const multi = this.multi;
    let multiEpoch = -1;

    const push = (node: Node, start: number, budget: number, end: number): void => {
      const id = node.id;
      if (stamp[id] === epoch) {
        // the node already has a state this step: same start → merge; other starts → a small side table
        let k = slot[id]!;
        if (nextS[k] !== start) {
          const key = id * 256 + (start & 255); // live starts lie within 2 × MAX_SPAN < 256 tokens
          if (multiEpoch !== epoch) {
            multi.clear();
            multiEpoch = epoch;
          }
          const at = multi.get(key);
          if (at === undefined) {
            multi.set(key, nextLen);
            k = -1;
          } else k = at;
        }
        if (k >= 0) {
          if (nextB[k]! < budget) nextB[k] = budget;
          return;
        }
      } else {
        stamp[id] = epoch;
        slot[id] = nextLen;
      }
      nextN[nextLen] = node;
      nextS[nextLen] = start;
      nextB[nextLen] = budget;
      nextLen++;
      if (end < 0) return; // a skipped token inside a gap: nothing new was matched
      if (node.accepts) for (const target of node.accepts) onHit(target, start, end, range);
      if (node.gaps) for (const g of node.gaps) push(g.node, start, 2 * g.max, end);
    };

    const { norms, kinds, caps } = tokens;
    const advance = (node: Node, start: number, norm: string, kind: number, id: number, cap: number, end: number): void => {
      if (node.pre !== null) {
        const next = this.memoTransitions(node, norm, kind, id);
        for (let k = 0; k < next.length; k++) push(next[k]!, start, 0, end);
      } else {
        if (id >= 0 && (node.litMask & litBit(id)) !== 0 && node.lit !== null) {
          const list = node.lit.get(id);
          if (list) for (const c of list) push(c, start, 0, end);
        }
        if (node.num !== null && this.isNumber(norm, kind)) for (const c of node.num) push(c, start, 0, end);
      }
      if (node.cap !== null && cap === 1) for (const c of node.cap) push(c, start, 0, end);
    };

    for (range = 0; range < ranges.length; range++) {
      const [from, to] = ranges[range]!;
      curLen = 0;
      for (let i = from; i < to; i++) {
        const norm = norms[i]!;
        const kind = kinds[i]!;
        const cap = caps[i]!;
        if (++epoch >= 0x7fffffff) {
          stamp.fill(0);
          epoch = 1;
        }
        nextLen = 0;
        steps++;
        const entry = this.tokenEntry(norm, kind);
        const id = entry.id;
        const rootNext = entry.rootNext;
        for (let k = 0; k < rootNext.length; k++) push(rootNext[k]!, i, 0, i + 1);
        if (root.cap !== null && cap === 1) for (const c of root.cap) push(c, i, 0, i + 1);
        for (let s = 0; s < curLen; s++) {
          const node = curN[s]!;
          const start = curS[s]!;
          steps++;
          advance(node, start, norm, kind, id, cap, i + 1);
          // skipping a word costs 2, a punctuation mark 1: `~N` spans N words plus the commas between them
          const b = curB[s]! - (kind === KIND_PUNCT ? 1 : 2);
          if (b >= 0) push(node, start, b, -1);
        }
        if (nextLen > maxStates) maxStates = nextLen;
        const tn = curN;
        curN = nextN;
        nextN = tn;
        const ts = curS;
        curS = nextS;
        nextS = ts;
        const tb = curB;
        curB = nextB;
        nextB = tb;
        curLen = nextLen;
      }
    }
    this.epoch = epoch;
    if (stats) {
      stats.steps += steps;
      if (maxStates > stats.maxStates) stats.maxStates = maxStates;
    }
  }
}
