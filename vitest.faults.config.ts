/**
 * The fault suite (`npm run test:faults`): real web, worker and PostgreSQL processes, killed and
 * restarted on purpose (e2e/faults/*.fault.test.ts). Separate from the unit/integration run because
 * each file starts a whole stack and takes tens of seconds.
 */
import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Two stacks at once fit on 2 cores (the provider-outage test mostly waits); FAULTS_WORKERS=1 runs files one by one.
const workers = Number(process.env.FAULTS_WORKERS ?? 2);

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['e2e/faults/**/*.fault.test.ts'],
    globalSetup: ['e2e/faults/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: workers,
    fileParallelism: workers > 1,
    // A fault test that failed once is a finding, not flakiness to paper over.
    retry: 0,
  },
});
