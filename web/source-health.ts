import type { SourceState } from '../core/index.js';

export type SourceHealth = 'ok' | 'failing' | 'never_polled';

export interface SourceHealthRow extends SourceState {
  health: SourceHealth;
}

/** Failing when the last poll failed (consecutive failures > 0); never polled when no success or error is known. */
export function sourceHealth(s: SourceState): SourceHealth {
  if (s.consecutiveFailures > 0) return 'failing';
  if (!s.lastSuccessAt && !s.lastErrorAt) return 'never_polled';
  return 'ok';
}

/** Sources for the health table: failing first (most failures first), then by id. Conditional-GET tokens are left out. */
export function healthRows(states: SourceState[]): Array<Omit<SourceHealthRow, 'etag' | 'lastModified'>> {
  return states
    .map(({ etag: _e, lastModified: _l, ...s }) => ({ ...s, health: sourceHealth({ ...s, etag: null, lastModified: null }) }))
    .sort((a, b) => b.consecutiveFailures - a.consecutiveFailures || a.sourceId.localeCompare(b.sourceId));
}
