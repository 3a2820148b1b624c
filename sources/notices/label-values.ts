/**
 * Label/value pairs of a notice page: table rows (th/td or two cells), definition lists (dt/dd) and
 * "Label: value" lines. Only labels we know (labels.ts) are kept; the first value of a field wins.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { fieldOfLabel, type NoticeField } from './labels.js';

export interface LabelValue {
  field: NoticeField;
  label: string;
  value: string;
}

const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

function push(out: LabelValue[], label: string, value: string): void {
  const field = fieldOfLabel(label);
  const v = collapse(value).replace(/^[:：\-–—]\s*/, '');
  if (field && v !== '' && v.length <= 300) out.push({ field, label: collapse(label), value: v });
}

/** Lines of visible text, a `<br>` or block boundary ending each line. */
function lines($: CheerioAPI): string[] {
  const out: string[] = [];
  let line = '';
  const block = /^(?:p|div|li|dd|dt|tr|td|th|h[1-6]|section|article|ul|ol|dl|table|header|footer|main|blockquote)$/;
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') {
      line += (n as { data: string }).data;
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const name = 'name' in n ? (n as { name: string }).name : '';
    if (name === 'br') {
      out.push(line);
      line = '';
      return;
    }
    const isBlock = block.test(name);
    if (isBlock) {
      out.push(line);
      line = '';
    }
    for (const c of 'children' in n ? (n.children as AnyNode[]) : []) walk(c);
    if (isBlock) {
      out.push(line);
      line = '';
    }
  };
  const body = $('body')[0] ?? $.root()[0];
  if (body) walk(body as AnyNode);
  out.push(line);
  return out.map(collapse).filter((l) => l !== '');
}

export function readLabelValues($: CheerioAPI): LabelValue[] {
  const out: LabelValue[] = [];
  $('tr').each((_i, tr) => {
    const cells = $(tr).children('th, td').toArray();
    if (cells.length >= 2) push(out, $(cells[0]).text(), $(cells[1]).text());
  });
  $('dt').each((_i, dt) => {
    const dd = $(dt).nextAll('dd').first();
    if (dd.length) push(out, $(dt).text(), dd.text());
  });
  // <span class="label">Edad</span> <span class="valor">13 años</span>: a label element, its value next to it.
  $('body span, body strong, body b, body label, body div, body p, body li').each((_i, el) => {
    if (el.type !== 'tag' || el.children.some((c) => c.type === 'tag' && c.name !== 'br')) return;
    const inline = /^(?:span|strong|b|label)$/.test(el.name);
    const marked = /label|campo|etiqueta|rotulo|field|key|dato-titulo|titulo-dato/i.test(el.attribs['class'] ?? '');
    if (!inline && !marked) return;
    const label = collapse($(el).text());
    if (label === '' || label.length > 60 || /[:：]\s*\S/.test(label)) return;
    let sib = el.next;
    while (sib && sib.type === 'text' && collapse((sib as unknown as { data: string }).data) === '') sib = sib.next;
    if (!sib || (sib.type !== 'text' && sib.type !== 'tag')) return;
    const value = collapse(sib.type === 'text' ? (sib as unknown as { data: string }).data : $(sib).text());
    if (value !== '' && value.length <= 120 && !fieldOfLabel(value)) push(out, label, value);
  });
  for (const line of lines($)) {
    const colon = line.search(/[:：]/);
    if (colon > 0 && colon <= 60) push(out, line.slice(0, colon), line.slice(colon + 1));
  }
  return out;
}
