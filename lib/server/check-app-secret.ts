/**
 * Start-up check that APP_SECRET still decrypts the stored channel credentials. A changed or lost
 * secret (a new DATA_DIR, a different .env) otherwise shows up much later, as every delivery and
 * every webhook of every channel failing.
 */
import pg from 'pg';
import { decryptJson } from '../crypto/secrets';

const SAMPLE = 50;

export class AppSecretMismatchError extends Error {}

/** Resolves with how many inboxes were checked; rejects with a message naming what to fix. */
export async function checkAppSecret(databaseUrl: string, appSecret: string, dataDir = 'DATA_DIR'): Promise<{ checked: number; unreadable: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let rows: { name: string; secrets: string }[];
  try {
    ({ rows } = await client.query<{ name: string; secrets: string }>(`SELECT "name", "secrets" FROM "Inbox" ORDER BY "createdAt" DESC LIMIT ${SAMPLE}`));
  } finally {
    await client.end().catch(() => undefined);
  }
  const unreadable = rows.filter((r) => {
    try {
      decryptJson(appSecret, r.secrets);
      return false;
    } catch {
      return true;
    }
  }).map((r) => r.name);
  if (rows.length > 0 && unreadable.length === rows.length) {
    throw new AppSecretMismatchError(
      `APP_SECRET cannot decrypt the stored channel credentials (${unreadable.length} inbox${unreadable.length === 1 ? '' : 'es'}: ${unreadable.slice(0, 5).join(', ')}). ` +
      `It is not the secret they were saved with. Set APP_SECRET back to the original value, or restore ${dataDir}/secrets.json ` +
      '(npm start generates and keeps it there when APP_SECRET is unset). Refusing to start: every reply and webhook of these channels would fail.',
    );
  }
  return { checked: rows.length, unreadable };
}
