/**
 * Second pass, inside the chosen container: decides which blocks are furniture after all (link lists,
 * "Leia também" teasers, share and tag rows, short credit lines) so serialisation can skip them.
 */
import type { AnyNode, Element } from 'domhandler';
import { isProseBlock, type NodeStats } from './content.js';
import { BOILERPLATE_LINE, PROMO_LINE, classWeight, hintString, isStrongNegativeHint } from './hints.js';
import { wrapsEmbeddedPost } from './prune.js';
import { collapse, rawText } from './text.js';
import { parseTextDate } from './dates.js';

const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'aside', 'header', 'footer', 'dl', 'figure', 'span']);

export function makeSkipper(stats: Map<AnyNode, NodeStats>, title: string | null): (el: Element) => boolean {
  const normTitle = title ? collapse(title).toLowerCase() : null;
  return (el: Element): boolean => {
    const st = stats.get(el);
    if (!st) return false;
    const tag = el.name;
    if (st.chars === 0) return false;
    const ld = st.linkChars / st.chars;
    if (tag === 'p' || tag === 'li' || /^h[2-6]$/.test(tag) || tag === 'dd' || tag === 'dt') {
      if (st.chars < 80) {
        const text = collapse(rawText(el));
        if (BOILERPLATE_LINE.test(text)) return true;
        if (normTitle && text.toLowerCase() === normTitle) return true;
      }
      // "Leia também: <a>headline</a>" teasers are mostly link text and are not sentences;
      // a sentence that happens to link names ("<a>X</a> has been eliminated from <a>Y</a>.") stays.
      if (ld > 0.8) return true;
      if (ld > 0.5 && st.chars < 300) return !/[.!?…]["”’»)]?$/.test(collapse(rawText(el)));
      return false;
    }
    if (!CONDITIONAL.has(tag)) return false;
    const weight = classWeight(el);
    // A weakly negative class on a block of prose ("elementor-widget-container") is a layout wrapper.
    if (weight < 0 && !isProseBlock(el, stats) && (isStrongNegativeHint(hintString(el)) || !wrapsEmbeddedPost(el))) return true;
    // A span inside running text ("reported that <span><a>the NFL will fine him</a></span> for...") is
    // part of the sentence: link density says nothing about it.
    // Hover cards hidden in a span (a name followed by a list of article links) are not.
    // A hover card opens with the linked name itself: the span stays, the card inside it is judged alone.
    if (tag === 'span' && inRunningText(el) && (st.chars < 150 || countLinks(el) <= 1 || firstChildIsLink(el))) return false;
    if (tag === 'ul' || tag === 'ol') return ld > 0.35;
    if (ld > 0.5) return true;
    if (weight < 25 && ld > 0.3 && st.paragraphs === 0) return true;
    if (st.chars < 80 && st.paragraphs === 0) {
      const text = collapse(rawText(el));
      if (BOILERPLATE_LINE.test(text)) return true;
    }
    return false;
  };
}

const TEXT_PARENTS = new Set(['p', 'li', 'dd', 'td', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'em', 'strong', 'b', 'i', 'span', 'a', 'q', 'cite', 'figcaption']);

/** The element sits in a sentence: its parent is a text block or inline element, or it has text beside it. */
function inRunningText(el: Element): boolean {
  const parent = el.parent;
  if (parent && parent.type === 'tag' && TEXT_PARENTS.has((parent as Element).name)) return true;
  for (const sib of [el.prev, el.next]) {
    if (sib && sib.type === 'text' && /\p{L}/u.test((sib as unknown as { data: string }).data)) return true;
  }
  return false;
}

function firstChildIsLink(el: Element): boolean {
  const first = el.children.find((c) => c.type === 'tag' || (c.type === 'text' && /\S/.test((c as unknown as { data: string }).data)));
  return !!first && first.type === 'tag' && (first as Element).name === 'a';
}

function countLinks(el: Element): number {
  let n = 0;
  for (const c of el.children) if (c.type === 'tag') n += (c as Element).name === 'a' ? 1 : countLinks(c as Element);
  return n;
}

const NAME_WORD = String.raw`[A-ZÁÉÍÓÚÑÂÊÔÃÕÇ][\p{L}'’.-]*`;
/** "By Jane Doe and John Roe", "Por María Pérez", "Redacción", "(Reporting by ...)": credits, not text. */
const BYLINE = new RegExp(
  String.raw`^(?:(?:By|BY|Por|POR|Por:|Reportaje de|Texto de|Words by)\s+${NAME_WORD}(?:[\s,]+(?:and|y|e|&)?\s*${NAME_WORD}){0,8}\.?$|\(?(?:[Rr]eporting|[Aa]dditional reporting|[Ee]diting|[Ww]riting) by\b|[Ee]nlarge [Ii]mage$|[Aa]mpliar (?:imagen|foto|imagem)$)`,
  'u',
);

/** "By Jane Doe - 11/18/19 11:04 PM EST", "05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde". */
const BYLINE_WITH_DATE =
  /^(?:(?:By|Por|Escrito por|Publicado por:?)\s+[^.!?]{2,60}?\s*[-–—|·,]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*[-–—|·]\s*(?:Publicado por|Por|By)\b)/;
/** "Updated at 1:23 p.m.", "Actualizado a las 10:30", "Atualizado às 18h20", "Last updated 2 hours ago". */
const UPDATE_STAMP = /^(?:(?:last )?updated|actualizado|atualizado|modificado)\b[^.]{0,40}(?:\d{1,2}[:h.]\d{2}|ago|atr[áa]s)\b.{0,12}$/i;
/** A caption's trailing credit: "... Photograph by Robyn Beck/AFP/Getty Images", "(Foto: Ana Lima/Agencia)". */
const PHOTO_CREDIT_TAIL = /(?:\bPhoto(?:graph)?s?(?: by|:)|\bFoto(?:s|grafía|grafia)?(?: de|:)|\bImagen:|\bImagem:|\bCr[ée]dito:|\bCredit:)\s*[^.!?]{2,80}\)?$/;
/** An embedded post's attribution ("— Name (@handle) November 1, 2019") is part of the quoted post. */
/** A closing author note: "Ana Lima is a reporter for ...", "María Pérez es periodista de ...". */
const AUTHOR_BIO =
  /^(?:[A-ZÁÉÍÓÚÑ][\p{L}'’.-]+\s){1,4}(?:is|es|é)\s[^.]{0,120}?\b(?:reporter|journalist|writer|editor|correspondent|columnist|contributor|founder|periodista|redactora?|corresponsal|columnista|jornalista|rep[óo]rter|colunista|editora?)\b/u;
/** "(Reporting by ...; editing by ...)", "Fox News' Ana Lima contributed to this report." */
const CONTRIBUTORS = /^\(?(?:[Rr]eporting|[Aa]dditional reporting|[Ee]diting|[Ww]riting|[Cc]ompiled) by\b|\bcontributed (?:reporting )?to (?:this|the) (?:report|story|article)\.?\)?$/;
/** A bare wire or photo credit: "Associated Press", "Ana Lima, ASSOCIATED PRESS", "Detroit News wire services". */
const WIRE_CREDIT =
  /^(?:[\p{L}.'’ -]{2,40},\s*)?(?:ASSOCIATED PRESS|Associated Press|AP Photo|AP|AFP|Reuters|REUTERS|EFE|Agencia EFE|Getty Images|Europa Press|Ag[êe]ncia Brasil|[\p{L} ]{2,30} wire services)$/u;
/** Gallery counters and lone section labels: "Image 1 of 5", "Foto 2 de 8", "Tags", "More:". */
const LONE_LABEL = /^(?:(?:image|imagen|imagem|foto|photo|slide)\s+\d+\s+(?:of|de)\s*\/?\s*\d*|tags|etiquetas|temas|more|m[áa]s|mais|related|filed under:?.*)\s*:?$/i;
const POST_ATTRIBUTION = /^[—–-]\s*.{1,80}\(@\w{1,30}\)/;

/**
 * Paragraph-level clean-up of the serialised body: drops furniture lines (bylines, datelines, update
 * stamps, photo credits), and cuts a paywall or subscription tail (a promotional paragraph in the second
 * half and everything after it). A headline repeated in the body stays: the LatAm gold keeps it, the
 * Scrapinghub gold does not.
 */
export function filterParagraphs(text: string): string {
  const paras = text.split('\n\n');
  const kept: string[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    if (p.length < 80 && BOILERPLATE_LINE.test(p)) continue;
    if (p.length < 100 && BYLINE.test(p)) continue;
    if (p.length < 160 && BYLINE_WITH_DATE.test(p)) continue;
    if (p.length < 70 && UPDATE_STAMP.test(p)) continue;
    if (p.length < 400 && CONTRIBUTORS.test(p)) continue;
    if (p.length < 70 && (WIRE_CREDIT.test(p) || LONE_LABEL.test(p))) continue;
    if (i >= paras.length - 2 && i > 0 && p.length < 250 && AUTHOR_BIO.test(p)) continue;
    if (p.length < 300 && PHOTO_CREDIT_TAIL.test(p) && !/[.!?…"”]$/.test(p)) continue;
    // Unrendered CMS shortcodes ("[button link=...]Send us your review[/button]").
    if (/^\[[a-z_-]+(?:\s[^\]]*)?\][\s\S]*(?:\[\/[a-z_-]+\])?$/.test(p) && p.length < 300) continue;
    // A dateline or "Publicado em 12 de março de 2024, às 10h15": metadata, not text.
    if (p.length < 90 && !/[.!?…"”]$/.test(p) && !POST_ATTRIBUTION.test(p) && parseTextDate(p) !== null && p.split(/\s+/).length <= 12) continue;
    if (p.length < 300 && PROMO_LINE.test(p)) {
      const promoFollows = paras.slice(i + 1).some((q) => q.length < 300 && PROMO_LINE.test(q));
      if (i > 0 && (i >= paras.length / 2 || promoFollows)) break;
      continue;
    }
    kept.push(p);
  }
  return kept.join('\n\n');
}
