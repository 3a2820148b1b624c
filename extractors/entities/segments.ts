import { F_ALLCAPS as F_ALLCAPS_IMPORTED, F_CAP as F_CAP_IMPORTED, type TokenInfo } from './token-info.js';
const F_ALLCAPS = F_ALLCAPS_IMPORTED;
const F_CAP = F_CAP_IMPORTED;

/** How far around capitalised tokens the sequence model looks; everything else is tagged O. */
export interface SegmentOptions {
  left: number;
  right: number;
  /** Merge two windows separated by at most this many tokens. */
  maxGap: number;
  /**
   * Model option read by the features (not by the windows): also the wide-context templates (words two
   * before and after a capitalised run, word x position in its run, the two words around a token).
   */
  wideContext?: boolean;
}

export const DEFAULT_SEGMENTS: SegmentOptions = { left: 1, right: 1, maxGap: 3 };

/**
 * Candidate segments of a sentence as flat [start, end) pairs: windows around tokens that start with
 * an upper-case letter, merged when close. Names in these languages almost always hold such a token,
 * so decoding only these windows loses little recall and saves most of the work. `skip` drops anchors
 * (the tagger skips sentence-initial common words such as "El", "Según").
 */
export function candidateSegments(
  infos: readonly TokenInfo[],
  opts: SegmentOptions = DEFAULT_SEGMENTS,
  skip?: (i: number) => boolean,
): number[] {
  const out: number[] = [];
  const n = infos.length;
  for (let i = 0; i < n; i++) {
    if ((infos[i]!.flags & (F_CAP | F_ALLCAPS)) === 0 || skip?.(i)) continue;
    const s = Math.max(0, i - opts.left);
    const e = Math.min(n, i + 1 + opts.right);
    const last = out.length - 1;
    if (last > 0 && s - out[last]! <= opts.maxGap) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}
