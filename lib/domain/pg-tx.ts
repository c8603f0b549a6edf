import type pg from 'pg';
import { pool } from '@/lib/db';
import { logger } from '@/lib/logger';

/**
 * A plain pg transaction, for the few writes that must commit together with a pg-boss job
 * (pg-boss writes its job row through this same client).
 */
export async function withPgTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  const lost = (err: Error) => logger.warn({ err }, 'database connection lost during a transaction');
  client.on('error', lost);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
    throw err;
  } finally {
    client.off('error', lost);
    client.release(broken); // a client whose ROLLBACK failed is destroyed, not reused
  }
}
