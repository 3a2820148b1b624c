/**
 * The automaton's nodes as flat typed arrays, for matching (see TokenAutomaton.runRanges).
 *
 * Why: matching touches a few nodes per token, and with one object per node (each with its own Maps and arrays)
 * most of that time was spent waiting for memory: the node, then its Map, then the Map's table. Here a node is an
 * index: its flags and literal-word mask sit in two small arrays, and each kind of edge list is a slice of one shared
 * array (compressed rows). The object graph stays the compiler's representation; these tables are rebuilt from it
 * after patterns are added. Every list keeps the order of the object it comes from, so matching visits states and
 * reports hits in exactly the order the object version did.
 */

/** The parts of a compiled node the tables are built from (see automaton.ts Node). */
export interface TableNode {
  readonly id: number;
  lit: Map<number, TableNode[]> | null;
  litMask: number;
  pre: unknown;
  num: TableNode[] | null;
  cap: TableNode[] | null;
  gaps: Array<{ max: number; node: TableNode }> | null;
  accepts: number[] | null;
}

export const HAS_PRE = 1;
export const HAS_NUM = 2;
export const HAS_CAP = 4;
export const HAS_ACCEPTS = 8;
export const HAS_GAPS = 16;

/** A list per node: node k's items are items[start[k] … start[k + 1]). */
export interface Rows {
  start: Int32Array;
  items: Int32Array;
}

/**
 * Per node, REC numbers in `AutomatonTables.rec`, at REC × node id: what a live state reads at every step (flags, the
 * literal-word mask, its literal words' range, its accepts' range) and the matcher's dedup fields (the epoch that last
 * gave the node a state, and that state's slot), side by side. Why: in separate arrays each of these was a different
 * cache line, and a step on a node touched five of them; a state costs one line this way.
 */
export const REC = 8;
export const R_FLAGS = 0;
export const R_MASK = 1;
export const R_LIT = 2;
export const R_LIT_END = 3;
export const R_ACC = 4;
export const R_ACC_END = 5;
export const R_STAMP = 6;
export const R_SLOT = 7;

export interface AutomatonTables {
  /** The node records (see REC); R_STAMP and R_SLOT are the matcher's to write. */
  rec: Int32Array;
  flags: Uint8Array;
  litMask: Int32Array;
  /** Node k's literal words, sorted: litWords[lit.start[k] … lit.start[k + 1]); word j's targets litTargets rows j. */
  lit: Rows;
  litTargets: Rows;
  num: Rows;
  cap: Rows;
  accepts: Rows;
  /** Gap edges: the target node in `gaps.items`, the budget (2 × max words) in gapBudget at the same index. */
  gaps: Rows;
  gapBudget: Int32Array;
}

function rows(lists: ReadonlyArray<readonly number[] | null>): Rows {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, k) => {
    start[k] = n;
    n += l?.length ?? 0;
  });
  start[lists.length] = n;
  const items = new Int32Array(n);
  lists.forEach((l, k) => {
    if (l) items.set(l, start[k]!);
  });
  return { start, items };
}

const ids = (list: readonly TableNode[] | null): number[] | null => (list ? list.map((n) => n.id) : null);

/** Builds the tables of `nodes` (indexed by id). */
export function buildTables(nodes: readonly TableNode[]): AutomatonTables {
  const flags = new Uint8Array(nodes.length);
  const litMask = new Int32Array(nodes.length);
  const litWords: number[][] = [];
  const litTargetLists: number[][] = [];
  for (const node of nodes) {
    let f = 0;
    if (node.pre !== null) f |= HAS_PRE;
    if (node.num !== null) f |= HAS_NUM;
    if (node.cap !== null) f |= HAS_CAP;
    if (node.accepts !== null) f |= HAS_ACCEPTS;
    if (node.gaps !== null) f |= HAS_GAPS;
    flags[node.id] = f;
    litMask[node.id] = node.litMask;
    const words = node.lit ? [...node.lit.keys()].sort((a, b) => a - b) : [];
    litWords[node.id] = words;
    for (const w of words) litTargetLists.push(node.lit!.get(w)!.map((n) => n.id));
  }
  const gaps = rows(nodes.map((n) => (n.gaps ? n.gaps.map((g) => g.node.id) : null)));
  const gapBudget = new Int32Array(gaps.items.length);
  let g = 0;
  for (const n of nodes) for (const gap of n.gaps ?? []) gapBudget[g++] = 2 * gap.max;
  const lit = rows(litWords);
  const accepts = rows(nodes.map((n) => n.accepts));
  const rec = new Int32Array(REC * nodes.length);
  for (let k = 0; k < nodes.length; k++) {
    rec[REC * k + R_FLAGS] = flags[k]!;
    rec[REC * k + R_MASK] = litMask[k]!;
    rec[REC * k + R_LIT] = lit.start[k]!;
    rec[REC * k + R_LIT_END] = lit.start[k + 1]!;
    rec[REC * k + R_ACC] = accepts.start[k]!;
    rec[REC * k + R_ACC_END] = accepts.start[k + 1]!;
  }
  return {
    rec,
    flags,
    litMask,
    lit,
    litTargets: rows(litTargetLists),
    num: rows(nodes.map((n) => ids(n.num))),
    cap: rows(nodes.map((n) => ids(n.cap))),
    accepts,
    gaps,
    gapBudget,
  };
}

/** Index (into lit.items / litTargets rows) of `word` among node `node`'s literal words, -1 when absent. */
export function findLiteral(t: AutomatonTables, node: number, word: number): number {
  const words = t.lit.items;
  let lo = t.rec[REC * node + R_LIT]!;
  let hi = t.rec[REC * node + R_LIT_END]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid]!;
    if (w === word) return mid;
    if (w < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
