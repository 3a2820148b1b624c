import type { Place } from '../../core/index.js';

/** Words of the events a lead is about: where these happen is the event country. */
const EVENT = /\b(?:rescat\p{L}*|liber\p{L}*|resgat\p{L}*|rescued|freed|raid\p{L}*|captur\p{L}*|detenid\p{L}*|detuv\p{L}*|arrest\p{L}*|aprehend\p{L}*|pres[oa]s?|prend\p{L}*|explota\p{L}*|explotad\p{L}*|explorad\p{L}*|explora[çc][aã]o|exploited|exploitation|operativo|operaci[oó]n|opera[çc][aã]o|allanamiento|desmantel\p{L}*|desarticul\p{L}*|trabajaban|trabalhavam|forced|obligad\p{L}*|for[çc]ad\p{L}*|sometid\p{L}*|submetid\p{L}*|encontrad\p{L}*|hallad\p{L}*)\b/giu;

/** ISO codes of the countries a text is about: resolved places plus the victims' nationalities. */
export function documentCountries(places: readonly Place[], nationalities: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const p of places) if (p.countryCode && p.confidence >= 0.3 && !out.includes(p.countryCode)) out.push(p.countryCode);
  for (const n of nationalities) if (!out.includes(n)) out.push(n);
  return out;
}

/**
 * Where the events happened: places close after event words ("explotadas en España", "rescued in Texas")
 * weigh most, then how often a country's places are named, then the source's country.
 */
export function eventCountry(text: string, places: readonly Place[], countryHint?: string | null): string | null {
  const score = new Map<string, number>();
  const add = (cc: string, w: number): void => {
    score.set(cc, (score.get(cc) ?? 0) + w);
  };
  const events: number[] = [];
  EVENT.lastIndex = 0;
  for (const m of text.matchAll(EVENT)) events.push(m.index + m[0].length);
  for (const p of places) {
    if (!p.countryCode) continue;
    add(p.countryCode, p.kind === 'country' ? 0.7 : 1);
    const nearEvent = events.some((e) => p.start >= e && p.start - e < 60) || events.some((e) => e <= p.start + 200 && e > p.end && e - p.end < 40);
    if (nearEvent) add(p.countryCode, 2);
    if (p.start < 200) add(p.countryCode, 0.5);
  }
  const hint = countryHint?.toUpperCase();
  if (hint && score.has(hint)) add(hint, 0.75);
  let best: string | null = null;
  let bestS = 0;
  for (const [cc, s] of score) if (s > bestS) [best, bestS] = [cc, s];
  return best;
}
