/**
 * DOM-to-text helpers over the htmlparser2/domhandler tree that cheerio/slim builds: node kinds,
 * block-level tags, and serialisation that keeps paragraph breaks as blank lines.
 */
import type { AnyNode, Element } from 'domhandler';

/** Whitespace runs (including non-breaking and zero-width spaces) collapsed to one space, trimmed. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200b || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);

/** Length the string would have after collapse(), without building it. */
export function collapsedLength(s: string): number {
  let n = 0;
  let inSpace = true;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (!inSpace) {
        n++;
        inSpace = true;
      }
    } else {
      n++;
      inSpace = false;
    }
  }
  return inSpace && n > 0 ? n - 1 : n;
}

export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote',
  'pre', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'hr', 'center', 'details', 'summary', 'body', 'html',
  'dialog', 'menu', 'hgroup', 'picture', 'video', 'audio', 'noscript', 'iframe', 'object', 'legend',
]);

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function isText(n: AnyNode): n is AnyNode & { data: string } {
  return n.type === 'text';
}

export function childrenOf(n: AnyNode): AnyNode[] {
  return 'children' in n ? (n.children as AnyNode[]) : [];
}

/** Concatenated raw text of a subtree. */
export function rawText(n: AnyNode): string {
  if (isText(n)) return n.data;
  let out = '';
  for (const c of childrenOf(n)) if (c.type === 'text' || c.type === 'tag') out += rawText(c);
  return out;
}

/** Detaches a node from its parent. */
export function detach(n: AnyNode): void {
  const parent = n.parent;
  if (!parent) return;
  const kids = parent.children as AnyNode[];
  const i = kids.indexOf(n as never);
  if (i >= 0) kids.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = null;
  n.prev = null;
  n.next = null;
}

/**
 * Text of the given nodes with one blank line between blocks and a newline for each `<br>` (a blank line
 * for `<br><br>`).
 * `skip` removes subtrees from the output without touching the tree.
 */
export function blocksToText(nodes: AnyNode[], skip?: (el: Element) => boolean): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = (): void => {
    const p = line
      .split('\n')
      .map((l) => collapse(l))
      .filter((l) => l !== '')
      .join('\n');
    if (p !== '') paragraphs.push(p);
    line = '';
  };
  const walk = (n: AnyNode, pre: boolean): void => {
    if (isText(n)) {
      line += pre ? n.data : n.data.replace(/[\r\n\t]+/g, ' ');
      return;
    }
    if (n.type !== 'tag') return;
    if (skip?.(n)) return;
    const tag = n.name;
    if (tag === 'br') {
      // "<br><br>" (an empty line) separates paragraphs in bodies written without <p>.
      if (/\n[ \t\u00a0]*$/.test(line)) flush();
      else line += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const inPre = pre || tag === 'pre';
    for (const c of n.children) walk(c, inPre);
    if (block) flush();
  };
  for (const n of nodes) walk(n, false);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Pathological nesting (thousands of unclosed `<div>`s) would overflow the recursive walks: below
 * `maxDepth`, each element's subtree is replaced by its text nodes, in order. Iterative, in place.
 */
export function limitDepth(root: AnyNode, maxDepth = 250): void {
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    for (const c of childrenOf(n)) {
      if (!('children' in c)) continue;
      if (depth + 1 < maxDepth) stack.push([c, depth + 1]);
      else flattenToText(c as Element);
    }
  }
}

function flattenToText(el: Element): void {
  const texts: AnyNode[] = [];
  const pending: AnyNode[] = [...el.children].reverse();
  while (pending.length) {
    const x = pending.pop()!;
    if (x.type === 'text') texts.push(x);
    else if ((x.type === 'tag' || x.type === 'root') && 'children' in x) for (let i = x.children.length - 1; i >= 0; i--) pending.push(x.children[i]!);
  }
  texts.forEach((t, i) => {
    t.parent = el;
    t.prev = (texts[i - 1] as typeof t.prev) ?? null;
    t.next = (texts[i + 1] as typeof t.next) ?? null;
  });
  el.children = texts as Element['children'];
}
