/**
 * Gives the app's database role `lock_timeout` and `statement_timeout` in the app's database
 * (`ALTER ROLE … IN DATABASE … SET`), so no statement and no lock wait can hold a connection for
 * ever. Why on the role rather than per connection:
 * - it covers every connection Switchboard opens (Prisma's pool, the webhook fast path, pg-boss's
 *   own pool, the dispatcher's LISTEN client, the Socket.IO adapter, the CLI) without each one
 *   having to remember;
 * - PgBouncer in transaction mode refuses or ignores startup options (`options=-c …`), and a `SET`
 *   sticks to whichever server connection it happened to reach; role settings are applied by
 *   PostgreSQL itself to every new server connection;
 * - `IN DATABASE` keeps it to this database: the same role elsewhere (an admin console, a dump of
 *   another database) is untouched.
 * Migrations need longer statements and wait on the migration lock: migrate() turns both limits
 * off for its own session. New values apply to connections opened afterwards, so the launcher
 * runs this before it starts web and worker.
 */
import pg from 'pg';

export interface DatabaseTimeouts { lockTimeoutMs: number; statementTimeoutMs: number }

export async function applyDatabaseTimeouts(databaseUrl: string, t: DatabaseTimeouts): Promise<{ ok: true } | { ok: false; error: string }> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const { rows: [who] } = await client.query<{ role: string; database: string }>('SELECT current_user AS role, current_database() AS database');
    const target = `ROLE ${client.escapeIdentifier(who.role)} IN DATABASE ${client.escapeIdentifier(who.database)}`;
    await client.query(`ALTER ${target} SET lock_timeout = ${client.escapeLiteral(`${t.lockTimeoutMs}ms`)}`);
    await client.query(`ALTER ${target} SET statement_timeout = ${client.escapeLiteral(`${t.statementTimeoutMs}ms`)}`);
    return { ok: true };
  } catch (err) {
    // A role that may not alter itself (some managed servers): the pool's connect timeout still
    // bounds every wait; the launcher says what to ask the database administrator for.
    return { ok: false, error: (err as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}
