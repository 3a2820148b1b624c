import { z } from 'zod';
import { EXPLOITATION_TYPES, LEAD_STATUSES, RELEVANCE_LABELS, type LeadStatus } from '../core/index.js';
import type { LeadFilter, ListOptions } from '../store/index.js';

/**
 * Query and body validation (zod). Empty form fields mean "not set", so a GET form can submit every input.
 * `status` takes one status, a comma list, `open` (everything but dismissed) or `all`.
 */
export const STATUS_CHOICES = ['open', 'all', ...LEAD_STATUSES] as const;
export const OPEN_STATUSES: LeadStatus[] = LEAD_STATUSES.filter((s) => s !== 'dismissed');
export const SORTS = ['score', 'date', 'updated'] as const;
export const MAX_LIMIT = 200;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'expected an ISO date such as 2026-03-12')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

const statusList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(STATUS_CHOICES)).min(1, 'expected at least one status'));

export const leadQuerySchema = z
  .object({
    status: statusList.optional(),
    label: z.enum(RELEVANCE_LABELS).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'expected a two-letter ISO country code')
      .transform((s) => s.toUpperCase())
      .optional(),
    type: z.enum(EXPLOITATION_TYPES).optional(),
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}$/, 'expected a language code such as es, pt or en')
      .transform((s) => s.toLowerCase())
      .optional(),
    minScore: z.coerce.number().min(0).max(1).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().max(200, 'at most 200 characters').optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    sort: z.enum(SORTS).optional(),
  })
  .strict();

export type LeadQuery = z.output<typeof leadQuerySchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** One readable line per problem: `minScore: Too big: expected number to be <=1`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const path = i.path.join('.');
      if (i.code === 'unrecognized_keys') return `unknown parameter(s): ${i.keys.join(', ')}`;
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}

/** URLSearchParams to a plain object: empty values dropped, repeated keys joined with commas. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    const value = v.trim();
    if (value === '') continue;
    out[k] = out[k] === undefined ? value : `${out[k]},${value}`;
  }
  return out;
}

export function parseLeadQuery(params: URLSearchParams): Parsed<LeadQuery> {
  const r = leadQuerySchema.safeParse(searchParamsObject(params));
  if (!r.success) return { ok: false, error: formatIssues(r.error) };
  if (r.data.from && r.data.to && r.data.from.slice(0, 10) > r.data.to.slice(0, 10)) {
    return { ok: false, error: 'from: must not be after to' };
  }
  return { ok: true, value: r.data };
}

/** Status choice to the statuses it means; `defaultStatus` applies when the query gives none. */
export function resolveStatuses(choice: readonly string[] | undefined, defaultChoice: (typeof STATUS_CHOICES)[number]): LeadStatus[] | undefined {
  const choices = choice ?? [defaultChoice];
  if (choices.includes('all')) return undefined;
  const out = new Set<LeadStatus>();
  for (const c of choices) {
    if (c === 'open') OPEN_STATUSES.forEach((s) => out.add(s));
    else out.add(c as LeadStatus);
  }
  return [...out];
}

export function toStoreQuery(q: LeadQuery, defaultStatus: (typeof STATUS_CHOICES)[number], defaultLimit = 50): { filter: LeadFilter; options: ListOptions } {
  const filter: LeadFilter = {};
  const status = resolveStatuses(q.status, defaultStatus);
  if (status) filter.status = status;
  if (q.label) filter.label = q.label;
  if (q.country) filter.country = q.country;
  if (q.type) filter.type = q.type;
  if (q.language) filter.language = q.language;
  if (q.minScore !== undefined) filter.minScore = q.minScore;
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.q) filter.text = q.q;
  return { filter, options: { limit: q.limit ?? defaultLimit, offset: q.offset ?? 0, sort: q.sort ?? 'score' } };
}

export const statusChangeSchema = z
  .object({
    status: z.enum(LEAD_STATUSES, { error: `status must be one of ${LEAD_STATUSES.join(', ')}` }),
    by: z.string().trim().min(1, 'by: the reviewer name is required').max(100),
    note: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((s) => (s ? s : null)),
  })
  .strict();

export type StatusChangeInput = z.output<typeof statusChangeSchema>;

export function parseStatusChange(body: unknown): Parsed<StatusChangeInput> {
  const r = statusChangeSchema.safeParse(body);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: formatIssues(r.error) };
}

/** Lead ids are the 24 hex digits of `leadIdFor`; anything else is a 404 before it reaches the store. */
export function isLeadId(id: string): boolean {
  return /^[0-9a-f]{8,64}$/.test(id);
}
