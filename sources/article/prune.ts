/**
 * First pass over the page: drop what is never article text (scripts, forms controls, navigation,
 * hidden elements) and elements whose class/id says they are furniture, unless they hold the body.
 */
import type { AnyNode, Element } from 'domhandler';
import { childrenOf, collapsedLength, detach, isElement, rawText } from './text.js';
import { hintString, isNegativeHint, isPositiveHint, isStrongNegativeHint } from './hints.js';

const ALWAYS_DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'button', 'select',
  'input', 'textarea', 'option', 'nav', 'link', 'meta', 'head', 'title', 'video', 'audio', 'map', 'dialog', 'menu',
  'figcaption', 'source', 'track', 'picture', 'img', 'label',
]);
/** Structural furniture: dropped when it holds little text compared with the page. */
const FURNITURE = new Set(['aside', 'footer', 'header']);
const KEEP = new Set(['html', 'body', 'main', 'article']);
/** Inline elements inside paragraphs keep their words whatever their class says (links, emphasis). */
const INLINE = new Set(['a', 'em', 'strong', 'b', 'i', 'u', 'sup', 'sub', 'mark', 'abbr', 'time', 'code', 'q', 'cite', 'small', 'font']);

/** Quoted posts embedded in the story (tweets, Instagram captions) are part of what the article reports. */
function isEmbeddedPost(el: Element): boolean {
  return el.name === 'blockquote' && /\b(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed)\b/.test(el.attribs['class'] ?? '');
}

/** An embedded post within a few levels ("<div class="social-media-embed"><blockquote class="twitter-tweet">"). */
export function wrapsEmbeddedPost(el: Element, depth = 0): boolean {
  if (depth > 3) return false;
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    if (isEmbeddedPost(c as Element) || wrapsEmbeddedPost(c as Element, depth + 1)) return true;
  }
  return false;
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  const style = a['style'];
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function textLength(n: AnyNode): number {
  return collapsedLength(rawText(n));
}

/** At least three paragraphs of 80+ characters that are mostly not link text. */
function holdsProse(el: Element): boolean {
  let found = 0;
  const walk = (n: AnyNode): boolean => {
    for (const c of childrenOf(n)) {
      if (!isElement(c)) continue;
      if (c.name === 'p') {
        const len = textLength(c);
        if (len >= 80 && linkLength(c) < len * 0.3 && ++found >= 3) return true;
      } else if (walk(c)) return true;
    }
    return false;
  };
  return walk(el);
}

function linkLength(n: AnyNode): number {
  let sum = 0;
  for (const c of childrenOf(n)) {
    if (!isElement(c)) continue;
    sum += c.name === 'a' ? textLength(c) : linkLength(c);
  }
  return sum;
}

/** Removes furniture from the tree in place. `pageChars` is the whole page's text length. */
export function prune(root: AnyNode, pageChars: number): void {
  const drop: AnyNode[] = [];
  const visit = (n: AnyNode): void => {
    for (const c of childrenOf(n)) {
      if (c.type === 'comment' || c.type === 'directive' || c.type === 'cdata') {
        drop.push(c);
        continue;
      }
      if (!isElement(c)) continue;
      const tag = c.name;
      if (ALWAYS_DROP.has(tag) || c.type !== 'tag' || isHidden(c)) {
        drop.push(c);
        continue;
      }
      if (!KEEP.has(tag) && !INLINE.has(tag) && !isEmbeddedPost(c)) {
        const hint = hintString(c);
        const furniture = FURNITURE.has(tag) || c.attribs['role'] === 'navigation' || c.attribs['role'] === 'complementary';
        const strong = furniture || isStrongNegativeHint(hint);
        const negative = strong || (isNegativeHint(hint) && !isPositiveHint(hint));
        // A weak hint ("elementor-widget-container", "social-media-embed") on a block of several prose
        // paragraphs or around an embedded post is a wrapper, not furniture.
        if (negative && c.attribs['itemprop'] !== 'articleBody' && (strong || (!holdsProse(c) && !wrapsEmbeddedPost(c)))) {
          if (textLength(c) < pageChars * 0.35) {
            drop.push(c);
            continue;
          }
        }
      }
      visit(c);
    }
  };
  visit(root);
  for (const n of drop) detach(n);
}
