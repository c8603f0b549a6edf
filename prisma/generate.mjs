// Runs `prisma generate` without the network. Prisma's CLI downloads a schema-engine binary
// before every command, even though generate never uses it; pointing PRISMA_SCHEMA_ENGINE_BINARY
// at any executable skips that download (see ENVIRONMENT.md). `--if-missing` skips the work when
// the client is already generated from the current schema.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = readFileSync(join(root, 'prisma/schema.prisma'));
const stamp = join(root, 'lib/generated/prisma/.schema-hash');
const hash = createHash('sha256').update(schema).digest('hex');

if (process.argv.includes('--if-missing') && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
  process.exit(0);
}
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'generate'], { cwd: root, env, stdio: 'inherit' });
writeFileSync(stamp, hash);
