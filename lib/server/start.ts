/**
 * `npm start`: validates configuration, starts an embedded PostgreSQL when DATABASE_URL is unset,
 * keeps generated secrets, applies migrations, builds the app when needed, then runs the web and
 * worker processes (restarting either if it dies) until SIGINT/SIGTERM.
 */
import path from 'node:path';
import { EnvError, parseEnv } from '../env';
import { ensureBuilt, ensureGenerated, SERVER_BUILD_DIR, SERVER_ENTRIES } from './build';
import { resolveDatabase } from './database';
import { applyDatabaseTimeouts } from './database-timeouts';
import { setupCodeBanner, setupCodeForFirstRun } from './first-run';
import { migrate } from './migrate';
import { appSecret } from './secrets-store';
import { AppSecretMismatchError, checkAppSecret } from './check-app-secret';
import { supervise, type Supervised } from './supervisor';

const log = (m: string) => console.log(`[switchboard] ${m}`);

async function main() {
  const root = process.cwd();
  const dev = process.argv.includes('--dev');
  const env = parseEnv();
  const dataDir = path.resolve(root, env.DATA_DIR);

  const { secret, source } = await appSecret(dataDir, env.APP_SECRET);
  if (source === 'generated') log(`Generated APP_SECRET and saved it in ${path.join(dataDir, 'secrets.json')} (back it up: it decrypts channel credentials)`);

  if (!env.DATABASE_URL) log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${path.join(dataDir, 'pg')}, port ${env.EMBEDDED_PG_PORT})`);
  const { url: databaseUrl, embedded } = await resolveDatabase(env, root, { reuseRunning: false });
  const migrations = await migrate(databaseUrl);
  log(migrations.applied.length ? `Applied migrations: ${migrations.applied.join(', ')}` : 'Database schema is up to date');
  const timeouts = await applyDatabaseTimeouts(databaseUrl, { lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS });
  if (!timeouts.ok) log(`Warning: could not set lock_timeout/statement_timeout on the database role (${timeouts.error}). Ask your database administrator to run: ALTER ROLE <role> IN DATABASE <db> SET lock_timeout = '${env.DB_LOCK_TIMEOUT_MS}ms'; ALTER ROLE <role> IN DATABASE <db> SET statement_timeout = '${env.DB_STATEMENT_TIMEOUT_MS}ms';`);
  const secretCheck = await checkAppSecret(databaseUrl, secret, dataDir).catch(async (err) => {
    if (embedded) await embedded.stop();
    throw err;
  });
  if (secretCheck.unreadable.length) log(`Warning: APP_SECRET cannot decrypt the credentials of ${secretCheck.unreadable.join(', ')}: enter them again (Admin › Inboxes)`);

  ensureGenerated(root);
  if (!dev) ensureBuilt(root, log);

  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: dev ? 'development' : 'production',
    DATABASE_URL: databaseUrl,
    APP_SECRET: secret,
    PUBLIC_URL: publicUrl,
    // next-auth: trust the Host header unless an explicit NEXTAUTH_URL is given.
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Production runs the compiled processes (.build/, see build.ts); dev keeps tsx for quick edits.
  const entry = (name: keyof typeof SERVER_ENTRIES) => (dev ? ['--import', 'tsx', path.join(root, SERVER_ENTRIES[name])] : [path.join(root, SERVER_BUILD_DIR, `${name}.mjs`)]);
  const children: Supervised[] = [
    supervise('web', [...entry('web'), ...(dev ? ['--dev'] : [])], childEnv, log),
    supervise('worker', entry('worker'), childEnv, log),
  ];
  log(`Switchboard is starting on http://localhost:${env.PORT} (webhooks reach it at ${publicUrl})`);
  const setupCode = await setupCodeForFirstRun(databaseUrl);
  if (setupCode) for (const line of setupCodeBanner(setupCode, publicUrl, env.PORT)) log(line);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping web and worker…`);
    await Promise.all(children.map((c) => c.stop()));
    if (embedded) await embedded.stop();
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof EnvError ? err.message : err instanceof AppSecretMismatchError ? `[switchboard] ${err.message}` : `[switchboard] Start-up failed: ${(err as Error | undefined)?.stack ?? err ?? 'no reason given (is the embedded PostgreSQL port, EMBEDDED_PG_PORT, already in use?)'}`);
  process.exit(1);
});
