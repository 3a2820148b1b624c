import { z } from 'zod';
import { LEAD_KINDS, type SourceConfig, type SourceDocument } from '../core/index.js';
import type { Stage } from './names.js';

const sourceSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  kind: z.enum(['rss', 'atom', 'jsonfeed', 'feed', 'sitemap', 'listing', 'article', 'notice', 'file']),
  lang: z.string().optional(),
  country: z.string().optional(),
  pollMinutes: z.number().optional(),
  selectors: z
    .object({
      items: z.string().optional(),
      link: z.string().optional(),
      body: z.string().optional(),
      title: z.string().optional(),
      date: z.string().optional(),
    })
    .optional(),
  notices: z.boolean().optional(),
  enabled: z.boolean().optional(),
  isFolder: z.boolean().optional(),
});

export const discoverPayload = z.object({ source: sourceSchema, force: z.boolean().optional(), parentUrl: z.string().min(1).optional() });

export const fetchPayload = z.object({
  url: z.string().min(1),
  sourceId: z.string().min(1),
  kind: z.enum(LEAD_KINDS),
  langHint: z.string().optional(),
  countryHint: z.string().optional(),
  bodySelector: z.string().optional(),
  feedTitle: z.string().nullable().optional(),
  feedPublishedAt: z.string().nullable().optional(),
  force: z.boolean().optional(),
  /** Fetch again even if seen, conditionally (If-None-Match / If-Modified-Since): a page polled as its own source. */
  revalidate: z.boolean().optional(),
});

const noticeSchema = z.object({
  name: z.string().nullable(),
  age: z.number().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  lastSeenDate: z.string().nullable(),
  lastSeenPlace: z.string().nullable(),
  authority: z.string().nullable(),
  alertType: z.string().nullable(),
  noticeUrl: z.string(),
});

export const analyzePayload = z.object({
  doc: z.object({
    url: z.string(),
    canonicalUrl: z.string(),
    sourceId: z.string(),
    kind: z.enum(LEAD_KINDS),
    fetchedAt: z.string(),
    title: z.string().nullable(),
    text: z.string(),
    publishedAt: z.string().nullable(),
    language: z.string().nullable(),
    author: z.string().nullable(),
    contentHash: z.string(),
    simhash: z.string().optional(),
    langHint: z.string().optional(),
    countryHint: z.string().optional(),
    notice: noticeSchema.optional(),
  }),
});

export const rescorePayload = z.object({ leadId: z.string().optional(), all: z.boolean().optional() });

/** Drops keys whose value is undefined: zod's optional fields are `T | undefined`, our types are exact. */
type Exact<T> = T extends Array<infer U>
  ? Array<Exact<U>>
  : T extends object
    ? { [K in keyof T as undefined extends T[K] ? K : never]?: Exact<Exclude<T[K], undefined>> } & {
        [K in keyof T as undefined extends T[K] ? never : K]: Exact<T[K]>;
      }
    : T;

/** `parentUrl`: set on a child sitemap of a sitemap index; the source's own state stays keyed to the parent. */
export type DiscoverPayload = { source: SourceConfig & { isFolder?: boolean }; force?: boolean; parentUrl?: string };
export type FetchPayload = Exact<z.infer<typeof fetchPayload>>;
export type AnalyzePayload = { doc: SourceDocument };
export type RescorePayload = Exact<z.infer<typeof rescorePayload>>;

export interface PayloadByStage {
  discover: DiscoverPayload;
  fetch: FetchPayload;
  analyze: AnalyzePayload;
}

export const PAYLOAD_SCHEMAS: { [S in Stage]: z.ZodType<PayloadByStage[S]> } = {
  discover: discoverPayload as unknown as z.ZodType<DiscoverPayload>,
  fetch: fetchPayload as unknown as z.ZodType<FetchPayload>,
  analyze: analyzePayload as unknown as z.ZodType<AnalyzePayload>,
};
