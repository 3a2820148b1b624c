/**
 * Class/id hints in Spanish, Portuguese and English. Negative hints mark navigation, related links,
 * comments, share bars, cookie and subscription banners, captions and credits; positive hints mark the
 * article body ("nota", "cuerpo", "materia", "conteudo", "texto", "entry-content" ...).
 */
import type { Element } from 'domhandler';

/** Stems matched anywhere in the lower-cased class + id string. */
const NEGATIVE_STEMS = [
  'comment', 'coment', 'disqus', 'share', 'sharing', 'social', 'compartir', 'compartilh', 'related', 'relacionad',
  'leia-mais', 'leiamais', 'leia_mais', 'leia-tambem', 'lea-tambien', 'leer-mas', 'read-more', 'readmore',
  'mas-leid', 'masleid', 'mais-lid', 'maislid', 'most-read', 'mostread', 'most-popular', 'trending', 'newsletter',
  'subscri', 'suscri', 'assinatura', 'assine', 'cookie', 'consent', 'gdpr', 'banner', 'promo', 'advert',
  'publicidad', 'publicidade', 'anuncio', 'sponsor', 'patrocin', 'sidebar', 'widget', 'breadcrumb', 'navigation',
  'navbar', 'menu', 'footer', 'masthead', 'toolbar', 'pagination', 'pager', 'author-bio', 'authorbio', 'bio-autor',
  'recommend', 'recomend', 'outbrain', 'taboola', 'popup', 'modal', 'overlay', 'signup', 'paywall', 'caption',
  'credit', 'credito', 'whatsapp', 'facebook', 'twitter', 'telegram', 'siguenos', 'etiqueta', 'keyword',
  'rrss', 'skip-link', 'jump-link', 'more-stories', 'more-news', 'mas-noticias', 'mais-noticias', 'otras-noticias',
  'ultimas-noticias', 'ultimas', 'tambien-te-puede', 'te-puede-interesar', 'veja-tambem', 'saiba-mais',
  'next-post', 'prev-post', 'post-nav', 'shoutbox', 'sticky', 'dropdown', 'login', 'user-', 'rating',
  'print-', 'tooltip', 'alert-', 'hidden', 'visually-hidden', 'sr-only', 'screen-reader',
];
/** Words matched as whole class/id tokens (too short or common to match as stems). */
const NEGATIVE_TOKENS = new Set([
  'ad', 'ads', 'adv', 'advs', 'nav', 'tag', 'tags', 'aside', 'print', 'tools', 'hide', 'meta', 'foot', 'follow',
  'more', 'rel', 'sidebar', 'nota-relacionada', 'topics', 'temas', 'byline', 'share', 'date', 'fecha', 'dateline',
  'header', 'head', 'top', 'bottom', 'links', 'author', 'autor', 'credits', 'source', 'fonte', 'tema', 'category',
]);
const POSITIVE_STEMS = [
  'article', 'articulo', 'artigo', 'content', 'conteudo', 'contenido', 'entry', 'post-body', 'postbody',
  'post-content', 'post-text', 'story', 'texto', 'text', 'cuerpo', 'materia', 'noticia', 'news-body', 'body',
  'main', 'nota', 'hentry', 'blog', 'column', 'single', 'detail', 'detalle', 'desarrollo', 'corpo',
];

const tokenize = (s: string): string[] => s.split(/[\s_]+/).filter(Boolean);

export function hintString(el: Element): string {
  const a = el.attribs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''}`.toLowerCase();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NEGATIVE_RE = new RegExp(NEGATIVE_STEMS.map(escape).join('|'));
const POSITIVE_RE = new RegExp(POSITIVE_STEMS.map(escape).join('|'));
const AD_PART = /(?:^|-)ads?(?:-|$)/;
/** Negative stems that no positive stem can redeem ("notas-relacionadas", "comment-content", "share-text"). */
const STRONG_NEGATIVE_RE =
  /related|relacionad|comment|coment|disqus|share|sharing|compartir|compartilh|newsletter|cookie|subscri|suscri|outbrain|taboola|leia-?mais|leia-tambem|lea-tambien|mas-leid|mais-lid|most-read|recommend|recomend|breadcrumb|te-puede-interesar|veja-tambem/;

/** Pages repeat the same class strings many times: remember verdicts (bounded). */
const memo = new Map<string, number>();
function verdict(hint: string): number {
  let v = memo.get(hint);
  if (v !== undefined) return v;
  let neg = false;
  let pos = false;
  if (hint.trim() !== '') {
    neg = NEGATIVE_RE.test(hint) || tokenize(hint).some((t) => NEGATIVE_TOKENS.has(t) || AD_PART.test(t));
    pos = POSITIVE_RE.test(hint);
  }
  const strong = neg && STRONG_NEGATIVE_RE.test(hint);
  v = (neg ? 1 : 0) | (pos ? 2 : 0) | (strong ? 4 : 0);
  if (memo.size > 50_000) memo.clear();
  memo.set(hint, v);
  return v;
}

export function isNegativeHint(hint: string): boolean {
  return (verdict(hint) & 1) !== 0;
}

export function isPositiveHint(hint: string): boolean {
  return (verdict(hint) & 2) !== 0;
}

/** Negative hint strong enough to win over positive stems in the same class string. */
export function isStrongNegativeHint(hint: string): boolean {
  return (verdict(hint) & 4) !== 0;
}

/** Readability-style weight of an element's class and id: -25 per negative, +25 per positive side. */
export function classWeight(el: Element): number {
  const a = el.attribs;
  let w = 0;
  for (const v of [a['class'], a['id']]) {
    if (!v) continue;
    const h = v.toLowerCase();
    if (isNegativeHint(h)) w -= 25;
    if (isPositiveHint(h)) w += 25;
  }
  if (a['itemprop'] === 'articleBody' || a['itemprop'] === 'articlebody') w += 50;
  return w;
}

/** Short paragraphs that are furniture, not article text ("Leia também:", "Publicidad", "Compartir"). */
export const BOILERPLATE_LINE =
  /^(?:publicidad|publicidade|advertisement|anuncio|anúncio|sponsored|patrocinado|compartir|compartilhe|compartilhar|share( this)?( article| story)?|comentarios|comentários|comments?|leia (também|mais)|lea (también|más)|lee (también|más)|te puede interesar|también te puede interesar|read more|related( articles| stories)?|more on this|siga-nos|nos siga|síguenos|sígue?nos|follow us|suscríbete|assine|subscribe|newsletter|ver más|ver mais|saiba mais|mira también|veja também|foto:|imagen:|image:|photo:|crédito:|créditos:|fuente:|fonte:|lee además|recomendados|notas relacionadas|noticias relacionadas|mais lidas|más leídas|most read|tags?:|etiquetas:|temas:|tópicos:|whatsapp|facebook|twitter|telegram|linkedin|email|e-mail|imprimir|print|advert|this slideshow requires javascript|have a tip\?|tienes un dato\?|cargando|loading)\b/i;

/** Calls to subscribe, download an app or join a channel: furniture when they sit in the body. */
export const PROMO_LINE =
  /(?:\b(?:please subscribe|subscribe (?:now|today|here|to (?:our|the))|already a subscriber|sign up for (?:our|the) newsletter|subscribe to [\w.’']+ newsletters?|(?:get|receive) the latest [\w\s]{0,30}in your inbox|straight to your (?:phone|inbox|device|mobile)|suscr[íi]b(?:e|ase)te?\b|assine (?:j[áa]|agora|a nossa|o nosso)|download (?:the|our) [\w\s]{0,30}apps?|descarg[ae] (?:la|nuestra) app|baixe o (?:nosso )?app|[úu]nete (?:a|al|desde|en|ya)|join (?:us|now)|s[íi]guenos|siga-nos|nos siga|follow us|canal de (?:telegram|whatsapp)|(?:telegram|whatsapp) channel|log in for (?:immediate|full) access)\b)/i;
