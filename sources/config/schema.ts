import { z } from 'zod';
import type { SourceConfig, SourceKind } from '../../core/index.js';

export const SOURCE_KINDS = ['rss', 'atom', 'jsonfeed', 'feed', 'sitemap', 'listing', 'article', 'notice', 'file'] as const satisfies readonly SourceKind[];

const selectorsSchema = z
  .object({
    items: z.string().min(1).optional(),
    link: z.string().min(1).optional(),
    body: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
  })
  .strict();

/** One source entry as written in the YAML (before relative paths are resolved). */
export const sourceEntrySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'use letters, digits, ".", "_" or "-" (at most 64), starting with a letter or digit'),
    url: z.string().trim().min(1, 'must not be empty'),
    kind: z.enum(SOURCE_KINDS),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'use a language tag such as "es", "pt-BR"')
      .optional(),
    country: z
      .string()
      .regex(/^[a-z]{2}$/i, 'use an ISO 3166-1 alpha-2 code such as "CO"')
      .transform((s) => s.toUpperCase())
      .optional(),
    pollMinutes: z.number().int().min(1).max(10_080).optional(),
    selectors: selectorsSchema.optional(),
    notices: z.boolean().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.kind !== 'listing' || Boolean(s.selectors?.items || s.selectors?.link), {
    message: 'a listing source needs selectors.items or selectors.link',
    path: ['selectors'],
  });

/** File-level defaults applied to every source that does not set the field. */
const defaultsSchema = z
  .object({
    lang: z.string().optional(),
    country: z.string().optional(),
    pollMinutes: z.number().int().min(1).max(10_080).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

/** The file: `{ defaults?, sources: [...] }` (a bare list of sources is accepted too, by the loader). */
export const sourcesFileSchema = z.object({ defaults: defaultsSchema.optional(), sources: z.array(z.unknown()).default([]) }).strict();

export type SourceEntry = z.output<typeof sourceEntrySchema>;

/** A loaded source: the core SourceConfig with its url resolved, plus where it was declared. */
export interface LoadedSource extends SourceConfig {
  /** The url exactly as written in the YAML. */
  declaredUrl: string;
  /** True when url is a local folder (notices written as files): see listSourceFiles. */
  isFolder?: boolean;
}

export interface LoadedSources {
  /** Absolute path of the YAML file. */
  file: string;
  sources: LoadedSource[];
}
