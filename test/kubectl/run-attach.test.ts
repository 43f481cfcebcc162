// `kubectl run` attached to its pod (-i, --attach, --rm): ours against the real kubectl on one live
// cluster. The container's shell reads what run's stdin sends (spec.stdin with stdinOnce), run
// waits for the pod's end with --restart=Never/OnFailure and exits with the container's code, and
// --rm deletes the pod whatever happened (a pod that never runs: the wait's timeout).
import { describe, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const c = useCluster();

const gone = (name: string): string[][] => [['delete', 'pod', name, '--ignore-not-found', '--wait']];

const CASES: Case[] = [
  { args: ['run', 'a1', '--rm', '-i', '--restart=Never', '--image=busybox', '--', 'sh'], stdin: 'echo in-shell\nX=1; echo "x=$X"\nexit 3\n', undo: gone('a1') },
  { args: ['run', 'a2', '-i', '--restart=Never', '--image=busybox', '--', 'sh'], stdin: 'echo kept\n', undo: gone('a2') },
  { args: ['run', 'a3', '--rm', '-i', '--restart=OnFailure', '--image=busybox', '--', 'sh'], stdin: 'hostname\nexit 0\n', undo: gone('a3') },
  { args: ['run', 'a4', '--rm', '-i', '-q', '--restart=Never', '--image=busybox', '--', 'sh'], stdin: 'echo quiet >&2\n', undo: gone('a4') },
  { args: ['run', 'a5', '--rm', '--attach', '--restart=Never', '--image=busybox', '--', 'sh', '-c', 'sleep 3; echo done; exit 5'], undo: gone('a5') },
  { args: ['run', 'a6', '--rm', '-i', '--restart=Never', '--image=busybox:no-such-tag', '--pod-running-timeout=3s', '--', 'sh'], stdin: '', undo: gone('a6') },
  { args: ['run', 'a7', '--rm', '--image=busybox'] },
  { args: ['run', 'a8', '-t', '--image=busybox'] },
  { args: ['run', 'a9', '-i', '--dry-run=client', '--image=busybox'] },
];

describe.skipIf(!hasRealKubectl)('kubectl run -i/--attach/--rm: ours and the real one', () => {
  it.each(CASES.map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  }, 60_000);
});
