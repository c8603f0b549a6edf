/**
 * Secrets the user did not provide are generated once and kept under DATA_DIR, so sessions and
 * encrypted channel credentials survive restarts. The file is readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function appSecret(dataDir: string, provided: string | undefined): Promise<{ secret: string; source: 'environment' | 'generated' | 'stored' }> {
  if (provided) return { secret: provided, source: 'environment' };
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { APP_SECRET?: string };
    if (stored.APP_SECRET && stored.APP_SECRET.length >= 32) return { secret: stored.APP_SECRET, source: 'stored' };
  }
  const secret = randomBytes(32).toString('hex');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify({ APP_SECRET: secret }, null, 2), { mode: 0o600 });
  return { secret, source: 'generated' };
}
