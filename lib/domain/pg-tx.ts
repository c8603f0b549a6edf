import type pg from 'pg';
import { pool } from '@/lib/db';

/**
 * A plain pg transaction, for the few writes that must commit together with a pg-boss job
 * (pg-boss writes its job row through this same client).
 */
export async function withPgTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A connection whose ROLLBACK failed is in an unknown state: destroy it, never reuse it.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}
