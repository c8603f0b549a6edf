/**
 * The one Prisma client and the pg pool under it. The webhook fast path uses the pool directly
 * (lib/ingress/store.ts); everything else goes through Prisma.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { runtimeEnv } from './env';

const globalForDb = globalThis as unknown as { __sbPool?: pg.Pool; __sbPrisma?: PrismaClient };

/** Connections per process in the app's pool (pg-boss has its own, see lib/jobs/boss.ts). */
export const POOL_MAX = 10;

/**
 * Settings every pg pool or client of the app uses: waiting for a connection is bounded
 * (DB_CONNECT_TIMEOUT_MS; the caller then answers 503, see lib/db-busy.ts). Lock and statement
 * timeouts are set on the database role instead (lib/server/database-timeouts.ts says why).
 */
export function poolSettings(): pg.PoolConfig {
  const env = runtimeEnv();
  return { connectionString: env.DATABASE_URL, connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS };
}

export function pool(): pg.Pool {
  if (!globalForDb.__sbPool) {
    globalForDb.__sbPool = new pg.Pool({ ...poolSettings(), max: POOL_MAX });
    globalForDb.__sbPool.on('error', () => undefined); // idle client errors are retried by the next query
    // A client checked out for a long time (the Socket.IO adapter's LISTEN client) has no pool
    // listener: without this, a database restart would throw its 'error' and crash the process.
    // Its 'end' then follows, and the holder reconnects; the pool discards a broken client on release.
    globalForDb.__sbPool.on('connect', (client) => client.on('error', () => undefined));
  }
  return globalForDb.__sbPool;
}

export function db(): PrismaClient {
  if (!globalForDb.__sbPrisma) globalForDb.__sbPrisma = new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.__sbPrisma;
}

export async function closeDb(): Promise<void> {
  await globalForDb.__sbPrisma?.$disconnect();
  await globalForDb.__sbPool?.end();
  globalForDb.__sbPrisma = undefined;
  globalForDb.__sbPool = undefined;
}

export type { PrismaClient };
export { Prisma } from './generated/prisma/client';
