import { describe, expect, it } from 'vitest';
import type { ContainerState, ContainerStatus } from '../pod-spec.js';
import { logInstance, type LogInstance } from './instance.js';

const ID = (n: number) => `containerd://${String(n).repeat(64)}`;
const bare = (n: number) => String(n).repeat(64);
const term = (id?: number): ContainerState => ({ terminated: { exitCode: 1, reason: 'Error', ...(id !== undefined ? { containerID: ID(id) } : {}) } });

function cs(state: ContainerState, restartCount: number, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'c', state, lastState: {}, restartCount, ...extra };
}

describe('logInstance (validateContainerLogStatus, and the run\'s log file)', () => {
  const cases: [string, ContainerStatus, boolean, LogInstance][] = [
    ['running: the current run', cs({ running: {} }, 0, { containerID: ID(1) }), false, { containerID: bare(1), file: 0 }],
    ['running after restarts', cs({ running: {} }, 3, { containerID: ID(4), lastState: term(3) }), false, { containerID: bare(4), file: 3 }],
    ['previous while running: the run before', cs({ running: {} }, 3, { containerID: ID(4), lastState: term(3) }), true, { containerID: bare(3), file: 2 }],
    ['terminated: that run', cs(term(2), 0, { containerID: ID(2) }), false, { containerID: bare(2), file: 0 }],
    ['CrashLoopBackOff: the last run is the newest file', cs({ waiting: { reason: 'CrashLoopBackOff' } }, 1, { lastState: term(2) }), false, { containerID: bare(2), file: 1 }],
    ['previous in CrashLoopBackOff', cs({ waiting: { reason: 'CrashLoopBackOff' } }, 1, { lastState: term(2) }), true, { containerID: bare(2), file: 1 }],
    ['terminated without an ID falls back to the last run', cs(term(), 2, { lastState: term(5) }), false, { containerID: bare(5), file: 2 }],
    ['terminated without any ID', cs(term(), 0), false, { error: 'container "c" in pod "p" is terminated' }],
    ['previous without a last run', cs({ running: {} }, 0, { containerID: ID(1) }), true, { error: 'previous terminated container "c" in pod "p" not found' }],
    ['previous of a finished run-once pod', cs(term(2), 0, { containerID: ID(2) }), true, { error: 'previous terminated container "c" in pod "p" not found' }],
    ['ContainerCreating', cs({ waiting: { reason: 'ContainerCreating' } }, 0), false, { error: 'container "c" in pod "p" is waiting to start: ContainerCreating' }],
    ['PodInitializing', cs({ waiting: { reason: 'PodInitializing' } }, 0), false, { error: 'container "c" in pod "p" is waiting to start: PodInitializing' }],
    ['ErrImagePull', cs({ waiting: { reason: 'ErrImagePull' } }, 0), false, { error: 'container "c" in pod "p" is waiting to start: image can\'t be pulled' }],
    ['ImagePullBackOff', cs({ waiting: { reason: 'ImagePullBackOff' } }, 0), false, { error: 'container "c" in pod "p" is waiting to start: trying and failing to pull image' }],
    ['CreateContainerConfigError', cs({ waiting: { reason: 'CreateContainerConfigError' } }, 0), false, { error: 'container "c" in pod "p" is waiting to start: CreateContainerConfigError' }],
    ['no state at all', cs({}, 0), false, { error: 'container "c" in pod "p" is waiting to start - no logs yet' }],
  ];
  it.each(cases)('%s', (_name, status, previous, want) => {
    expect(logInstance('p', { containerStatuses: [status] }, 'c', previous)).toEqual(want);
  });

  it('finds init containers, and says when the status has no such container', () => {
    const init = { ...cs({ running: {} }, 0, { containerID: ID(7) }), name: 'setup' };
    expect(logInstance('p', { containerStatuses: [], initContainerStatuses: [init] }, 'setup', false)).toEqual({ containerID: bare(7), file: 0 });
    expect(logInstance('p', {}, 'c', false)).toEqual({ error: 'container "c" in pod "p" is not available' });
  });
});
