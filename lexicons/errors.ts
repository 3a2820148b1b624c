import { InputError } from '../core/index.js';

/** A lexicon file is invalid: names the file, the 1-based line (0 when unknown) and the reason. */
export class LexiconError extends InputError {
  readonly file: string;
  readonly line: number;
  readonly reason: string;

  constructor(file: string, line: number, reason: string, options: { cause?: unknown } = {}) {
    super('lexicon_invalid', `${file}${line > 0 ? `:${line}` : ''}: ${reason}`, { ...options, subject: file });
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** A pattern string is invalid; `column` is 1-based within the pattern. Wrapped into a LexiconError by the loader. */
export class PatternError extends Error {
  override name = 'PatternError' as const;
  readonly column: number;

  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}
