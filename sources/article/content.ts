/**
 * Main-content selection by scoring block nodes: each paragraph-like node (p, pre, td, blockquote, or an
 * element carrying text directly) scores by its length and commas, and passes the score to its ancestors;
 * ancestors weigh class/id hints and link density. The best container and its related siblings win.
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, childrenOf, collapse, collapsedLength, isElement, isText, rawText } from './text.js';
import { classWeight, hintString, isStrongNegativeHint } from './hints.js';

export interface NodeStats {
  chars: number;
  linkChars: number;
  paragraphs: number;
  /** Position in document order (pre-order). */
  order: number;
}

/** Text length, text inside links, and paragraph count of every element, computed bottom-up once. */
export function computeStats(root: AnyNode): Map<AnyNode, NodeStats> {
  const stats = new Map<AnyNode, NodeStats>();
  let order = 0;
  const visit = (n: AnyNode, inLink: boolean): NodeStats => {
    const s: NodeStats = { chars: 0, linkChars: 0, paragraphs: 0, order: order++ };
    for (const c of childrenOf(n)) {
      if (isText(c)) {
        const len = collapsedLength(c.data);
        s.chars += len;
        if (inLink) s.linkChars += len;
      } else if (c.type === 'tag') {
        const cs = visit(c, inLink || c.name === 'a');
        s.chars += cs.chars;
        s.linkChars += cs.linkChars;
        s.paragraphs += cs.paragraphs;
      }
    }
    if (n.type === 'tag' && (n.name === 'p' || n.name === 'pre') && s.chars > 30) s.paragraphs++;
    stats.set(n, s);
    return s;
  };
  visit(root, false);
  return stats;
}

const TAG_BASE: Record<string, number> = {
  div: 5, article: 8, main: 5, section: 3, pre: 3, td: 3, blockquote: 3, address: -3, ol: -3, ul: -3, dl: -3, dd: -3,
  dt: -3, li: -3, form: -3, h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};
const SCORE_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
const SIBLING_WRAPPERS = new Set(['div', 'section']);
const PARAGRAPH_CLASS = /paragraph|(?:^|[-_\s])(?:para|parrafo|paragrafo)(?:$|[-_\s])/i;

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => c.type === 'tag' && BLOCK_TAGS.has(c.name));
}

/**
 * The element's own text (not inside block children), split where `<br><br>` separates paragraphs, so a
 * body written without `<p>` earns a paragraph's credit for each of its parts.
 */
function directSegments(el: Element): string[] {
  const out: string[] = [];
  let s = '';
  let brs = 0;
  const cut = (): void => {
    const t = collapse(s);
    if (t !== '') out.push(t);
    s = '';
  };
  for (const c of el.children) {
    if (isText(c)) {
      if (/\S/.test(c.data)) brs = 0;
      s += c.data;
    } else if (c.type === 'tag') {
      if (c.name === 'br') {
        if (++brs === 2) cut();
        s += ' ';
      } else if (!BLOCK_TAGS.has(c.name)) {
        brs = 0;
        s += rawText(c);
      } else {
        brs = 0;
        cut();
      }
    }
  }
  cut();
  return out;
}

export interface Selection {
  nodes: Element[];
  top: Element | null;
}

/** Picks the main-content container(s). `boost` gives extra score to one node (e.g. matched JSON-LD body). */
export function selectContent(root: AnyNode, stats: Map<AnyNode, NodeStats>, boost?: Element | null): Selection {
  const scores = new Map<Element, number>();
  const init = (el: Element): void => {
    if (scores.has(el)) return;
    let w = classWeight(el);
    // A weakly negative class on a block of prose ("elementor-widget-container") is a layout wrapper.
    if (w < 0 && isProseBlock(el, stats)) w = 0;
    scores.set(el, (TAG_BASE[el.name] ?? 0) + w);
  };
  const credit = (start: Element | null, text: string): void => {
    if (text.length < 25) return;
    const s = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    let el: Element | null = start;
    for (let level = 0; el && level < 5; level++) {
      if (el.type !== 'tag' || el.name === 'body' || el.name === 'html') break;
      init(el);
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(el, scores.get(el)! + s / div);
      el = el.parent && isElement(el.parent as AnyNode) ? (el.parent as Element) : null;
    }
  };
  const visit = (n: AnyNode): void => {
    for (const c of childrenOf(n)) {
      if (c.type !== 'tag') continue;
      if (SCORE_TAGS.has(c.name)) {
        credit(c.parent as Element | null, collapse(rawText(c)));
        if (c.name === 'td' || c.name === 'blockquote') visit(c);
      } else if (c.name !== 'a' && !/^h[1-6]$/.test(c.name)) {
        if (BLOCK_TAGS.has(c.name) && !hasBlockChild(c)) {
          // One text is a paragraph (credits its parent); several are a body of their own.
          const parts = directSegments(c);
          const target = parts.length > 1 ? c : (c.parent as Element | null);
          for (const t of parts) credit(target, t);
        } else {
          for (const t of directSegments(c)) if (t.length >= 25) credit(c, t);
        }
        visit(c);
      }
    }
  };
  visit(root);
  if (boost) {
    init(boost);
    scores.set(boost, scores.get(boost)! + 100);
  }

  let top: Element | null = null;
  let topScore = -Infinity;
  for (const [el, raw] of scores) {
    const st = stats.get(el);
    const ld = st && st.chars > 0 ? st.linkChars / st.chars : 0;
    const score = raw * (1 - ld);
    scores.set(el, score);
    if (score > topScore) {
      topScore = score;
      top = el;
    }
  }
  if (!top) return { nodes: [], top: null };

  // Climb while the parent scores nearly as well: the body is often split over sibling wrappers.
  let parent = top.parent as Element | null;
  while (parent && parent.type === 'tag' && parent.name !== 'body') {
    const ps = scores.get(parent);
    if (ps === undefined) break;
    if (ps > topScore * 0.9) {
      top = parent;
      topScore = Math.max(topScore, ps);
    }
    parent = parent.parent as Element | null;
  }

  const nodes: Element[] = [];
  const container = top.parent as Element | null;
  if (!container || !isElement(container as AnyNode)) return { nodes: [top], top };
  const threshold = Math.max(10, topScore * 0.2);
  const topHint = (top.attribs['class'] ?? '').trim();
  for (const sib of container.children) {
    if (sib.type !== 'tag') continue;
    if (sib === top) {
      nodes.push(sib);
      continue;
    }
    let bonus = 0;
    if (topHint !== '' && sib.attribs['class'] === topHint) bonus += topScore * 0.2;
    const s = scores.get(sib);
    if (s !== undefined && s + bonus >= threshold) {
      nodes.push(sib);
      continue;
    }
    // Paragraphs beside the top block: <p>, and single-paragraph wrappers named as such
    // (<div class="body__paragraph">), which is how some CMSs split the opening paragraphs from the rest.
    const st0 = stats.get(sib);
    const paragraphLike =
      sib.name === 'p' || (SIBLING_WRAPPERS.has(sib.name) && !!st0 && st0.paragraphs <= 1 && PARAGRAPH_CLASS.test(sib.attribs['class'] ?? '') && classWeight(sib) >= 0);
    if (paragraphLike) {
      const st = stats.get(sib);
      const text = collapse(rawText(sib));
      const ld = st && st.chars > 0 ? st.linkChars / st.chars : 0;
      if ((text.length > 80 && ld < 0.25) || (text.length > 0 && text.length <= 80 && ld === 0 && /[.!?]$/.test(text))) {
        nodes.push(sib);
      }
    }
  }
  addTwins(nodes, top, scores, stats, threshold);
  return { nodes, top };
}

/** Three or more paragraphs, little link text, and no strong negative hint (related, comments, share...). */
export function isProseBlock(el: Element, stats: Map<AnyNode, NodeStats>): boolean {
  const st = stats.get(el);
  return !!st && st.paragraphs >= 3 && st.linkChars < st.chars * 0.2 && !isStrongNegativeHint(hintString(el));
}

function contains(a: AnyNode, b: AnyNode): boolean {
  for (let n: AnyNode | null = b; n; n = n.parent as AnyNode | null) if (n === a) return true;
  return false;
}

/**
 * Bodies split by figures or pull quotes often sit in several containers with the top one's class
 * (`post__content`, `article-body__section`): add those that carry paragraphs, in document order.
 */
function addTwins(nodes: Element[], top: Element, scores: Map<Element, number>, stats: Map<AnyNode, NodeStats>, threshold: number): void {
  const cls = (top.attribs['class'] ?? '').trim();
  if (cls === '') return;
  const added: Element[] = [];
  for (const [el, score] of scores) {
    if (el === top || el.attribs['class'] !== top.attribs['class']) continue;
    const st = stats.get(el);
    if (!st || (st.paragraphs === 0 && score < threshold)) continue;
    if (st.chars > 0 && st.linkChars / st.chars > 0.3) continue;
    if (nodes.some((n) => contains(n, el) || contains(el, n))) continue;
    added.push(el);
  }
  if (!added.length) return;
  nodes.push(...added);
  nodes.sort((a, b) => (stats.get(a)?.order ?? 0) - (stats.get(b)?.order ?? 0));
}
