// `kubectl logs` end to end: the real kubectl against a real daemon, through the apiserver's
// pods/log to the node's kubelet and the CRI log files its containers write.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, REAL_KUBECTL, useCluster } from '../support/cluster.js';

const c = useCluster();
const TS = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z`;
const stoppedFlag = (node: string) => join(c.env.KUBEDOJO_HOME!, c.name, 'nodes', node, 'run/kubedojo/kubelet.stopped');

/** Waits until the pod's jsonpath value passes check. */
const podField = (pod: string, path: string, check: (v: string) => boolean, ms = 40_000) =>
  eventually(c, ['get', 'pod', pod, '-o', `jsonpath=${path}`], check, ms);

/** Runs kubectl until its result passes check (the kubelet's view settles asynchronously). */
async function retry(args: string[], check: (r: { code: number; stdout: string; stderr: string }) => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  let r = await c.kubectl(args);
  while (!check(r) && Date.now() < until) {
    await new Promise((res) => setTimeout(res, 500));
    r = await c.kubectl(args);
  }
  return r;
}

describe.skipIf(!hasRealKubectl)('kubectl logs', () => {
  it('prints what a finished pod wrote, its tail, with timestamps, by size and since', async () => {
    expect((await c.kubectl(['run', 'hello', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo one; echo two'])).code).toBe(0);
    await podField('hello', '{.status.phase}', (p) => p === 'Succeeded');
    expect(await c.kubectl(['logs', 'hello'])).toEqual({ code: 0, stdout: 'one\ntwo\n', stderr: '' });
    expect(await c.kubectl(['logs', 'pod/hello', '--tail=1'])).toEqual({ code: 0, stdout: 'two\n', stderr: '' });
    expect((await c.kubectl(['logs', 'hello', '--timestamps'])).stdout).toMatch(new RegExp(`^${TS} one\\n${TS} two\\n$`));
    expect((await c.kubectl(['logs', 'hello', '--limit-bytes=5'])).stdout).toBe('one\nt');
    expect((await c.kubectl(['logs', 'hello', '--since=1h'])).stdout).toBe('one\ntwo\n');
    expect(await c.kubectl(['logs', 'hello', '--previous'])).toEqual({
      code: 1, stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "hello" in pod "hello" not found\n',
    });
  });

  it('picks a container with -c', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  restartPolicy: Never
  containers:
  - {name: a, image: busybox, command: [sh, -c, 'echo from a']}
  - {name: b, image: busybox, command: [sh, -c, 'echo from b']}
`;
    expect((await c.kubectl(['apply', '-f', '-'], { stdin: pod })).code).toBe(0);
    await podField('two', '{.status.phase}', (p) => p === 'Succeeded');
    expect(await c.kubectl(['logs', 'two', '-c', 'b'])).toEqual({ code: 0, stdout: 'from b\n', stderr: '' });
  });

  it('shows the previous run of a crash-looping container', async () => {
    expect((await c.kubectl(['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo crashing; exit 1'])).code).toBe(0);
    await podField('crash', '{.status.containerStatuses[0].restartCount}', (n) => Number(n) >= 1);
    expect(await c.kubectl(['logs', 'crash', '--previous'])).toEqual({ code: 0, stdout: 'crashing\n', stderr: '' });
    const prev = await c.kubectl(['logs', 'crash', '-p', '--timestamps']);
    expect(prev.stdout).toMatch(new RegExp(`^${TS} crashing\\n$`));
  });

  it('prints the log of a Deployment\'s pod', async () => {
    expect((await c.kubectl(['create', 'deployment', 'x', '--image=busybox', '--', 'sh', '-c', 'echo from the deployment; sleep 3600'])).code).toBe(0);
    await eventually(c, ['get', 'deployment', 'x', '-o', 'jsonpath={.status.availableReplicas}'], (n) => n === '1', 40_000);
    const r = await retry(['logs', 'deploy/x'], (x) => x.stdout !== '');
    expect(r).toEqual({ code: 0, stdout: 'from the deployment\n', stderr: '' });
  });

  it('logs -f streams each line as it is written, until the container exits, then exits 0', async () => {
    expect((await c.kubectl(['run', 'talk', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo first; sleep 3; echo second'])).code).toBe(0);
    await podField('talk', '{.status.containerStatuses[0].state.running.startedAt}', (v) => v !== '');
    const child = spawn(REAL_KUBECTL, ['logs', '-f', 'talk'], { env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let firstAt = 0;
    child.stdout.on('data', (d) => {
      out += d;
      if (!firstAt && out.includes('first\n')) firstAt = Date.now();
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, out }).toEqual({ code: 0, out: 'first\nsecond\n' });
    expect(Date.now() - firstAt).toBeGreaterThan(1500);
  });

  it('says why a container that has not started has no logs: ContainerCreating', async () => {
    // The node image is large: its first pull on a node takes about 11 s.
    expect((await c.kubectl(['run', 'slow', '--image=node', '--command', '--', 'sleep', '3600'])).code).toBe(0);
    await podField('slow', '{.status.containerStatuses[0].state.waiting.reason}', (r) => r === 'ContainerCreating', 20_000);
    expect(await c.kubectl(['logs', 'slow'])).toEqual({
      code: 1, stdout: '', stderr: 'Error from server (BadRequest): container "slow" in pod "slow" is waiting to start: ContainerCreating\n',
    });
  });

  it('says why a container whose image cannot be pulled has no logs: ImagePullBackOff', async () => {
    expect((await c.kubectl(['run', 'bad', '--image=busybox:no-such-tag'])).code).toBe(0);
    await podField('bad', '{.status.containerStatuses[0].state.waiting.reason}', (r) => r === 'ImagePullBackOff');
    const backOff = 'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image\n';
    const pulling = 'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: image can\'t be pulled\n';
    // The state moves between ImagePullBackOff and ErrImagePull as the back-off retries.
    const r = await retry(['logs', 'bad'], (x) => x.stderr === backOff);
    expect(r).toEqual({ code: 1, stdout: '', stderr: backOff });
    expect([backOff, pulling]).toContain((await c.kubectl(['logs', 'bad'])).stderr);
  });

  it('gets connection refused from a node whose kubelet is stopped, and logs again once it runs', async () => {
    const node = (await c.kubectl(['get', 'pod', 'hello', '-o', 'jsonpath={.spec.nodeName} {.status.hostIP}'])).stdout.split(' ');
    const [name, ip] = [node[0]!, node[1]!];
    mkdirSync(join(stoppedFlag(name), '..'), { recursive: true });
    writeFileSync(stoppedFlag(name), '');
    try {
      const refused = `Error from server: Get "https://${ip}:10250/containerLogs/default/hello/hello": dial tcp ${ip}:10250: connect: connection refused\n`;
      expect(await retry(['logs', 'hello'], (x) => x.code === 1)).toEqual({ code: 1, stdout: '', stderr: refused });
    } finally {
      rmSync(stoppedFlag(name), { force: true });
    }
    expect(await retry(['logs', 'hello'], (x) => x.code === 0)).toEqual({ code: 0, stdout: 'one\ntwo\n', stderr: '' });
  });
});
