import type { Atom, Element } from './pattern.js';
import type { Token } from './tokenize.js';
import { buildTables, findLiteral, HAS_ACCEPTS, HAS_CAP, HAS_GAPS, HAS_NUM, HAS_PRE, R_ACC, R_ACC_END, R_FLAGS, R_MASK, R_SLOT, R_STAMP, REC } from './automaton-tables.js';
import type { AutomatonTables } from './automaton-tables.js';
import { formGeneration, normCount, normOf } from './forms.js';
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
/** Marks a stack entry of `collect` as a state skipping its token inside a gap (added to its budget, which stays far below). */
const SKIP = 1 << 30;

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
  private epoch = 0;
  /** Nodes holding a memo, to clear them when a pattern is added. */
  private readonly memoised = new Set<Node>();
  /**
   * Per state of the next generation, the previous state of that generation on the same node (-1: none); slot[id] is
   * the last one. A node rarely holds states of several starts at once, so this short chain is walked instead of a
   * Map keyed by (node, start).
   */
  private chain: Int32Array = new Int32Array(256);
  /** Pending pushes of one step, (node, budget) pairs popped last-in first-out (see collect). */
  private stack: Int32Array = new Int32Array(256);
  /** The hits of the last `collect`: (target, tokenStart, tokenEnd, range) per hit. */
  hitBuf: Int32Array = new Int32Array(1024);
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
   * `onHit(target, tokenStart, tokenEnd, rangeIndex)` for every accepted pattern end, in the order `collect` finds them.
   */
  runRanges(
    tokens: TokenStream,
    ranges: ReadonlyArray<readonly [number, number]>,
    onHit: (target: number, tokenStart: number, tokenEnd: number, range: number) => void,
    stats?: MatchStats,
  ): void {
    const flat = new Int32Array(2 * ranges.length);
    ranges.forEach(([from, to], r) => {
      flat[2 * r] = from;
      flat[2 * r + 1] = to;
    });
    const n = this.collect(tokens, flat, ranges.length, stats);
    const h = this.hitBuf;
    for (let k = 0; k < 4 * n; k += 4) onHit(h[k]!, h[k + 1]!, h[k + 2]!, h[k + 3]!);
  }

  /** A copy of `a` twice as large (or `need` long, if more). */
  private static grown(a: Int32Array, need: number): Int32Array {
    const b = new Int32Array(Math.max(need, 2 * a.length));
    b.set(a);
    return b;
  }

  /**
   * Runs over the token ranges ranges[2r] … ranges[2r + 1] (r < rangeCount; one per sentence: no match crosses a range
   * end) and writes every accepted pattern end to `hitBuf` as (target, tokenStart, tokenEnd, r); returns the number of
   * hits (valid until the next call).
   *
   * Why it is written as one loop: with the state pushes as closures, every variable they shared (the next
   * generation's arrays and length, the epoch) lived in a heap context and was loaded and stored at each push; the
   * hit callback was a call per hit. Here all of it is locals. A push may push the targets of the node's gap edges
   * (recursively); those pending pushes go on a small stack, popped in the order the recursion visited them (each
   * list pushed in reverse), so states and hits come out in exactly the same order as a recursive push would give.
   * State dedup uses per-node epoch stamps, and states are node ids in typed arrays (see automaton-tables.ts), so a
   * step allocates nothing.
   */
  collect(tokens: TokenStream, ranges: Int32Array, rangeCount: number, stats?: MatchStats): number {
    if (this.entriesGeneration !== formGeneration()) this.clearFormCaches();
    this.sizeFormInfo();
    const formInfo = this.formInfo;
    const t = (this.tables ??= buildTables(this.nodes));
    const rec = t.rec;
    const litTargetStart = t.litTargets.start;
    const litTargets = t.litTargets.items;
    const numStart = t.num.start;
    const numTargets = t.num.items;
    const capStart = t.cap.start;
    const capTargets = t.cap.items;
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
    let chain = this.chain;
    let stack = this.stack;
    let hits = this.hitBuf;
    let hitLen = 0;
    let curLen = 0;
    let nextLen = 0;
    let epoch = this.epoch;
    let steps = 0;
    let maxStates = 0;
    const root = this.root.id;
    const rootCap = (rec[REC * root + R_FLAGS]! & HAS_CAP) !== 0;
    const { kinds, caps, ids } = tokens;
    let rootTargets = this.rootTargets;

    for (let range = 0; range < rangeCount; range++) {
      const from = ranges[2 * range]!;
      const to = ranges[2 * range + 1]!;
      curLen = 0;
      for (let i = from; i < to; i++) {
        const kind = kinds[i]!;
        const cap = caps[i]!;
        if (++epoch >= 0x7fffffff) {
          for (let k = R_STAMP; k < rec.length; k += REC) rec[k] = 0;
          epoch = 1;
        }
        nextLen = 0;
        steps++;
        const form = ids[i]!;
        const at = FORM_FIELDS * form;
        if (formInfo[at] === UNSEEN) {
          this.learnForm(form, normOf(form), kind);
          rootTargets = this.rootTargets;
        }
        const word = formInfo[at]!;
        const isNum = formInfo[at + 1]!;
        const end = i + 1;
        // s = -1: the root (a match starting at this token), then each live state
        for (let s = -1; s < curLen; s++) {
          let sp = 0;
          let start: number;
          let id = root;
          if (s < 0) {
            start = i;
            // the pushes go on the stack in reverse: the root's transitions, then its #cap edges, are popped in order
            const rc = rootCap && cap === 1 ? capStart[root + 1]! - capStart[root]! : 0;
            const rs = formInfo[at + 2]!;
            const re = formInfo[at + 3]!;
            if (rc + re - rs === 0) continue;
            if (2 * (rc + re - rs) > stack.length) stack = this.stack = TokenAutomaton.grown(stack, 2 * (rc + re - rs));
            for (let k = capStart[root]! + rc - 1; k >= capStart[root]!; k--) {
              stack[sp++] = capTargets[k]!;
              stack[sp++] = 0;
            }
            for (let k = re - 1; k >= rs; k--) {
              stack[sp++] = rootTargets[k]!;
              stack[sp++] = 0;
            }
          } else {
            id = curN[s]!;
            start = curS[s]!;
            steps++;
            const r = REC * id;
            const f = rec[r + R_FLAGS]!;
            // most states die here: no edge takes this token (the literal mask rules the word out) and no gap budget
            // lets the state skip it; leave before the general case's bookkeeping
            if (
              (f & HAS_PRE) === 0 &&
              (word < 0 || (rec[r + R_MASK]! & litBit(word)) === 0) &&
              ((f & HAS_NUM) === 0 || isNum !== 1) &&
              ((f & HAS_CAP) === 0 || cap !== 1) &&
              curB[s]! < (kind === KIND_PUNCT ? 1 : 2)
            )
              continue;
            // this state's transitions in push order: prefix-node memo, or literal then #num; then #cap
            let capFrom = 0;
            let capTo = 0;
            if ((f & HAS_CAP) !== 0 && cap === 1) {
              capFrom = capStart[id]!;
              capTo = capStart[id + 1]!;
            }
            let memo: Int32Array | null = null;
            let litFrom = 0;
            let litTo = 0;
            let numFrom = 0;
            let numTo = 0;
            if ((f & HAS_PRE) !== 0) memo = this.memoTransitions(id, normOf(form), kind, word, form);
            else {
              if (word >= 0 && (rec[r + R_MASK]! & litBit(word)) !== 0) {
                const j = findLiteral(t, id, word);
                if (j >= 0) {
                  litFrom = litTargetStart[j]!;
                  litTo = litTargetStart[j + 1]!;
                }
              }
              if ((f & HAS_NUM) !== 0 && isNum === 1) {
                numFrom = numStart[id]!;
                numTo = numStart[id + 1]!;
              }
            }
            const count = capTo - capFrom + litTo - litFrom + numTo - numFrom + (memo === null ? 0 : memo.length);
            if (2 * count + 2 > stack.length) stack = this.stack = TokenAutomaton.grown(stack, 2 * count + 2);
            // The state may also skip this token inside a gap (skipping a word costs 2, a punctuation mark 1: `~N` spans
            // N words plus the commas between them). That push goes first, at the bottom of the stack, so it is popped
            // after every transition and gap push of this state, and is marked SKIP: nothing new was matched, so it
            // reports no accepts and follows no gap edges.
            const skipBudget = curB[s]! - (kind === KIND_PUNCT ? 1 : 2);
            if (skipBudget >= 0) {
              stack[sp++] = id;
              stack[sp++] = skipBudget | SKIP;
            }
            for (let k = capTo - 1; k >= capFrom; k--) {
              stack[sp++] = capTargets[k]!;
              stack[sp++] = 0;
            }
            if (memo !== null) {
              for (let k = memo.length - 1; k >= 0; k--) {
                stack[sp++] = memo[k]!;
                stack[sp++] = 0;
              }
            } else {
              for (let k = numTo - 1; k >= numFrom; k--) {
                stack[sp++] = numTargets[k]!;
                stack[sp++] = 0;
              }
              for (let k = litTo - 1; k >= litFrom; k--) {
                stack[sp++] = litTargets[k]!;
                stack[sp++] = 0;
              }
            }
          }
          // the pushes: (node, start) becomes a state of the next generation unless it is one already (then the larger
          // budget stays); a new state reports its node's accepts and pushes the targets of its gap edges
          while (sp > 0) {
            const pushed = stack[--sp]!;
            const node = stack[--sp]!;
            const skip = pushed >= SKIP;
            const budget = skip ? pushed - SKIP : pushed;
            const rN = REC * node;
            let prev = -1;
            if (rec[rN + R_STAMP] === epoch) {
              const last = rec[rN + R_SLOT]!;
              let k = last;
              while (k >= 0 && nextS[k] !== start) k = chain[k]!;
              if (k >= 0) {
                if (nextB[k]! < budget) nextB[k] = budget;
                continue;
              }
              prev = last;
            }
            if (nextLen === nextN.length) {
              nextN = TokenAutomaton.grown(nextN, 0);
              nextS = TokenAutomaton.grown(nextS, 0);
              nextB = TokenAutomaton.grown(nextB, 0);
              chain = this.chain = TokenAutomaton.grown(chain, nextN.length);
            }
            rec[rN + R_STAMP] = epoch;
            rec[rN + R_SLOT] = nextLen;
            chain[nextLen] = prev;
            nextN[nextLen] = node;
            nextS[nextLen] = start;
            nextB[nextLen] = budget;
            nextLen++;
            if (skip) continue;
            const f = rec[rN + R_FLAGS]!;
            if ((f & HAS_ACCEPTS) !== 0) {
              const ae = rec[rN + R_ACC_END]!;
              for (let k = rec[rN + R_ACC]!; k < ae; k++) {
                if (4 * hitLen + 4 > hits.length) hits = this.hitBuf = TokenAutomaton.grown(hits, 0);
                hits[4 * hitLen] = accepts[k]!;
                hits[4 * hitLen + 1] = start;
                hits[4 * hitLen + 2] = end;
                hits[4 * hitLen + 3] = range;
                hitLen++;
              }
            }
            if ((f & HAS_GAPS) !== 0) {
              const gs = gapStart[node]!;
              const ge = gapStart[node + 1]!;
              if (sp + 2 * (ge - gs) > stack.length) stack = this.stack = TokenAutomaton.grown(stack, sp + 2 * (ge - gs));
              for (let k = ge - 1; k >= gs; k--) {
                stack[sp++] = gapTargets[k]!;
                stack[sp++] = gapBudget[k]!;
              }
            }
          }
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
    return hitLen;
  }
}
