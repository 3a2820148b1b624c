import { hashString } from './hash.js';
import { fold, tokenInfo, type TokenInfo } from './token-info.js';
import { tokenize, type Tokens } from './tokenize.js';
import { U32Table } from './u32-table.js';

export { fold };

export const ORG_KINDS = [
  'prosecutor', 'police', 'migration', 'child_protection', 'labour', 'international', 'armed_group',
  'criminal_group', 'ngo', 'court',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** One entry of lexicons/organizations.yaml. */
export interface OrgEntry {
  id: string;
  name: string;
  country: string;
  kind: OrgKind;
  aliases?: string[];
}

/** A list match: token range [start, end) and the entry. */
export interface OrgMatch {
  start: number;
  end: number;
  entry: OrgEntry;
}

interface Pattern {
  /** Folded words (or exact words when caseSensitive). */
  words: string[];
  /** hashString of each folded word, as TokenInfo.foldHash holds it: a word whose foldHash differs cannot match. */
  foldHashes: Int32Array;
  caseSensitive: boolean;
  entry: OrgEntry;
}

const foldCache = new Map<string, string>();
function foldWord(w: string): string {
  let f = foldCache.get(w);
  if (f === undefined) {
    f = fold(w);
    if (foldCache.size > 100_000) foldCache.clear();
    foldCache.set(w, f);
  }
  return f;
}

/** Acronym-like aliases ("ICBF", "MS-13", "FARC-EP") must match with their capitals. */
function isAcronym(alias: string): boolean {
  return !/\p{Ll}/u.test(alias) && /\p{Lu}/u.test(alias) && !alias.includes(' ');
}

/** Validates parsed YAML of the organizations list; throws with the offending entry. */
export function parseOrgList(data: unknown): OrgEntry[] {
  const list = (data as { organizations?: unknown })?.organizations;
  if (!Array.isArray(list)) throw new Error('organizations list: missing "organizations" array');
  const seen = new Set<string>();
  return list.map((raw: unknown, i) => {
    const e = raw as Partial<OrgEntry>;
    const where = `organizations list: entry ${i} (${String(e?.id)})`;
    if (typeof e?.id !== 'string' || typeof e.name !== 'string' || typeof e.country !== 'string') {
      throw new Error(`${where}: id, name and country must be strings`);
    }
    if (!(ORG_KINDS as readonly string[]).includes(String(e.kind))) throw new Error(`${where}: unknown kind ${String(e.kind)}`);
    if (e.aliases !== undefined && (!Array.isArray(e.aliases) || e.aliases.some((a) => typeof a !== 'string'))) {
      throw new Error(`${where}: aliases must be a list of strings`);
    }
    if (seen.has(e.id)) throw new Error(`${where}: duplicate id`);
    seen.add(e.id);
    return e as OrgEntry;
  });
}

interface Heads {
  exact: Pattern[] | undefined;
  folded: Pattern[] | undefined;
}

/** Finds the listed organizations in tokenised text, longest match first, without overlaps. */
export class OrgMatcher {
  private readonly byFirst = new Map<string, Pattern[]>();
  private readonly headCache = new Map<string, Heads>();
  /** The same, by token info (one info per word form, so an identity lookup instead of a string one). */
  private readonly headByInfo = new Map<TokenInfo, Heads>();
  private readonly maxLen: number;
  /**
   * Folded hashes (TokenInfo.foldHash) of every first word and of its fold: a word can start a pattern only
   * when its own folded hash is here, so match() skips the heads lookup at almost every token with one probe
   * of a typed-array table (a word w has heads when w or fold(w) is a key; fold(w) then equals a key or the
   * fold of one).
   */
  private readonly firstFolds: U32Table;

  constructor(readonly entries: readonly OrgEntry[]) {
    let maxLen = 1;
    for (const entry of entries) {
      for (const alias of new Set([entry.name, ...(entry.aliases ?? [])])) {
        const caseSensitive = isAcronym(alias);
        const words = tokenize(alias).words.map((w) => (caseSensitive ? w : foldWord(w)));
        if (words.length === 0) continue;
        maxLen = Math.max(maxLen, words.length);
        const key = words[0]!;
        const list = this.byFirst.get(key) ?? [];
        list.push({ words, caseSensitive, entry, foldHashes: Int32Array.from(words, (w) => hashString(w)) });
        this.byFirst.set(key, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.maxLen = maxLen;
    const firstFolds = new Map<number, number>();
    for (const key of this.byFirst.keys()) {
      firstFolds.set(hashString(key), 1);
      firstFolds.set(hashString(fold(key)), 1);
    }
    this.firstFolds = new U32Table(firstFolds);
  }

  /** Patterns starting at word `w`, as written and folded (remembered per word: one lookup per token). */
  private heads(w: string): Heads {
    let h = this.headCache.get(w);
    if (h === undefined) {
      const exact = this.byFirst.get(w);
      const folded = exact === undefined || tokenInfo(w).lower !== w ? this.byFirst.get(foldWord(w)) : undefined;
      h = { exact, folded };
      if (this.headCache.size >= 100_000) this.headCache.clear();
      this.headCache.set(w, h);
    }
    return h;
  }

  private headsOf(info: TokenInfo, w: string): Heads {
    let h = this.headByInfo.get(info);
    if (h === undefined) {
      h = this.heads(w);
      if (this.headByInfo.size >= 100_000) this.headByInfo.clear();
      this.headByInfo.set(info, h);
    }
    return h;
  }

  /** `infos`: the words' token infos (tokenInfo), when the caller has them. */
  match(tokens: Tokens, infos?: readonly TokenInfo[]): OrgMatch[] {
    const out: OrgMatch[] = [];
    const words = tokens.words;
    for (let i = 0; i < words.length; i++) {
      if (infos !== undefined && this.firstFolds.get(infos[i]!.foldHash) < 0) continue;
      const { exact, folded } = infos ? this.headsOf(infos[i]!, words[i]!) : this.heads(words[i]!);
      if (exact === undefined && folded === undefined) continue;
      const best = this.longest(words, infos, i, exact, folded);
      if (best) {
        out.push({ start: i, end: i + best.words.length, entry: best.entry });
        i += best.words.length - 1;
      }
    }
    return out;
  }

  private longest(
    words: readonly string[],
    infos: readonly TokenInfo[] | undefined,
    i: number,
    exact: Pattern[] | undefined,
    folded: Pattern[] | undefined,
  ): Pattern | undefined {
    let best = this.longestIn(words, infos, i, exact, undefined);
    best = this.longestIn(words, infos, i, folded, best);
    return best;
  }

  private longestIn(
    words: readonly string[],
    infos: readonly TokenInfo[] | undefined,
    i: number,
    list: Pattern[] | undefined,
    best: Pattern | undefined,
  ): Pattern | undefined {
    if (list !== undefined) {
      for (const p of list) {
        if (best && best.words.length >= p.words.length) break;
        if (p.words.length > this.maxLen || i + p.words.length > words.length) continue;
        // Most patterns after a common first word ("la", "los") fail at the second word: test its hash first.
        if (infos !== undefined && !p.caseSensitive && p.words.length > 1 && infos[i + 1]!.foldHash !== p.foldHashes[1]) continue;
        let ok = true;
        for (let k = 0; k < p.words.length && ok; k++) {
          const w = words[i + k]!;
          // ("la", "los" start patterns: the token info's fold, tested by its hash first, spares a string fold)
          if (p.caseSensitive) ok = w === p.words[k];
          else if (infos === undefined) ok = foldWord(w) === p.words[k];
          else ok = infos[i + k]!.foldHash === p.foldHashes[k] && infos[i + k]!.fold === p.words[k];
        }
        if (ok) best = p;
      }
    }
    return best;
  }
}
