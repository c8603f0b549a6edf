/**
 * The web process serves the production Next.js build: make sure it exists and matches the sources
 * (a no-op after `npm run test:e2e`, whose `npm start` builds it), and that the Prisma client is generated.
 */
import { ensureBuilt, ensureGenerated } from '@/lib/server/build';

export default function setup() {
  const root = process.cwd();
  ensureGenerated(root);
  ensureBuilt(root, (m) => console.log(`[faults] ${m}`));
}
