import { defineConfig } from 'vitest/config';

// In CI (.ci/run sets CI=true) a JSON report is written as well, so that .ci/run can print
// a plain "N passed, N failed" closing line.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/out/vitest.json' }]] : ['default'],
    testTimeout: 60_000,
    // One event-loop turn after every test, so the worker reads the runner's replies (test/_setup/yieldBetweenTests.ts).
    setupFiles: ['test/_setup/yieldBetweenTests.ts'],
  },
});
