/**
 * Converts NER sentences written with inline brackets into the CoNLL files of samples/ner:
 *
 *   npx tsx scripts/bracket-to-conll.ts IN.txt OUT.conll
 *
 * Input: one sentence per line; a line `=== DOC` (anything after it is a comment) starts a document; lines
 * starting with `#` and blank lines are skipped. Names are marked `[PER ...]`, `[LOC ...]`, `[ORG ...]` or
 * `[MISC ...]`, not nested; square brackets have no other use. Output: `TOKEN _ _ TAG` rows with IOB2 tags,
 * documents separated by `-DOCSTART- -X- -X- O`, as the other sets here.
 *
 * Tokens follow CoNLL-2002: punctuation is split off; hyphenated words, numbers with separators ('1.500',
 * '23,5', '12h30'), abbreviations made of letters and periods ('S.A.', 'EE.UU.'), an initial ('A.') and the
 * abbreviations in ABBREVIATIONS ('Sr.', 'Dra.', 'Av.', 'Ltda.') stay whole. The writer of a set never runs this
 * on anything but its own text, so the tokens are the same whoever converts it. It does not call the recogniser's
 * tokenizer (extractors/entities/tokenize.ts) on purpose: the dev sets' tokens must not change when the system they
 * measure does.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);
/** Abbreviations kept with their period (lower-cased). */
const ABBREVIATIONS = new Set([
  'sr.', 'sra.', 'srta.', 'dr.', 'dra.', 'drs.', 'prof.', 'profa.', 'av.', 'ltda.', 'cia.', 'gral.', 'gen.', 'cel.',
  'cap.', 'sgto.', 'sgt.', 'tte.', 'lic.', 'ing.', 'arq.', 'mons.', 'sto.', 'sta.', 'dña.', 'd.', 'vs.', 'etc.',
  'núm.', 'nº.', 'n.', 'km.', 'col.', 'pág.', 'tel.', 'art.', 'inc.', 'jr.', 'st.', 'co.', 'dept.', 'depto.', 'lda.',
]);
const OPENING = /^[«“"'‘(¿¡[{—–-]/u;
const CLOSING = /[»”"'’).,;:!?…}\]—–]$/u;
const INITIALS = /^(?:(?:\p{L}{1,3}\.){2,}|\p{Lu}\.)$/u;
const NUMBER = /^[\p{N}][\p{N}.,:/h%ºª]*$/u;

/** Splits one whitespace-free chunk into tokens. */
function splitChunk(chunk: string): string[] {
  const head: string[] = [];
  const tail: string[] = [];
  let s = chunk;
  while (s.length > 1 && OPENING.test(s) && !/^[-–—]\p{N}/u.test(s)) {
    head.push(s[0]!);
    s = s.slice(1);
  }
  for (;;) {
    if (s.length <= 1 || !CLOSING.test(s)) break;
    if (s.endsWith('...')) {
      tail.unshift('...');
      s = s.slice(0, -3);
      continue;
    }
    if (s.endsWith('.') && (ABBREVIATIONS.has(s.toLowerCase()) || INITIALS.test(s))) break;
    tail.unshift(s.slice(-1));
    s = s.slice(0, -1);
  }
  if (s.length > 0 && !NUMBER.test(s) && /[,;:]/u.test(s.slice(0, -1))) {
    // 'palavra,outra' written without a space: split at the punctuation (numbers keep theirs)
    return [...head, ...s.split(/([,;:])/u).filter((x) => x !== ''), ...tail];
  }
  return [...head, ...(s.length > 0 ? [s] : []), ...tail];
}

export function tokenize(text: string): string[] {
  return text.split(/\s+/u).filter((c) => c !== '').flatMap(splitChunk);
}

/** Tokens and IOB2 tags of one bracketed sentence. */
export function convertSentence(line: string): { tokens: string[]; tags: string[] } {
  const tokens: string[] = [];
  const tags: string[] = [];
  const re = /\[(PER|LOC|ORG|MISC) ([^\][]+)\]/gu;
  let last = 0;
  for (const m of line.matchAll(re)) {
    const before = line.slice(last, m.index);
    if (/[\][]/u.test(before)) throw new Error(`stray bracket in: ${line}`);
    for (const t of tokenize(before)) tokens.push(t), tags.push('O');
    const type = m[1]!;
    if (!TYPES.has(type)) throw new Error(`unknown type ${type} in: ${line}`);
    const inner = tokenize(m[2]!);
    if (inner.length === 0) throw new Error(`empty name in: ${line}`);
    inner.forEach((t, k) => (tokens.push(t), tags.push(`${k === 0 ? 'B' : 'I'}-${type}`)));
    last = m.index + m[0].length;
  }
  const rest = line.slice(last);
  if (/[\][]/u.test(rest)) throw new Error(`stray or malformed bracket in: ${line}`);
  for (const t of tokenize(rest)) tokens.push(t), tags.push('O');
  return { tokens, tags };
}

export function convert(text: string): string {
  const out: string[] = [];
  let inDoc = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('=== DOC')) {
      out.push('-DOCSTART- -X- -X- O', '');
      inDoc = true;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    if (!inDoc) throw new Error('the first sentence comes before any "=== DOC" line');
    const { tokens, tags } = convertSentence(line);
    tokens.forEach((t, i) => out.push(`${t} _ _ ${tags[i]}`));
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: bracket-to-conll.ts IN.txt OUT.conll');
  writeFileSync(output, convert(readFileSync(input, 'utf8')));
}
