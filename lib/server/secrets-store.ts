/**
 * Secrets the user did not provide are generated once and kept in DATA_DIR/secrets.json, so
 * sessions, encrypted channel credentials and the embedded database's password survive restarts.
 * The file is readable by its owner only (0600, fixed at every read).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { securePrivateDir } from './data-dir';

interface StoredSecrets { APP_SECRET?: string; EMBEDDED_PG_PASSWORD?: string }

export const secretsFile = (dataDir: string) => path.join(dataDir, 'secrets.json');

export async function readSecrets(dataDir: string): Promise<StoredSecrets> {
  const file = secretsFile(dataDir);
  if (!existsSync(file)) return {};
  await chmod(file, 0o600);
  return JSON.parse(await readFile(file, 'utf8')) as StoredSecrets;
}

async function writeSecrets(dataDir: string, secrets: StoredSecrets): Promise<void> {
  await securePrivateDir(dataDir);
  const file = secretsFile(dataDir);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  await chmod(tmp, 0o600); // mode is ignored when the file already existed
  await rename(tmp, file); // never a half-written secrets file
}

async function storedSecret(dataDir: string, name: keyof StoredSecrets, valid: (v: string) => boolean, generate: () => string): Promise<{ value: string; generated: boolean }> {
  const secrets = await readSecrets(dataDir);
  const current = secrets[name];
  if (current && valid(current)) return { value: current, generated: false };
  const value = generate();
  await writeSecrets(dataDir, { ...(await readSecrets(dataDir)), [name]: value });
  return { value, generated: true };
}

export async function appSecret(dataDir: string, provided: string | undefined): Promise<{ secret: string; source: 'environment' | 'generated' | 'stored' }> {
  if (provided) return { secret: provided, source: 'environment' };
  const { value, generated } = await storedSecret(dataDir, 'APP_SECRET', (v) => v.length >= 32, () => randomBytes(32).toString('hex'));
  return { secret: value, source: generated ? 'generated' : 'stored' };
}

/** The embedded PostgreSQL's `postgres` password (generated on first use). */
export async function embeddedPgPassword(dataDir: string): Promise<string> {
  return (await storedSecret(dataDir, 'EMBEDDED_PG_PASSWORD', (v) => v.length >= 24, () => randomBytes(24).toString('base64url'))).value;
}
