import type { Atom, Element } from './pattern.js';
import type { Token } from './tokenize.js';
import { buildTables, findLiteral, HAS_ACCEPTS, HAS_CAP, HAS_GAPS, HAS_NUM, HAS_PRE } from './automaton-tables.js';
import type { AutomatonTables } from './automaton-tables.js';
import { formGeneration, normCount } from './forms.js';
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
  /** Memoised transitions (node ids) by norm id (forms.ts; nodes with prefix edges): one lookup per step. */
  memo: Map<number, Int32Array> | null;
}

/**
 * What one folded token form means to the automaton, learnt the first time the form is seen (TokenAutomaton.learnForm),
 * FORM_FIELDS numbers per norm id in TokenAutomaton.formInfo: its word id (-1 when no literal edge names it, then no
 * state needs a literal lookup; UNSEEN before it is learnt), 1 when it is a number (digits or a number word: `#num`
 * edges take it), and the range of its root transitions (#cap aside) in TokenAutomaton.rootTargets.
 */
const FORM_FIELDS = 4;
const UNSEEN = -2;

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
  /**
   * Per norm id (forms.ts), what the form means here (see FORM_FIELDS): flat arrays indexed by id, so a token costs
   * no string hashing and one or two cache lines. Cleared when a pattern is added or the form table starts its ids
   * again (`entriesGeneration`).
   */
  private formInfo = new Int32Array(0);
  private rootTargets = new Int32Array(1024);
  private rootTargetsUsed = 0;
  private entriesGeneration = -1;
  // reusable match buffers (matching is synchronous, so one set per automaton is enough)
  private stamp = new Int32Array(0);
  private slot = new Int32Array(0);
  private epoch = 0;
  /** Nodes holding a memo, to clear them when a pattern is added. */
  private readonly memoised = new Set<Node>();
  private readonly multi = new Map<number, number>();
  /** Nodes by id (the compiler's objects); `tables` is their flat form for matching, rebuilt after `add()`. */
  private readonly nodes: Node[] = [];
  private tables: AutomatonTables | null = null;
  // live states (node id, start token, gap budget), two generations that swap at each token
  private bufA: Int32Array = new Int32Array(256);
  private bufB: Int32Array = new Int32Array(256);
  private startA: Int32Array = new Int32Array(256);
  private startB: Int32Array = new Int32Array(256);
  private budgetA: Int32Array = new Int32Array(256);
  private budgetB: Int32Array = new Int32Array(256);

  constructor(numberWords: ReadonlySet<string>) {
    this.numberWords = numberWords;
    this.root = this.newNode(true);
  }

  /** Number of states (nodes). */
  get size(): number {
    return this.nodeCount;
  }

  private newNode(tree: boolean): Node {
    const node: Node = { id: this.nodeCount++, tree, lit: null, litMask: 0, pre: null, num: null, cap: null, gaps: null, accepts: null, memo: null };
    this.nodes.push(node);
    return node;
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
    this.clearFormCaches();
    this.tables = null;
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

  /** Forgets everything cached per form (a pattern was added, or norm ids were reassigned). */
  private clearFormCaches(): void {
    for (const n of this.memoised) n.memo = null;
    this.memoised.clear();
    this.formInfo = new Int32Array(0);
    this.rootTargetsUsed = 0;
    this.entriesGeneration = formGeneration();
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
  private memoTransitions(nodeId: number, norm: string, kind: number, id: number, form: number): Int32Array {
    const node = this.nodes[nodeId]!;
    const memo = (node.memo ??= new Map());
    let next = memo.get(form);
    if (next === undefined) {
      next = Int32Array.from(this.transitions(node, norm, kind, id), (n) => n.id);
      if (memo.size >= MEMO_MAX) memo.clear();
      memo.set(form, next);
      this.memoised.add(node);
    }
    return next;
  }

  /** Makes room in formInfo for every norm id given so far; new forms are UNSEEN. */
  private sizeFormInfo(): void {
    const need = FORM_FIELDS * normCount();
    if (this.formInfo.length >= need) return;
    const info = new Int32Array(Math.max(need, 2 * this.formInfo.length)).fill(UNSEEN);
    info.set(this.formInfo);
    this.formInfo = info;
  }

  /** Fills formInfo for `form` (the root's transitions depend only on the folded token, #cap aside). */
  private learnForm(form: number, norm: string, kind: number): void {
    const id = this.wordIds.get(norm) ?? -1;
    const next = this.transitions(this.root, norm, kind, id);
    if (this.rootTargetsUsed + next.length > this.rootTargets.length) {
      const bigger = new Int32Array(2 * (this.rootTargets.length + next.length));
      bigger.set(this.rootTargets);
      this.rootTargets = bigger;
    }
    const at = FORM_FIELDS * form;
    this.formInfo[at] = id;
    this.formInfo[at + 1] = this.isNumber(norm, kind) ? 1 : 0;
    this.formInfo[at + 2] = this.rootTargetsUsed;
    for (const n of next) this.rootTargets[this.rootTargetsUsed++] = n.id;
    this.formInfo[at + 3] = this.rootTargetsUsed;
  }

  /** Runs over tokens [from, to) (one sentence); see runRanges. */
  run(tokens: readonly Token[] | TokenStream, from: number, to: number, onHit: (h: RawHit) => void, stats?: MatchStats): void {
    const stream = Array.isArray(tokens) ? streamOf(tokens as readonly Token[]) : (tokens as TokenStream);
    this.runRanges(stream, [[from, to]], (target, tokenStart, tokenEnd) => onHit({ target, tokenStart, tokenEnd }), stats);
  }

  /**
   * Runs over each token range (one per sentence: no match crosses a range end) and calls
   * `onHit(target, tokenStart, tokenEnd, rangeIndex)` for every accepted pattern end.
   * State dedup uses per-node epoch stamps, and states are node ids in typed arrays (see automaton-tables.ts), so a
   * step allocates nothing.
   */
  runRanges(
    tokens: TokenStream,
    ranges: ReadonlyArray<readonly [number, number]>,
    onHit: (target: number, tokenStart: number, tokenEnd: number, range: number) => void,
    stats?: MatchStats,
  ): void {
    if (this.entriesGeneration !== formGeneration()) this.clearFormCaches();
    this.sizeFormInfo();
    const formInfo = this.formInfo;
    const t = (this.tables ??= buildTables(this.nodes));
    if (this.stamp.length < this.nodeCount) {
      this.stamp = new Int32Array(this.nodeCount);
      this.slot = new Int32Array(this.nodeCount);
      this.epoch = 0;
    }
    const stamp = this.stamp;
    const slot = this.slot;
    const { flags, litMask } = t;
    const litTargetStart = t.litTargets.start;
    const litTargets = t.litTargets.items;
    const numStart = t.num.start;
    const numTargets = t.num.items;
    const capStart = t.cap.start;
    const capTargets = t.cap.items;
    const acceptStart = t.accepts.start;
    const accepts = t.accepts.items;
    const gapStart = t.gaps.start;
    const gapTargets = t.gaps.items;
    const gapBudget = t.gapBudget;
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
    const root = this.root.id;
    const multi = this.multi;
    let multiEpoch = -1;

    const growNext = (): void => {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(2 * a.length);
        b.set(a);
        return b;
      };
      nextN = grow(nextN);
      nextS = grow(nextS);
      nextB = grow(nextB);
    };

    const push = (id: number, start: number, budget: number, end: number): void => {
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
      if (nextLen === nextN.length) growNext();
      nextN[nextLen] = id;
      nextS[nextLen] = start;
      nextB[nextLen] = budget;
      nextLen++;
      if (end < 0) return; // a skipped token inside a gap: nothing new was matched
      const f = flags[id]!;
      if ((f & HAS_ACCEPTS) !== 0) for (let k = acceptStart[id]!, e = acceptStart[id + 1]!; k < e; k++) onHit(accepts[k]!, start, end, range);
      if ((f & HAS_GAPS) !== 0) for (let k = gapStart[id]!, e = gapStart[id + 1]!; k < e; k++) push(gapTargets[k]!, start, gapBudget[k]!, end);
    };

    const { norms, kinds, caps, ids } = tokens;
    const advance = (id: number, start: number, norm: string, kind: number, word: number, isNum: number, form: number, cap: number, end: number): void => {
      const f = flags[id]!;
      if ((f & HAS_PRE) !== 0) {
        const next = this.memoTransitions(id, norm, kind, word, form);
        for (let k = 0; k < next.length; k++) push(next[k]!, start, 0, end);
      } else {
        if (word >= 0 && (litMask[id]! & litBit(word)) !== 0) {
          const j = findLiteral(t, id, word);
          if (j >= 0) for (let k = litTargetStart[j]!, e = litTargetStart[j + 1]!; k < e; k++) push(litTargets[k]!, start, 0, end);
        }
        if ((f & HAS_NUM) !== 0 && isNum === 1) for (let k = numStart[id]!, e = numStart[id + 1]!; k < e; k++) push(numTargets[k]!, start, 0, end);
      }
      if ((f & HAS_CAP) !== 0 && cap === 1) for (let k = capStart[id]!, e = capStart[id + 1]!; k < e; k++) push(capTargets[k]!, start, 0, end);
    };
    const rootCap = (flags[root]! & HAS_CAP) !== 0;

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
        const form = ids[i]!;
        const at = FORM_FIELDS * form;
        if (formInfo[at] === UNSEEN) this.learnForm(form, norm, kind);
        const word = formInfo[at]!;
        const isNum = formInfo[at + 1]!;
        const rootTargets = this.rootTargets;
        for (let k = formInfo[at + 2]!, e = formInfo[at + 3]!; k < e; k++) push(rootTargets[k]!, i, 0, i + 1);
        if (rootCap && cap === 1) for (let k = capStart[root]!, e = capStart[root + 1]!; k < e; k++) push(capTargets[k]!, i, 0, i + 1);
        for (let s = 0; s < curLen; s++) {
          const id = curN[s]!;
          const start = curS[s]!;
          steps++;
          advance(id, start, norm, kind, word, isNum, form, cap, i + 1);
          // skipping a word costs 2, a punctuation mark 1: `~N` spans N words plus the commas between them
          const b = curB[s]! - (kind === KIND_PUNCT ? 1 : 2);
          if (b >= 0) push(id, start, b, -1);
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
    // keep the (possibly grown) buffers for the next text
    this.bufA = curN;
    this.startA = curS;
    this.budgetA = curB;
    this.bufB = nextN;
    this.startB = nextS;
    this.budgetB = nextB;
    this.epoch = epoch;
    if (stats) {
      stats.steps += steps;
      if (maxStates > stats.maxStates) stats.maxStates = maxStates;
    }
  }
}
