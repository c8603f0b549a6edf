/**
 * The one configuration schema. Every process (launcher, web, worker, CLI) parses the environment
 * with it at boot and stops with one clear line per bad value.
 */
import { z } from 'zod';

const port = z.coerce.number({ error: 'must be a port number (1-65535)' }).int('must be a port number (1-65535)').min(1, 'must be a port number (1-65535)').max(65535, 'must be a port number (1-65535)');

const millis = z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(100, 'must be at least 100 ms').max(600_000, 'must be at most 600000 ms (10 minutes)');
const millisOrOff = z.coerce.number({ error: 'must be a number of milliseconds' }).int('must be a whole number of milliseconds').min(0).max(3_600_000, 'must be at most 3600000 ms (1 hour)').refine((v) => v === 0 || v >= 100, 'must be 0 (off) or at least 100 ms');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  PUBLIC_URL: z.url('must be an absolute URL such as https://inbox.example.com').optional(),
  APP_SECRET: z.string().min(32, 'must be at least 32 characters (generate one with `openssl rand -hex 32`)').optional(),
  EMBEDDED_PG_PORT: port.default(5488),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).max(200).default(10),
  // Behind a reverse proxy, the client's address is the last X-Forwarded-For entry; otherwise that header is ignored.
  TRUST_PROXY: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').transform((v) => v === 'true'),
  WEBHOOK_MAX_BYTES: z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024).default(1024 * 1024),
  // Database pool safety (issue 6): a request waits at most this long for a pooled connection, then gets 503.
  DB_CONNECT_TIMEOUT_MS: millis.default(5_000),
  // Set on the database role (see lib/server/database-timeouts.ts); 0 turns a limit off.
  DB_LOCK_TIMEOUT_MS: millisOrOff.default(5_000),
  DB_STATEMENT_TIMEOUT_MS: millisOrOff.default(30_000),
  // Inbound processing: attempts (first included) before a stored webhook event becomes a dead letter.
  INBOUND_MAX_ATTEMPTS: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100).default(10),
  // First delay between inbound attempts, doubled each time (capped at 5 minutes).
  INBOUND_RETRY_DELAY_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(0).max(3600).default(2),
  // Outbound: first back-off after a transient provider error, doubled each time up to an hour.
  OUTBOUND_RETRY_BASE_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(3600).default(30),
  // Outbound: how long transient provider errors are retried before the reply is marked failed.
  OUTBOUND_RETRY_HOURS: z.coerce.number({ error: 'must be a number of hours' }).positive().max(24 * 14).default(24),
  // Raw webhook bodies are kept this long (for replay and diagnosis), then pruned.
  RAW_BODY_RETENTION_DAYS: z.coerce.number({ error: 'must be a number of days' }).int().min(1).max(3650).default(30),
  // Local simulators only: lets provider base URLs use http: or a loopback/private host, and lets the
  // safe outbound fetch reach loopback (never link-local or private ranges).
  ALLOW_INSECURE_PROVIDER_URLS: z.stringbool({ error: 'must be true or false' }).default(false),
  // Bearer token for GET /api/metrics and the worker's metrics port; unset = loopback callers only.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters (generate one with `openssl rand -hex 32`)').optional(),
  // The worker serves its Prometheus metrics on this port (unset = off); on 127.0.0.1 unless METRICS_TOKEN is set.
  WORKER_METRICS_PORT: port.optional(),
  ATTACHMENT_MAX_BYTES: z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024, 'must be at least 1024 bytes').default(25 * 1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;
/** What web and worker processes need: the launcher fills DATABASE_URL and APP_SECRET in. */
export type RuntimeEnv = Env & { DATABASE_URL: string; APP_SECRET: string; PUBLIC_URL: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty value (`DATABASE_URL=`) means "not set", as in most .env tooling.
  const result = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${shown(String(i.path[0]), source[String(i.path[0])])})`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

// Secrets never appear in error output.
const shown = (key: string, value: string | undefined) => (key === 'APP_SECRET' || key === 'DATABASE_URL' || key === 'METRICS_TOKEN' ? `${value?.length ?? 0} characters` : JSON.stringify(value));

/**
 * One setting read from the environment now (not cached), for code that runs outside the boot path
 * (connector config schemas, the outbound fetch) and for tests that change it. Bad values fall back
 * to the default here: boot (parseEnv) is where they are reported.
 */
export function readSetting<K extends keyof Env>(key: K, source: Record<string, string | undefined> = process.env): Env[K] {
  const field = envSchema.shape[key];
  const raw = source[key] === '' ? undefined : source[key];
  const parsed = field.safeParse(raw);
  return (parsed.success ? parsed.data : field.parse(undefined)) as Env[K];
}

let cached: RuntimeEnv | undefined;

/** Parsed once per process; throws when a value the runtime needs is missing. */
export function runtimeEnv(): RuntimeEnv {
  if (cached) return cached;
  const env = parseEnv();
  const missing = (['DATABASE_URL', 'APP_SECRET'] as const).filter((k) => !env[k]);
  if (missing.length) {
    throw new EnvError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required (npm start provides it; set it when running this process on its own)`).join('\n')}`);
  }
  cached = { ...env, PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '') } as RuntimeEnv;
  return cached;
}
