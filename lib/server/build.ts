/**
 * `npm start` builds what it runs when the sources changed since the last build (or no build
 * exists), so a fresh clone needs no separate build step:
 * - the Next.js app (`.next/`);
 * - the web and worker processes as plain JavaScript (`.build/`, bundled by esbuild), so they start
 *   without the tsx loader and load only the modules their entry actually imports.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const NEXT_INPUTS = ['app', 'components', 'lib', 'prisma/schema.prisma', 'next.config.js', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const SERVER_INPUTS = ['lib', 'worker', 'prisma/schema.prisma', 'package-lock.json', 'tsconfig.json'];
const SKIP = new Set(['node_modules', 'generated', '.next', '.build', '.data']);

/** Where the compiled processes live; `node <dir>/<entry>.mjs` runs one. */
export const SERVER_BUILD_DIR = '.build';
/** Compiled entries: name → source. `migrate` serves `npm run migrate` and `npm run start:web`. */
export const SERVER_ENTRIES = { web: 'lib/server/web.ts', worker: 'worker/main.ts', migrate: 'lib/server/migrate-main.ts' } as const;

function walk(p: string, out: string[]) {
  const s = statSync(p);
  if (s.isFile()) return void out.push(`${p}:${s.size}:${s.mtimeMs}`);
  for (const name of readdirSync(p).sort()) if (!SKIP.has(name) && !name.endsWith('.test.ts')) walk(path.join(p, name), out);
}

export function sourceHash(root: string, inputs: readonly string[] = NEXT_INPUTS): string {
  const parts: string[] = [];
  for (const input of inputs) if (existsSync(path.join(root, input))) walk(path.join(root, input), parts);
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Runs `build` unless `stamp` records the current hash of `inputs` and `output` exists. */
function rebuildWhenChanged(root: string, { inputs, stamp, output, build, force }: { inputs: readonly string[]; stamp: string; output: string; build: () => void; force?: boolean }): boolean {
  const hash = sourceHash(root, inputs);
  if (!force && existsSync(output) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return false;
  build();
  writeFileSync(stamp, hash);
  return true;
}

/** `force` (npm run build) rebuilds even when the stamps say the build is current. */
export function ensureBuilt(root: string, log: (m: string) => void, force = false): void {
  ensureNextBuilt(root, log, force);
  ensureServerBuilt(root, log, force);
}

export function ensureNextBuilt(root: string, log: (m: string) => void, force = false): void {
  rebuildWhenChanged(root, {
    force,
    inputs: NEXT_INPUTS,
    stamp: path.join(root, '.next', 'switchboard-build.hash'),
    output: path.join(root, '.next', 'BUILD_ID'),
    build: () => {
      log('Building the web app (first start or sources changed)…');
      const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
      const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
      if (result.status !== 0) throw new Error('next build failed (see the output above)');
    },
  });
}

export function ensureServerBuilt(root: string, log: (m: string) => void, force = false): void {
  const outDir = path.join(root, SERVER_BUILD_DIR);
  rebuildWhenChanged(root, {
    force,
    inputs: SERVER_INPUTS,
    stamp: path.join(outDir, 'build.hash'),
    output: path.join(outDir, 'worker.mjs'),
    build: () => {
      log('Compiling the web and worker processes…');
      buildServer(root, outDir);
    },
  });
}

/**
 * Bundles each entry with our own code (the `@/` alias resolved through tsconfig.json, the generated
 * Prisma client included) into one ES module; packages from node_modules stay imports, so each
 * process loads exactly the packages its code reaches. Written beside the target and renamed into
 * place, so a process starting meanwhile never reads a half-written file.
 */
export function buildServer(root: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(path.join(outDir, '.tmp-'));
  try {
    buildSync({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, src]) => [name, path.join(root, src)])),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: false,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      tsconfig: path.join(root, 'tsconfig.json'),
      sourcemap: 'linked', // used with NODE_OPTIONS=--enable-source-maps; not loaded otherwise
      logLevel: 'error',
    });
    for (const file of readdirSync(tmp)) renameSync(path.join(tmp, file), path.join(outDir, file));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function ensureGenerated(root: string): void {
  const result = spawnSync(process.execPath, [path.join(root, 'prisma', 'generate.mjs'), '--if-missing'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('prisma generate failed (see the output above)');
}
