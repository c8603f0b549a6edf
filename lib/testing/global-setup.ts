/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL (an admin connection that
 * may create databases) when set, otherwise an embedded PostgreSQL started for this run in a
 * temporary folder. A migrated template database makes each test file's own database cheap.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../server/embedded-postgres';
import { migrate } from '../server/migrate';

export const TEMPLATE_DB = 'sb_test_template';

declare module 'vitest' {
  export interface ProvidedContext { pgAdminUrl: string }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-test-pg-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port, password: randomBytes(18).toString('base64url'), database: 'postgres', persistent: false });
    adminUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  await migrate(withDatabase(adminUrl, TEMPLATE_DB));
  project.provide('pgAdminUrl', adminUrl);
  return async () => {
    await stop?.();
  };
}
