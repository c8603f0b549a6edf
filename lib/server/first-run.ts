/** Until the first admin exists, each `npm start` issues a fresh setup code and prints it. */
import pg from 'pg';
import { hasUsers, issueSetupCode } from '@/lib/auth/setup-code';

export async function setupCodeForFirstRun(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await hasUsers(client)) ? null : await issueSetupCode(client);
  } finally {
    await client.end();
  }
}

export function setupCodeBanner(code: string, publicUrl: string, port: number): string[] {
  return [
    'No admin account yet. To set up Switchboard from another machine, open',
    `  ${publicUrl}/setup`,
    `and enter this one-time setup code:  ${code}`,
    `(From this machine, http://localhost:${port}/setup needs no code. \`npm run cli -- setup:code\` prints a new code.)`,
  ];
}
