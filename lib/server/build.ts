/**
 * `npm start` builds the Next.js app when the sources changed since the last build (or no
 * build exists), so a fresh clone needs no separate build step.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['app', 'components', 'lib', 'prisma/schema.prisma', 'next.config.js', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const SKIP = new Set(['node_modules', 'generated', '.next', '.data']);

function walk(p: string, out: string[]) {
  const s = statSync(p);
  if (s.isFile()) return void out.push(`${p}:${s.size}:${s.mtimeMs}`);
  for (const name of readdirSync(p).sort()) if (!SKIP.has(name) && !name.endsWith('.test.ts')) walk(path.join(p, name), out);
}

export function sourceHash(root: string): string {
  const parts: string[] = [];
  for (const input of INPUTS) if (existsSync(path.join(root, input))) walk(path.join(root, input), parts);
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

export function ensureBuilt(root: string, log: (m: string) => void): void {
  const stamp = path.join(root, '.next', 'switchboard-build.hash');
  const hash = sourceHash(root);
  if (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('Building the web app (first start or sources changed)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('next build failed (see the output above)');
  writeFileSync(stamp, hash);
}

export function ensureGenerated(root: string): void {
  const result = spawnSync(process.execPath, [path.join(root, 'prisma', 'generate.mjs'), '--if-missing'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('prisma generate failed (see the output above)');
}
