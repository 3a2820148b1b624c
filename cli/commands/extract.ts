import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';
import { describeError, InputError, type ExtractInput, type Extraction } from '../../core/index.js';
import { extractArticle } from '../../sources/index.js';
import { emptyFindings, type BatchOutcome } from '../../extractors/index.js';
import { batchExtractorFor, configFrom, extractorFor, lexiconProvider, type GlobalOptions } from '../context.js';
import { highlight } from '../format.js';

const EMPTY = emptyFindings();

/**
 * Reads JSON Lines on stdin and writes one line per input line, in order (the eval `extract` contract).
 * The lines that arrive together (one read of stdin holds many) are extracted as one batch, which is faster
 * (createBatchExtractor); they are answered as soon as the input pauses, so a caller that writes one line and
 * waits for its answer still gets it.
 */
export async function extractStream(opts: GlobalOptions): Promise<number> {
  const config = configFrom(opts);
  const extractBatch = batchExtractorFor(config, lexiconProvider(config));
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let errors = 0;
  const errorLine = (id: unknown, err: unknown): string => {
    errors++;
    return JSON.stringify({ id, error: describeError(err), ...EMPTY }) + '\n';
  };
  /** Answers a run of lines: each is parsed on its own, the readable ones are extracted together. */
  const answer = (lines: readonly string[]): void => {
    // Per line, in order: its answer when already known (an error), else its input's place in the batch.
    const slots: Array<{ id: unknown; done: string } | { id: unknown; at: number }> = [];
    const inputs: ExtractInput[] = [];
    for (const line of lines) {
      if (!line.trim()) continue;
      n++;
      let id: unknown = null;
      try {
        const input = JSON.parse(line) as { id?: unknown; text?: unknown; html?: unknown; url?: unknown; lang?: unknown };
        id = input.id ?? null;
        let text = typeof input.text === 'string' ? input.text : null;
        if (text === null && typeof input.html === 'string') text = extractArticle(input.html, typeof input.url === 'string' ? input.url : undefined).text ?? '';
        if (text === null) throw new InputError('input_invalid', `extract: line ${n} has neither "text" nor "html"`);
        slots.push({ id, at: inputs.push({ text, ...(typeof input.lang === 'string' && input.lang ? { lang: input.lang } : {}) }) - 1 });
      } catch (err) {
        slots.push({ id, done: errorLine(id, err) });
      }
    }
    let outcomes: BatchOutcome[];
    try {
      outcomes = extractBatch(inputs);
    } catch (error) {
      // something every document needs failed (the lexicon set, say): each line gets the error, as alone
      outcomes = inputs.map(() => ({ ok: false, error }));
    }
    let out = '';
    for (const slot of slots) {
      if ('done' in slot) {
        out += slot.done;
        continue;
      }
      const o = outcomes[slot.at]!;
      out += o.ok ? JSON.stringify({ id: slot.id, ...o.extraction }) + '\n' : errorLine(slot.id, o.error);
    }
    if (out) process.stdout.write(out);
  };
  await new Promise<void>((resolve, reject) => {
    let pending: string[] = [];
    let scheduled = false;
    const flush = (): void => {
      scheduled = false;
      const lines = pending;
      pending = [];
      try {
        answer(lines);
      } catch (err) {
        reject(err);
      }
    };
    rl.on('line', (line) => {
      pending.push(line);
      // the lines of one read arrive in one go: answer them together once this read is done
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });
    rl.on('close', () => {
      flush();
      resolve();
    });
  });
  if (errors) process.stderr.write(`extract: ${errors} of ${n} lines had errors (answered with empty results)\n`);
  return 0;
}

/** One document, for a person to read: label, reasons with the evidence highlighted in its sentences, and findings. */
export async function extractFile(file: string, opts: GlobalOptions & { lang?: string; json?: boolean }): Promise<number> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError('file_unreadable', `extract: cannot read ${file}: ${(err as Error).message}`);
  }
  const isHtml = ['.html', '.htm'].includes(extname(file).toLowerCase()) || /^\s*<(!doctype|html)/i.test(raw);
  const text = isHtml ? (extractArticle(raw).text ?? '') : raw;
  const config = configFrom(opts);
  const x = extractorFor(config, lexiconProvider(config))({ text, ...(opts.lang ? { lang: opts.lang } : {}) });
  if (opts.json) {
    process.stdout.write(JSON.stringify(x, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(renderExtraction(text, x, process.stdout.isTTY === true) + '\n');
  return 0;
}

export function renderExtraction(text: string, x: Extraction, color: boolean): string {
  const out: string[] = [];
  out.push(`label: ${x.relevance.label}  score: ${x.relevance.score.toFixed(2)}  language: ${x.language}`);
  out.push(`types: ${x.types.join(', ') || '-'}`);
  out.push(`countries: ${x.countries.join(', ') || '-'}  event country: ${x.eventCountry ?? '-'}`);
  const v = x.victims;
  out.push(`victims: count ${v.count ?? '?'}, minors ${v.minors ?? '?'}, nationalities ${v.nationalities.join(', ') || '-'}`);
  const live = x.indicators.filter((i) => !i.negated);
  out.push('', `evidence (${live.length} indicators${x.indicators.length > live.length ? `, ${x.indicators.length - live.length} negated` : ''}):`);
  const bySentence = new Map<string, typeof live>();
  for (const i of live) {
    const key = i.sentence ? `${i.sentence.start}:${i.sentence.end}` : `${i.start}:${i.end}`;
    bySentence.set(key, [...(bySentence.get(key) ?? []), i]);
  }
  for (const [key, hits] of bySentence) {
    const [s, e] = key.split(':').map(Number) as [number, number];
    const sentence = text.slice(s, e).replace(/\s+/g, ' ');
    out.push(`  • ${highlight(text.slice(s, e), hits.map((h) => ({ start: h.start - s, end: h.end - s })), color).replace(/\s+/g, ' ') || sentence}`);
    out.push(`    ${hits.map((h) => `${h.category} (${h.weight})`).join('; ')}`);
  }
  const ents = x.entities.filter((e) => ['person', 'organization', 'location'].includes(e.type));
  if (ents.length) out.push('', `entities: ${ents.map((e) => `${e.text} [${e.type}${e.role ? '/' + e.role : ''}]`).join('; ')}`);
  if (x.places.length) out.push(`places: ${x.places.map((p) => `${p.text} → ${p.name}, ${p.admin1 ?? ''} ${p.countryCode ?? '?'}`).join('; ')}`);
  out.push('', `lexicon ${x.lexiconVersion} · ${x.extractorVersion}`);
  return out.join('\n');
}
