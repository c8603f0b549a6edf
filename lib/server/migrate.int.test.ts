/**
 * The SQL migrations (applied by the product itself) must produce exactly what
 * prisma/schema.prisma describes: tables, columns, types, nullability, enums, indexes, keys.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import internals from '@prisma/internals';
import pg from 'pg';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/database';
import { migrate, MIGRATIONS_DIR } from './migrate';

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
const NOT_PRISMA = new Set(['_prisma_migrations', 'socket_io_attachments']);

let client: pg.Client;
let url: string;
let dmmf: Dmmf;

beforeAll(async () => {
  url = await createTestDatabase({ migrated: false });
  const first = await migrate(url);
  expect(first.applied.length).toBeGreaterThan(0);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  dmmf = await internals.getDMMF({ datamodel: readFileSync(path.join(process.cwd(), 'prisma/schema.prisma'), 'utf8') });
});
afterAll(async () => client?.end());

function expectedType(f: Dmmf['datamodel']['models'][number]['fields'][number]): string {
  if (f.kind === 'enum') return `enum:${f.type}`;
  const native = f.nativeType?.[0];
  if (native === 'Uuid') return 'uuid';
  return ({ String: 'text', Int: 'integer', Boolean: 'boolean', DateTime: 'timestamp(3)', Json: 'jsonb', Bytes: 'bytea', BigInt: 'bigint', Float: 'double precision' } as Record<string, string>)[f.type] ?? f.type;
}

function actualType(c: { data_type: string; udt_name: string; datetime_precision: number | null }): string {
  if (c.data_type === 'USER-DEFINED') return `enum:${c.udt_name}`;
  if (c.data_type === 'timestamp without time zone') return `timestamp(${c.datetime_precision})`;
  return c.data_type;
}

describe('migrations match schema.prisma', () => {
  it('creates exactly the tables of the schema', async () => {
    const { rows } = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    const tables = rows.map((r) => r.table_name).filter((t) => !NOT_PRISMA.has(t)).sort();
    expect(tables).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());
  });

  it('gives every table the schema columns with the same types and nullability', async () => {
    for (const model of dmmf.datamodel.models) {
      const { rows } = await client.query(`SELECT column_name, data_type, udt_name, is_nullable, datetime_precision, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [model.dbName ?? model.name]);
      const actual = Object.fromEntries(rows.map((c) => [c.column_name, { type: actualType(c), nullable: c.is_nullable === 'YES' }]));
      const expected = Object.fromEntries(model.fields.filter((f) => f.kind !== 'object').map((f) => [f.dbName ?? f.name, { type: expectedType(f), nullable: !f.isRequired }]));
      expect({ model: model.name, columns: actual }).toEqual({ model: model.name, columns: expected });
    }
  });

  it('creates the enums with the same values in the same order (status order drives monotonic updates)', async () => {
    for (const e of dmmf.datamodel.enums) {
      const { rows } = await client.query(`SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`, [e.name]);
      expect(rows.map((r) => r.enumlabel)).toEqual(e.values.map((v) => v.name));
    }
  });

  it('creates exactly the primary keys, unique constraints and indexes of the schema', async () => {
    const { rows } = await client.query(`
      SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
             array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public'`);
    const actual = rows.filter((r) => !NOT_PRISMA.has(r.table)).map((r) => `${r.table}:${r.primary ? 'id' : r.unique ? 'unique' : 'normal'}:${r.columns.join(',')}`).sort();
    const expected = dmmf.datamodel.indexes.map((i) => `${i.model}:${i.type === 'fulltext' ? 'normal' : i.type}:${i.fields.map((f) => f.name).join(',')}`).sort();
    expect(actual).toEqual(expected);
  });

  it('creates every relation as a foreign key with the schema delete rule', async () => {
    const { rows } = await client.query(`
      SELECT tc.table_name AS table, kcu.column_name AS column, ccu.table_name AS target, rc.delete_rule
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`);
    const actual = rows.map((r) => `${r.table}.${r.column}->${r.target}:${r.delete_rule}`).sort();
    const rule = (a?: string) => ({ Cascade: 'CASCADE', SetNull: 'SET NULL', Restrict: 'RESTRICT', NoAction: 'NO ACTION' })[a ?? 'NoAction'] ?? a;
    const expected = dmmf.datamodel.models.flatMap((m) =>
      m.fields.filter((f) => f.relationFromFields?.length).map((f) => `${m.name}.${f.relationFromFields![0]}->${f.type}:${rule(f.relationOnDelete)}`),
    ).sort();
    expect(actual).toEqual(expected);
  });
});

describe('migrate()', () => {
  it('applies nothing the second time', async () => {
    expect(await migrate(url)).toEqual({ applied: [], alreadyApplied: expect.any(Number) });
  });

  it('serialises concurrent start-ups with an advisory lock: each migration runs once', async () => {
    const fresh = await createTestDatabase({ migrated: false });
    const results = await Promise.all([migrate(fresh), migrate(fresh), migrate(fresh)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, results.flatMap((r) => r.applied).length]);
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-mig-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const fresh = await createTestDatabase({ migrated: false });
    await migrate(fresh, dir);
    const [first] = (await import('node:fs')).readdirSync(dir).filter((n) => n !== 'migration_lock.toml').sort();
    await writeFile(path.join(dir, first, 'migration.sql'), '-- edited\n', { flag: 'a' });
    await expect(migrate(fresh, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it('rolls a failing migration back and reports its name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sb-mig-'));
    await mkdir(path.join(dir, '20990101000000_broken'), { recursive: true });
    await writeFile(path.join(dir, '20990101000000_broken', 'migration.sql'), 'CREATE TABLE ok_table (id int); SELECT no_such_function();');
    const fresh = await createTestDatabase({ migrated: false });
    await expect(migrate(fresh, dir)).rejects.toThrow(/20990101000000_broken failed/);
    const c = new pg.Client({ connectionString: fresh });
    await c.connect();
    const { rowCount } = await c.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'ok_table'`);
    await c.end();
    expect(rowCount).toBe(0);
  });
});
