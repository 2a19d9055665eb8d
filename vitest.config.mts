import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs live in tests/e2e and must never be collected here.
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI machine,
    // where most of the suite is CPU-bound simulation. Two workers there; the default on bigger ones.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
