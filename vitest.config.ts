import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at a time. Every server a test starts takes a port chosen at run time, except the
    // etcdctl replays (127.0.0.1:2379/2380), which take turns through test/etcdctl/harness/port-lock.ts.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    // Clusters started by tests (bin/kubedojo up) take free ports from the system: see
    // src/daemon/create-ports.ts.
    env: { KUBEDOJO_EPHEMERAL_PORTS: '1' },
    reporters: ['default'],
  },
});
