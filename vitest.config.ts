import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Suites that start servers on the etcd default ports run one file at a time.
    fileParallelism: false,
    reporters: ['default'],
  },
});
