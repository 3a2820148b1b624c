/**
 * Relates missing-person notices to trafficking incidents near them in place and time, and the other way
 * round. The store is asked only for the date window (and the lead's countries); distances are computed on
 * that bounded set. Every match carries the plain reasons a reviewer can check.
 */
import type { Lead, LeadStatus, Place } from '../core/index.js';
import { maskNameInText } from '../sources/index.js';
import type { LeadFilter, LeadStore } from '../store/index.js';

export interface RelatedOptions {
  /** Greatest distance between two places, in km (default 150). */
  maxKm?: number;
  /** Greatest distance between the two dates, in days (default 60). */
  days?: number;
  /** Most results returned, best first (default 20). */
  limit?: number;
}

/** What a related lead shows: no text, no evidence spans, no notice name; names masked in the title. */
export type RelatedLeadSummary = Pick<Lead, 'id' | 'kind' | 'label' | 'status' | 'score' | 'title' | 'publishedAt' | 'fetchedAt' | 'language' | 'eventCountry' | 'countries' | 'types' | 'notice'> & {
  victims: Pick<Lead['victims'], 'count' | 'minors' | 'nationalities' | 'gender'>;
};

export interface RelatedLead {
  lead: RelatedLeadSummary;
  /** Closest pair of places with coordinates; null when they matched by first-level division only. */
  distanceKm: number | null;
  daysApart: number | null;
  /** 0..1: nearness in place and time plus victim-profile agreement. */
  score: number;
  reasons: string[];
}

export const RELATED_DEFAULTS = { maxKm: 150, days: 60, limit: 20 } as const;
/** A notice is usually published after the person was last seen: how far after we still look. */
export const NOTICE_PUBLICATION_LAG_DAYS = 365;
/** Candidates read per country query (the date window keeps this far above real counts). */
export const MAX_CANDIDATES = 2000;
const OPEN: LeadStatus[] = ['new', 'needs_info', 'confirmed'];
const DAY_MS = 86_400_000;

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function validTime(s: string | null | undefined): number | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

/** The date a lead is placed at: a notice's last-seen date, else its publication date, else when it was fetched. */
export function anchorDate(lead: Pick<Lead, 'notice' | 'publishedAt' | 'fetchedAt'>): { time: number; what: 'last seen' | 'published' | 'fetched' } {
  const seen = validTime(lead.notice?.lastSeenDate);
  if (seen !== null) return { time: seen, what: 'last seen' };
  const pub = validTime(lead.publishedAt);
  if (pub !== null) return { time: pub, what: 'published' };
  return { time: validTime(lead.fetchedAt) ?? 0, what: 'fetched' };
}

const DIVISION_WORD: Record<string, string> = {
  CO: 'department', BO: 'department', GT: 'department', HN: 'department', SV: 'department', NI: 'department', PY: 'department', UY: 'department',
  MX: 'state', BR: 'state', VE: 'state', US: 'state', AR: 'province', EC: 'province', PA: 'province', DO: 'province', CR: 'province', CU: 'province', ES: 'province',
  PE: 'region', CL: 'region', PT: 'district',
};

/** Land borders around the regions we watch: a place across a border can be a few km away (Cúcuta – San Antonio del Táchira). */
const BORDERS =
  'AR-BO AR-BR AR-CL AR-PY AR-UY BO-BR BO-CL BO-PY BO-PE BR-CO BR-GF BR-GY BR-PY BR-PE BR-SR BR-UY BR-VE CL-PE CO-EC CO-PA CO-PE CO-VE EC-PE ' +
  'GF-SR GY-SR GY-VE PA-CR CR-NI NI-HN HN-GT HN-SV SV-GT GT-BZ GT-MX BZ-MX MX-US US-CA DO-HT ES-PT ES-FR ES-AD';
const NEIGHBOURS = new Map<string, string[]>();
for (const pair of BORDERS.split(' ')) {
  const [a, b] = pair.split('-') as [string, string];
  NEIGHBOURS.set(a, [...(NEIGHBOURS.get(a) ?? []), b]);
  NEIGHBOURS.set(b, [...(NEIGHBOURS.get(b) ?? []), a]);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const hasCoords = (p: Place) => p.lat !== null && p.lon !== null && p.kind !== 'country' && p.kind !== 'admin1';
const sameCountry = (a: Place, b: Place) => a.countryCode === null || b.countryCode === null || a.countryCode === b.countryCode;

interface PlaceMatch {
  km: number | null;
  a: Place;
  b: Place;
  sameDivision: boolean;
}

/** The best pair of places: the closest pair with coordinates within maxKm, else a pair in the same admin1. */
export function matchPlaces(mine: readonly Place[], theirs: readonly Place[], maxKm: number): PlaceMatch | null {
  let best: PlaceMatch | null = null;
  let division: PlaceMatch | null = null;
  for (const a of mine) {
    if (a.kind === 'country') continue;
    for (const b of theirs) {
      if (b.kind === 'country') continue;
      // admin1 names are compared only within one country; distances cross borders.
      const same = sameCountry(a, b) && a.admin1 !== null && b.admin1 !== null && fold(a.admin1) === fold(b.admin1);
      if (hasCoords(a) && hasCoords(b)) {
        const km = haversineKm(a.lat!, a.lon!, b.lat!, b.lon!);
        if (km <= maxKm && (best === null || km < best.km!)) best = { km, a, b, sameDivision: same };
      } else if (same && division === null) {
        division = { km: null, a, b, sameDivision: true };
      }
    }
  }
  return best ?? division;
}

function summarize(l: Lead): RelatedLeadSummary {
  const names = [l.notice?.name ?? null, ...l.entities.filter((e) => e.type === 'person' && e.role === 'victim').map((e) => e.text)];
  let title = l.title;
  for (const n of names) if (title && n && n.trim().length >= 3) title = maskNameInText(title, n);
  const { count, minors, nationalities } = l.victims;
  return {
    id: l.id, kind: l.kind, label: l.label, status: l.status, score: l.score, title, publishedAt: l.publishedAt, fetchedAt: l.fetchedAt,
    language: l.language, eventCountry: l.eventCountry, countries: l.countries, types: l.types,
    notice: l.notice ? { ...l.notice, name: null } : null,
    victims: { count, minors, nationalities, ...(l.victims.gender !== undefined ? { gender: l.victims.gender } : {}) },
  };
}

/** Victim-profile agreement between a notice and an incident: score bonus and reasons. */
function profile(notice: Lead, incident: Lead): { bonus: number; reasons: string[] } {
  const n = notice.notice;
  const v = incident.victims;
  const reasons: string[] = [];
  let bonus = 0;
  if (n?.age !== null && n?.age !== undefined && n.age < 18 && v.minors === true) {
    bonus += 0.15;
    reasons.push(`victims are minors; missing person is ${n.age}`);
  }
  if (n?.sex === 'female' && (v.gender === 'female' || v.gender === 'mixed')) {
    bonus += v.gender === 'female' ? 0.1 : 0.05;
    reasons.push(v.gender === 'female' ? 'victims are female; missing person is female' : 'victims include women or girls; missing person is female');
  }
  return { bonus, reasons };
}

/** Countries to query: those of the lead's places and mentions, plus the neighbours of countries it has places in. */
function countriesOf(l: Lead): string[] {
  const set = new Set<string>();
  for (const p of l.places) {
    if (!p.countryCode) continue;
    const cc = p.countryCode.toUpperCase();
    set.add(cc);
    for (const n of NEIGHBOURS.get(cc) ?? []) set.add(n);
  }
  if (l.eventCountry) set.add(l.eventCountry.toUpperCase());
  for (const c of l.countries) set.add(c.toUpperCase());
  return [...set];
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * For a notice: open incidents (articles labelled incident, not dismissed) near its places and within ±days
 * of its last-seen date. For an incident: open notices near it the same way. Anything else has no relations.
 */
export async function findRelatedLeads(store: LeadStore, lead: Lead, opts: RelatedOptions = {}): Promise<RelatedLead[]> {
  const maxKm = opts.maxKm ?? RELATED_DEFAULTS.maxKm;
  const days = opts.days ?? RELATED_DEFAULTS.days;
  const limit = opts.limit ?? RELATED_DEFAULTS.limit;
  const isNotice = lead.kind === 'notice';
  if (!isNotice && lead.label !== 'incident') return [];
  if (lead.places.length === 0 || limit <= 0) return [];

  const anchor = anchorDate(lead);
  // Incidents are placed at their publication date (the store's event date); notices at their last-seen date,
  // which comes before publication, so their publication window reaches further ahead.
  const from = isoDay(anchor.time - days * DAY_MS);
  const to = isoDay(anchor.time + (days + (isNotice ? 0 : NOTICE_PUBLICATION_LAG_DAYS)) * DAY_MS);
  const base: LeadFilter = isNotice ? { kind: 'article', label: 'incident', status: OPEN, from, to } : { kind: 'notice', status: OPEN, from, to };
  const countries = countriesOf(lead);
  const candidates = new Map<string, Lead>();
  for (const country of countries.length ? countries : [undefined]) {
    const { items } = await store.listLeads(country ? { ...base, country } : base, { limit: MAX_CANDIDATES, sort: 'date' });
    for (const c of items) if (c.id !== lead.id) candidates.set(c.id, c);
  }

  const out: RelatedLead[] = [];
  for (const c of candidates.values()) {
    const theirs = anchorDate(c);
    const daysApart = Math.round(Math.abs(theirs.time - anchor.time) / DAY_MS);
    if (daysApart > days) continue;
    const place = matchPlaces(lead.places, c.places, maxKm);
    if (!place) continue;
    const reasons: string[] = [];
    let score: number;
    const division = place.a.admin1 ?? place.b.admin1;
    const word = DIVISION_WORD[place.a.countryCode ?? place.b.countryCode ?? ''] ?? 'division';
    if (place.km !== null) {
      const km = Math.round(place.km);
      reasons.push(place.a.name === place.b.name && km === 0 ? `same place: ${place.a.name}` : `${km} km apart (${place.a.name} – ${place.b.name})`);
      if (place.sameDivision && division) reasons.push(`same ${word}: ${division}`);
      score = 0.45 * (1 - place.km / Math.max(maxKm, 1e-9));
    } else {
      reasons.push(`same ${word}: ${division ?? ''}`);
      score = 0.2;
    }
    reasons.push(daysApart === 0 ? 'same day' : `${daysApart} day${daysApart === 1 ? '' : 's'} apart (${anchor.what} ${isoDay(anchor.time)}, ${theirs.what} ${isoDay(theirs.time)})`);
    score += 0.3 * (1 - daysApart / Math.max(days, 1));
    const prof = isNotice ? profile(lead, c) : profile(c, lead);
    score += prof.bonus;
    reasons.push(...prof.reasons);
    out.push({ lead: summarize(c), distanceKm: place.km === null ? null : Math.round(place.km * 10) / 10, daysApart, score: Math.min(1, Math.round(score * 1000) / 1000), reasons });
  }
  out.sort((a, b) => b.score - a.score || (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || (a.daysApart ?? 0) - (b.daysApart ?? 0) || a.lead.id.localeCompare(b.lead.id));
  return out.slice(0, limit);
}
