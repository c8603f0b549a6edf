/**
 * `npm run cli -- <command>`:
 *   user:create --email E --password P --role admin|manager|agent [--name N]
 *   token:create --email E [--name N]      (prints the token as the last line)
 *   setup:code                             (prints a new first-run setup code as the last line)
 * Uses DATABASE_URL, or the embedded database under DATA_DIR (running or not).
 */
import { parseArgs } from 'node:util';
import { EnvError, parseEnv } from '../env';
import { resolveDatabase } from '../server/database';
import { migrate } from '../server/migrate';
import { appSecret } from '../server/secrets-store';
import path from 'node:path';

const USAGE = `Usage:
  npm run cli -- user:create --email <email> --password <password> --role <admin|manager|agent> [--name <name>]
  npm run cli -- token:create --email <email> [--name <token name>]
  npm run cli -- setup:code`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, strict: true });
  if (command !== 'user:create' && command !== 'token:create' && command !== 'setup:code') throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  if (!values.email && command !== 'setup:code') throw new UsageError('--email is required');

  const env = parseEnv();
  const root = process.cwd();
  const { url, embedded } = await resolveDatabase(env, root, { reuseRunning: true });
  try {
    await migrate(url);
    process.env.DATABASE_URL = url;
    process.env.APP_SECRET = (await appSecret(path.resolve(root, env.DATA_DIR), env.APP_SECRET)).secret;
    const { runCommand } = await import('./commands');
    await runCommand(command, { email: values.email ?? '', password: values.password, role: values.role, name: values.name });
  } finally {
    const { closeDb } = await import('../db');
    await closeDb();
    await embedded?.stop();
  }
}

class UsageError extends Error {}

main().catch((err) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof EnvError) console.error(err.message);
  else console.error(`Error: ${(err as Error).message}`);
  process.exit(1);
});
