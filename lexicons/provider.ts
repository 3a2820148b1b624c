import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeError } from '../core/index.js';
import { buildLexiconSet } from './lexicon-set.js';
import type { LexiconSet } from './lexicon-set.js';
import { defaultLexiconDir, lexiconFiles, lexiconVersion, readLexiconSource } from './loader.js';

export interface ProviderOptions {
  /** Poll interval for `start()`, ms (default 30 s). */
  intervalMs?: number;
  /** Called with the new set after a successful reload. */
  onChange?: (set: LexiconSet, previous: LexiconSet) => void;
  /** Called when a changed folder fails to load; the previous set stays in use. */
  onError?: (err: unknown) => void;
}

/**
 * Holds the current LexiconSet and reloads it when the folder's content version changes, so a running
 * worker picks up an analyst's edit without a restart. A cheap mtime/size signature is checked first; the
 * content hash only when that moved. A broken edit never replaces a working set.
 */
export class LexiconProvider {
  readonly dir: string;
  private set: LexiconSet;
  private signature: string;
  private timer: NodeJS.Timeout | null = null;
  private readonly options: ProviderOptions;

  constructor(dir?: string, options: ProviderOptions = {}) {
    this.dir = resolve(dir ?? defaultLexiconDir());
    this.options = options;
    this.signature = fileSignature(this.dir);
    this.set = buildLexiconSet(readLexiconSource(this.dir));
  }

  /** The set to use now. */
  get current(): LexiconSet {
    return this.set;
  }

  /** Checks the folder once; returns true when a new version was loaded. */
  refresh(): boolean {
    const sig = fileSignature(this.dir);
    if (sig === this.signature) return false;
    this.signature = sig;
    if (lexiconVersion(this.dir) === this.set.version) return false;
    try {
      const next = buildLexiconSet(readLexiconSource(this.dir));
      const prev = this.set;
      this.set = next;
      this.options.onChange?.(next, prev);
      return true;
    } catch (err) {
      if (this.options.onError) this.options.onError(err);
      else process.emitWarning(`lexicons: keeping version ${this.set.version}: ${describeError(err)}`);
      return false;
    }
  }

  /** Polls every `intervalMs` (the timer does not keep the process alive). */
  start(): this {
    if (!this.timer) {
      this.timer = setInterval(() => this.refresh(), this.options.intervalMs ?? 30_000);
      this.timer.unref();
    }
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** Calls `onChange(set)` whenever the folder loads to a new version; returns a stop function. */
export function watchLexicons(dir: string, onChange: (set: LexiconSet) => void, options: Omit<ProviderOptions, 'onChange'> = {}): () => void {
  const p = new LexiconProvider(dir, { ...options, onChange: (set) => onChange(set) }).start();
  return () => p.stop();
}

function fileSignature(dir: string): string {
  return lexiconFiles(dir)
    .map((f) => {
      const st = statSync(f);
      return `${f}:${st.size}:${st.mtimeMs}`;
    })
    .join('|');
}
