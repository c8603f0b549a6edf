/** `npm run build`: generates the Prisma client, builds the Next.js app and compiles the web and worker processes. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt } from './build';

const root = process.cwd();
const generated = spawnSync(process.execPath, [path.join(root, 'prisma', 'generate.mjs')], { cwd: root, stdio: 'inherit' });
if (generated.status !== 0) process.exit(generated.status ?? 1);
try {
  ensureBuilt(root, (m) => console.log(`[switchboard] ${m}`), true);
} catch (err) {
  console.error(`[switchboard] ${(err as Error).message}`);
  process.exit(1);
}
