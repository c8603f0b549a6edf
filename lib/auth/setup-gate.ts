/**
 * First-run setup from anywhere but loopback needs the setup code printed in the server's terminal,
 * so whoever reaches a fresh install over the network first cannot make themselves its admin.
 */
import { pool } from '@/lib/db';
import { DomainError } from '@/lib/domain/errors';
import { logger } from '@/lib/logger';
import { clientAddress, isLoopback } from './client-address';
import { discardSetupCode, setupCodeMatches } from './setup-code';

type HeaderSource = { get(name: string): string | null };

export const setupCodeRequired = (headers: HeaderSource) => !isLoopback(clientAddress(headers));

const WHERE = 'It is printed in the terminal where `npm start` runs; `npm run cli -- setup:code` on the server prints a new one.';

export async function requireSetupCode(req: { headers: HeaderSource }, body: unknown): Promise<void> {
  if (!setupCodeRequired(req.headers)) return;
  const code = (body as { setupCode?: unknown } | null)?.setupCode;
  if (typeof code !== 'string' || !code.trim()) {
    throw new DomainError('setup_code_required', `Enter the setup code. ${WHERE}`, 403, { fields: { setupCode: 'Enter the setup code' } });
  }
  if (!(await setupCodeMatches(pool(), code))) {
    logger.warn({ address: clientAddress(req.headers) }, 'first-run setup refused: wrong setup code');
    throw new DomainError('setup_code_invalid', `That setup code is not right. ${WHERE}`, 403, { fields: { setupCode: 'That setup code is not right' } });
  }
}

/** After the first admin exists the code is spent. */
export async function setupCodeUsed(): Promise<void> {
  await discardSetupCode(pool());
}
