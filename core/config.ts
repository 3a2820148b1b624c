import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * The one table of settings. Only this file reads `process.env`.
 * Each field: key, environment variable, default, parser, description (the README prints this table).
 */
const bool = z
  .union([z.boolean(), z.string()])
  .transform((v, ctx) => {
    if (typeof v === 'boolean') return v;
    const s = v.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(s)) return true;
    if (['0', 'false', 'no', 'off', ''].includes(s)) return false;
    ctx.addIssue({ code: 'custom', message: `expected a boolean (true/false), got "${v}"` });
    return z.NEVER;
  });
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean)));

export const CONFIG_FIELDS = {
  dbPath: { env: 'RASTRO_DB', default: './data/rastro.db', schema: z.string().min(1), doc: 'SQLite file of the embedded store' },
  redisUrl: { env: 'REDIS_URL', default: 'redis://127.0.0.1:6379', schema: z.string().url(), doc: 'Redis for the BullMQ pipeline' },
  mongodbUri: { env: 'MONGODB_URI', default: '', schema: z.string(), doc: 'MongoDB store; when set, workers store there instead of SQLite' },
  mongodbDb: { env: 'MONGODB_DB', default: 'rastro', schema: z.string().min(1), doc: 'MongoDB database name' },
  queuePrefix: { env: 'RASTRO_QUEUE_PREFIX', default: 'rastro', schema: z.string().min(1), doc: 'BullMQ key prefix' },
  concurrency: { env: 'RASTRO_CONCURRENCY', default: 4, schema: int(1, 256), doc: 'discover and fetch jobs in flight per process (embedded: both stages together; BullMQ: per stage); analyze has analyzeConcurrency' },
  analyzeConcurrency: {
    env: 'RASTRO_ANALYZE_CONCURRENCY',
    default: 16,
    schema: int(1, 256),
    doc: 'analyze jobs in flight per process; those ready together are extracted as one batch (1 = document by document)',
  },
  attempts: { env: 'RASTRO_ATTEMPTS', default: 4, schema: int(1, 50), doc: 'tries per job before it fails' },
  backoffMs: { env: 'RASTRO_BACKOFF_MS', default: 1000, schema: int(0, 3_600_000), doc: 'first retry delay; doubles each try' },
  lockMs: { env: 'RASTRO_LOCK_MS', default: 30_000, schema: int(1000, 3_600_000), doc: 'BullMQ job lock; a killed worker\'s job is taken over after about this long' },
  stalledCheckMs: { env: 'RASTRO_STALLED_CHECK_MS', default: 30_000, schema: int(500, 3_600_000), doc: 'how often workers look for stalled jobs' },
  userAgent: {
    env: 'RASTRO_USER_AGENT',
    default: 'RastroBot/0.1 (+https://github.com/rastro-project/rastro; research on trafficking in persons)',
    schema: z.string().min(8),
    doc: 'User-Agent sent with every request',
  },
  fetchTimeoutMs: { env: 'RASTRO_FETCH_TIMEOUT_MS', default: 20_000, schema: int(100, 600_000), doc: 'total time for one request' },
  connectTimeoutMs: { env: 'RASTRO_CONNECT_TIMEOUT_MS', default: 10_000, schema: int(100, 120_000), doc: 'TCP/TLS connect timeout' },
  maxBodyBytes: { env: 'RASTRO_MAX_BODY_BYTES', default: 5 * 1024 * 1024, schema: int(1024, 1024 * 1024 * 1024), doc: 'largest body read, after decompression' },
  maxRedirects: { env: 'RASTRO_MAX_REDIRECTS', default: 5, schema: int(0, 20), doc: 'redirects followed per request' },
  hostDelayMs: { env: 'RASTRO_HOST_DELAY_MS', default: 1000, schema: int(0, 600_000), doc: 'minimum delay between requests to one host' },
  hostConcurrency: { env: 'RASTRO_HOST_CONCURRENCY', default: 2, schema: int(1, 64), doc: 'requests in flight per host' },
  allowPrivateHosts: { env: 'RASTRO_ALLOW_PRIVATE', default: false, schema: bool, doc: 'allow private, loopback and link-local addresses (tests only)' },
  allowHosts: { env: 'RASTRO_ALLOW_HOSTS', default: [] as string[], schema: list, doc: 'hosts allowed even when they resolve to private addresses' },
  allowFileUrls: { env: 'RASTRO_ALLOW_FILE', default: true, schema: bool, doc: 'allow file:// and local paths as sources' },
  respectRobots: { env: 'RASTRO_ROBOTS', default: true, schema: bool, doc: 'obey robots.txt' },
  keepVictimNames: { env: 'RASTRO_KEEP_VICTIM_NAMES', default: false, schema: bool, doc: 'store every name unmasked, victims\' included (authorised deployments only)' },
  maskUnknownRoles: {
    env: 'RASTRO_MASK_UNKNOWN_ROLES',
    default: true,
    schema: bool,
    doc: 'also mask people whose role (suspect, official, other) the text does not establish',
  },
  sourcesFile: { env: 'RASTRO_SOURCES', default: 'samples/sources.yaml', schema: z.string().min(1), doc: 'sources YAML used when no SOURCE is given' },
  lexiconDir: { env: 'RASTRO_LEXICONS', default: '', schema: z.string(), doc: 'lexicon folder (default: the bundled lexicons/)' },
  webPort: { env: 'RASTRO_PORT', default: 8787, schema: int(0, 65535), doc: 'port of the review web server' },
  logLevel: {
    env: 'RASTRO_LOG_LEVEL',
    default: 'warn',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    doc: 'log level (logs go to stderr)',
  },
} as const;

type Fields = typeof CONFIG_FIELDS;
export type Config = Readonly<{ [K in keyof Fields]: z.output<Fields[K]['schema']> }>;
export type ConfigOverrides = Partial<{ -readonly [K in keyof Fields]: z.input<Fields[K]['schema']> }>;

/**
 * Build the frozen config: defaults, then environment, then explicit overrides (CLI flags, tests).
 * Throws ConfigError naming the variable and the bad value.
 */
export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(CONFIG_FIELDS)) {
    const fromOverride = (overrides as Record<string, unknown>)[key];
    const fromEnv = env[field.env];
    const raw = fromOverride !== undefined ? fromOverride : fromEnv !== undefined ? fromEnv : field.default;
    const parsed = (field.schema as z.ZodType).safeParse(raw);
    if (!parsed.success) {
      const where = fromOverride !== undefined ? `option ${key}` : fromEnv !== undefined ? `${field.env}` : `default of ${key}`;
      const why = parsed.error.issues.map((i) => i.message).join('; ');
      throw new ConfigError('config_invalid', `config: ${where}=${JSON.stringify(raw)} is invalid: ${why}`);
    }
    out[key] = parsed.data;
  }
  return Object.freeze(out) as Config;
}

/** Rows for the README's settings table. */
export function configTable(): Array<{ key: string; env: string; default: string; doc: string }> {
  return Object.entries(CONFIG_FIELDS).map(([key, f]) => ({
    key,
    env: f.env,
    default: Array.isArray(f.default) ? f.default.join(',') : String(f.default),
    doc: f.doc,
  }));
}
