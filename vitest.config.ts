import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'components/**/*.test.ts', 'worker/**/*.test.ts', 'e2e/simulators/**/*.test.ts', 'prisma/**/*.test.ts'],
    globalSetup: ['lib/testing/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests run simulators and fake providers on 127.0.0.1 (provider URLs and the safe fetch).
    env: { ALLOW_INSECURE_PROVIDER_URLS: 'true' },
  },
});
