/**
 * The one Prisma client and the pg pool under it. The webhook fast path uses the pool directly
 * (lib/ingress/store.ts); everything else goes through Prisma.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';
import { runtimeEnv } from './env';

const globalForDb = globalThis as unknown as { __sbPool?: pg.Pool; __sbPrisma?: PrismaClient };

export function pool(): pg.Pool {
  if (!globalForDb.__sbPool) {
    globalForDb.__sbPool = new pg.Pool({ connectionString: runtimeEnv().DATABASE_URL, max: 10 });
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
