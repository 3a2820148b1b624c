import { z } from 'zod';
import { EXPLOITATION_TYPES } from '../core/index.js';
import type { IndicatorGroup } from '../core/index.js';

/** Schemas of the analyst-edited YAML files (notes/LEXICON-FORMAT.md). */

export const GROUPS = ['offence', 'act', 'means', 'purpose', 'ilo', 'victim', 'event', 'context'] as const satisfies readonly IndicatorGroup[];

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const patternList = z.array(nonEmpty, 'must be a list of patterns');

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, 'category id must look like <group>.<name> in lower case'),
  group: z.enum(GROUPS),
  type: z.enum(EXPLOITATION_TYPES).optional(),
  ctdc: z.string().optional(),
  description: z.record(z.string(), z.string()).optional(),
});

export const taxonomySchema = z.object({
  version: z.union([z.number(), z.string()]).optional(),
  categories: z.array(categorySchema).min(1, 'needs at least one category'),
});

export const entrySchema = z.object({
  id: z.string().regex(/^[a-z]{2,3}\.[a-z]+\.[a-z0-9_.-]+$/, 'entry id must look like <lang>.<group>.<slug> in lower case'),
  category: nonEmpty,
  weight: z.number('weight must be a number').min(0, 'weight must be between 0 and 1').max(1, 'weight must be between 0 and 1'),
  patterns: patternList.min(1, 'needs at least one pattern'),
  exclude: patternList.optional(),
  notes: z.string().optional(),
  examples: z
    .object({
      match: z.array(z.string()).optional(),
      no_match: z.array(z.string()).optional(),
    })
    .optional(),
});

export const entryFileSchema = z.object({
  lang: z.string().regex(/^[a-z]{2,3}$/, 'lang must be a primary language subtag such as es'),
  group: z.enum(GROUPS),
  entries: z.array(entrySchema),
});

export const cuesFileSchema = z.object({
  lang: z.string().regex(/^[a-z]{2,3}$/, 'lang must be a primary language subtag such as es'),
  negation: patternList.optional(),
  hedge: patternList.optional(),
  post_negation: patternList.optional(),
  clause_breaks: patternList.optional(),
});

export type CategoryDef = z.infer<typeof categorySchema>;
export type TaxonomyFile = z.infer<typeof taxonomySchema>;
export type EntryDef = z.infer<typeof entrySchema>;
export type EntryFile = z.infer<typeof entryFileSchema>;
export type CuesFile = z.infer<typeof cuesFileSchema>;

/** Keys each object may have; others are reported as warnings by validateLexicons (typos like `pattern:`). */
export const KNOWN_KEYS = {
  entryFile: ['lang', 'group', 'entries'],
  entry: ['id', 'category', 'weight', 'patterns', 'exclude', 'notes', 'examples'],
  examples: ['match', 'no_match'],
  cues: ['lang', 'negation', 'hedge', 'post_negation', 'clause_breaks'],
} as const;
