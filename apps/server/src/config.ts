import { z } from 'zod';
import { oidcProvidersSchema, type OidcProviderConfig } from '@zemstvo/identity';
import { AppError } from '@zemstvo/kernel';
import type { S3StorageOptions } from '@zemstvo/storage/s3';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().default('.data'),
    FILES_DIR: z.string().optional(),
    STORAGE: z.enum(['local', 's3']).default('local'),
    S3_ENDPOINT: z
      .string()
      .default('')
      .refine((v) => v === '' || URL.canParse(v), {
        message: 'must be a URL like https://storage.example.org',
      }),
    S3_BUCKET: z
      .string()
      .default('')
      .refine((v) => v === '' || /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v), {
        message: 'must be an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)',
      }),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().default(''),
    S3_SECRET_ACCESS_KEY: z.string().default(''),
    S3_FORCE_PATH_STYLE: bool.default(false),
    S3_PREFIX: z
      .string()
      .default('')
      .refine((v) => v === '' || /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,200}$/.test(v), {
        message: 'must be letters, digits and / _ . - (a folder inside the bucket)',
      }),
    PUBLIC_URL: z.string().url().optional(),
    NODE_ENV: z.string().default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: bool.default(true),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    JOB_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Zemstvo <no-reply@zemstvo.local>'),
    MAP_TILE_URL: z.string().default(''),
    MAP_TILE_ATTRIBUTION: z.string().max(500).default(''),
    AUTH_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(60),
    AUTH_RATE_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(20),
    OIDC_PROVIDERS: z.string().default('[]'),
    TRUST_PROXY: z.string().default('false'),
    // Empty means unset; a set token must be long enough not to be guessed.
    METRICS_TOKEN: z
      .string()
      .default('')
      .refine((v) => v === '' || /^[\x21-\x7e]{16,200}$/.test(v), {
        message: 'must be 16 to 200 printable characters without spaces (e.g. openssl rand -hex 32)',
      }),
  })
  .superRefine((e, ctx) => {
    if (e.STORAGE !== 's3') return;
    const missing = (variable: string, why: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message: why });
    if (!e.S3_BUCKET) missing('S3_BUCKET', 'required when STORAGE=s3');
    // Both keys, or neither (then the SDK's own chain: an IAM role, AWS_* variables).
    if (e.S3_ACCESS_KEY_ID && !e.S3_SECRET_ACCESS_KEY)
      missing('S3_SECRET_ACCESS_KEY', 'required with S3_ACCESS_KEY_ID');
    if (e.S3_SECRET_ACCESS_KEY && !e.S3_ACCESS_KEY_ID)
      missing('S3_ACCESS_KEY_ID', 'required with S3_SECRET_ACCESS_KEY');
  });

/** Where stored files live: a folder (default), or a bucket of an S3-compatible server. */
export type StorageConfig = { kind: 'local'; dir: string } | ({ kind: 's3' } & S3StorageOptions);

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The folder for attachments and rendered documents when they are stored on local disk. */
  filesDir: string;
  /** Where attachments and rendered documents are stored (STORAGE). */
  storage: StorageConfig;
  publicUrl: string;
  devMode: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  seedDemo: boolean;
  dbPoolSize: number;
  jobPollMs: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  mapTileUrl: string;
  /** Attribution the tile server requires, shown in the map's corner (e.g. © OpenStreetMap contributors). */
  mapTileAttribution: string;
  /** Requests per minute and client IP on each sign-in, sign-up and reset route. */
  authRateLimitPerIp: number;
  /** Sign-in attempts per minute and e-mail, from any IP. */
  authRateLimitPerAccount: number;
  oidcProviders: OidcProviderConfig[];
  /** Fastify's trustProxy: false, true, or the trusted proxies' addresses/CIDRs (client IPs for throttling). */
  trustProxy: boolean | string;
  /** Bearer token that /metrics requires; undefined leaves /metrics open (restrict it at the proxy). */
  metricsToken: string | undefined;
}

/** Reads configuration from the environment; every variable is documented in docs/configuration.md. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('bad_config', `Invalid configuration: ${details.join('; ')}`, 400, details);
  }
  const e = parsed.data;
  const oidcProviders = parseOidcProviders(e.OIDC_PROVIDERS);
  const filesDir = e.FILES_DIR ?? `${e.DATA_DIR}/files`;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: e.DATA_DIR,
    filesDir,
    storage: storageConfig(e, filesDir),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    devMode: e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    dbPoolSize: e.DB_POOL_SIZE,
    jobPollMs: e.JOB_POLL_MS,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    authRateLimitPerIp: e.AUTH_RATE_LIMIT_PER_IP,
    authRateLimitPerAccount: e.AUTH_RATE_LIMIT_PER_ACCOUNT,
    oidcProviders,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    metricsToken: e.METRICS_TOKEN || undefined,
  };
}

function storageConfig(e: z.infer<typeof schema>, filesDir: string): StorageConfig {
  if (e.STORAGE === 'local') return { kind: 'local', dir: filesDir };
  return {
    kind: 's3',
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT || undefined,
    credentials: e.S3_ACCESS_KEY_ID
      ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
      : undefined,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    prefix: e.S3_PREFIX || undefined,
  };
}

function parseOidcProviders(json: string): OidcProviderConfig[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError('bad_config', 'Invalid configuration: OIDC_PROVIDERS must be a JSON array', 400);
  }
  const parsed = oidcProvidersSchema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `OIDC_PROVIDERS.${i.path.join('.')}: ${i.message}`);
    throw new AppError('bad_config', `Invalid configuration: ${details.join('; ')}`, 400, details);
  }
  return parsed.data;
}

function parseTrustProxy(v: string): boolean | string {
  const t = v.trim().toLowerCase();
  if (t === '' || t === 'false' || t === '0' || t === 'no') return false;
  if (t === 'true' || t === '1' || t === 'yes') return true;
  return v.trim();
}
