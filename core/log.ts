import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs go to stderr (stdout is reserved for command output such as JSON Lines).
 * Level comes from config; callers pass the logger down explicitly.
 */
export function createLogger(level: string, name = 'rastro'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
