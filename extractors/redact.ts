import type { Entity, Extraction } from '../core/index.js';
import { foldSameLength, isWordUnit, nameWords } from './roles.js';

/** Block character used to redact; same length as the original so every stored span stays valid. */
export const REDACTION_CHAR = '█';

function redactRange(chars: string[], start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) {
    const c = chars[i]!;
    if (!/\s/.test(c) && !/[\uD800-\uDFFF]/.test(c)) chars[i] = REDACTION_CHAR;
  }
}

/** Every case-insensitive occurrence of each name becomes blocks of the same length (offsets stay valid). */
export function blockOutNames(text: string, names: readonly string[]): string {
  const ranges = nameRanges(text, names);
  if (ranges.length === 0) return text;
  const units = text.split('');
  for (const r of ranges) redactRange(units, r.start, r.end);
  return units.join('');
}

function nameRanges(text: string, names: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const lower = text.toLowerCase();
  for (const name of names) {
    const n = name.trim().toLowerCase();
    if (n.length < 3) continue;
    for (let i = lower.indexOf(n); i !== -1; i = lower.indexOf(n, i + n.length)) out.push({ start: i, end: i + n.length });
  }
  return out;
}

/** Whose names a stored lead masks (`Config` holds both). */
export interface NamePolicy {
  /** Authorised deployments only: store every name as published. */
  readonly keepVictimNames: boolean;
  /**
   * Also mask the people whose role the text does not establish (a person entity without `role`): a victim the
   * role rules missed is far more often among them than among people with a suspect's or an official's cue.
   */
  readonly maskUnknownRoles: boolean;
}

/** The default: victims and people of unknown role masked. */
export const DEFAULT_NAME_POLICY: NamePolicy = { keepVictimNames: false, maskUnknownRoles: true };

/** Whether a person entity's name is masked: a victim, or (with `unknownRoles`) a person without a role. */
export function isMaskedPerson(e: Pick<Entity, 'type' | 'role'>, unknownRoles: boolean): boolean {
  return e.type === 'person' && (e.role === 'victim' || (unknownRoles && e.role === undefined));
}

/**
 * Where the words of masked people's names occur again outside the entities: 'López dijo', a first name the tagger missed.
 * A word counts when it is written as in the masked name (capitalised, whole word, three letters or more) and the
 * place is not inside another entity or a place ('Santa Rosa' stays when the victim is Rosa; a suspect's full name
 * that shares the victim's surname stays readable).
 */
function maskedWordRanges(text: string, extraction: Pick<Extraction, 'entities' | 'places'>, unknownRoles = true): Array<{ start: number; end: number }> {
  const masked = (e: Entity) => isMaskedPerson(e, unknownRoles);
  const people = extraction.entities.filter(masked);
  if (people.length === 0) return [];
  const words = new Set<string>();
  for (const v of people) {
    const folded = new Set(nameWords(v.text));
    for (const w of v.text.split(/[\s,]+/)) {
      const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (bare.length >= 3 && /^\p{Lu}/u.test(bare) && folded.has(foldSameLength(bare))) {
        words.add(bare);
        // In capitals too: a headline ('RESCATAN A MARÍA LÓPEZ'), an interview's speaker label ('LÓPEZ:').
        words.add(bare.toUpperCase());
      }
    }
  }
  // The tagger's place or organisation that is exactly one of those words ("If you are Kayleigh", "Yusmary's") is the
  // person again; a resolved place is not ('Lima' the city stays when a masked person is called Lima).
  const sameWord = (e: Entity) => e.type !== 'person' && words.has(e.text.replace(/['’]s$/u, ''));
  const blockers = [...extraction.entities.filter((e) => !masked(e) && !sameWord(e)), ...extraction.places];
  const out: Array<{ start: number; end: number }> = [];
  for (const w of words) {
    for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + w.length)) {
      const end = i + w.length;
      if (isWordUnit(text[i - 1]) || isWordUnit(text[end])) continue;
      if (blockers.some((b) => b.start < end && i < b.end)) continue;
      out.push({ start: i, end });
    }
  }
  return out;
}

/**
 * Redacts victims' names (person entities with role `victim`, every other place their name words occur outside
 * other names and places, plus any extra names such as a notice's subject), and by default the names of people
 * whose role the text does not establish, in the text and in every span that quotes them. Redaction keeps the
 * length, so indicator, place and evidence offsets still point at the same words. Nothing else is changed.
 */
export function redactVictims(
  text: string,
  extraction: Extraction,
  extraNames: readonly string[] = [],
  unknownRoles = DEFAULT_NAME_POLICY.maskUnknownRoles,
): { text: string; extraction: Extraction } {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const e of extraction.entities) if (isMaskedPerson(e, unknownRoles)) ranges.push({ start: e.start, end: e.end });
  ranges.push(...maskedWordRanges(text, extraction, unknownRoles));
  ranges.push(...nameRanges(text, extraNames));
  if (ranges.length === 0) return { text, extraction };
  // UTF-16 code units, the unit of every offset we store.
  const units = text.split('');
  for (const r of ranges) redactRange(units, r.start, r.end);
  const out = units.join('');
  const cut = (s: { start: number; end: number; text: string }) => out.slice(s.start, s.end) || s.text;
  const entities: Entity[] = extraction.entities.map((e) => ({ ...e, text: cut(e) }));
  return {
    text: out,
    extraction: {
      ...extraction,
      entities,
      indicators: extraction.indicators.map((i) => ({ ...i, text: cut(i) })),
      places: extraction.places.map((p) => ({ ...p, text: cut(p) })),
      relevance: {
        ...extraction.relevance,
        reasons: extraction.relevance.reasons.map((r) => (r.start !== undefined && r.end !== undefined ? { ...r, text: out.slice(r.start, r.end) } : r)),
      },
      victims: {
        ...extraction.victims,
        ...(extraction.victims.evidence ? { evidence: extraction.victims.evidence.map((e) => ({ ...e, text: cut(e) })) } : {}),
      },
    },
  };
}

/** The text and analysis as a lead stores them under `policy`. */
export function redactForStorage(text: string, extraction: Extraction, policy: NamePolicy): { text: string; extraction: Extraction } {
  return policy.keepVictimNames ? { text, extraction } : redactVictims(text, extraction, [], policy.maskUnknownRoles);
}
