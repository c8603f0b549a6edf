/**
 * The pool view the Socket.IO Postgres adapter gets. The adapter checks out one client for LISTEN
 * and, when that connection ends (database restart), drops it and connects again without ever
 * releasing it: each restart would leak a pool slot until the pool is exhausted. Releasing the
 * ended client here (with an error, so the pool discards it) closes the leak. The adapter only
 * uses connect() and query(); the adapter itself never releases an ended client (it forgets it
 * on 'end'), so this cannot release twice.
 */
import type pg from 'pg';

export function adapterPool(pool: pg.Pool): pg.Pool {
  return {
    query: pool.query.bind(pool),
    connect: async () => {
      const client = await pool.connect();
      client.once('end', () => {
        try {
          client.release(new Error('LISTEN connection ended'));
        } catch {
          // already released by the adapter's close()
        }
      });
      return client;
    },
  } as unknown as pg.Pool;
}
