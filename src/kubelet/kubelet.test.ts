import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../client/refs.js';
import { boot, cond, keep, podOf, shutdown } from './test-cluster.js';
import { tick, tickUntil } from './testing.js';

afterEach(shutdown);

describe('kubelet pod lifecycle', () => {
  it('runs nginx: pull, IP from the podCIDR, Running and Ready, banner in the CRI log', async () => {
    const t = await boot(podOf('web', { containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always' }] }));
    expect(t.status('web')?.state?.waiting?.reason).toBe('ContainerCreating');
    await tick(t.clock, 3000);
    const p = t.pod('web')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toMatch(/^10\.244\.1\.(\d+)$/);
    expect(p.status?.podIP).not.toBe('10.244.1.1');
    expect(p.status).toMatchObject({ hostIP: '192.168.49.3', hostIPs: [{ ip: '192.168.49.3' }], qosClass: 'BestEffort' });
    expect(p.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const s = t.status('web')!;
    expect(s).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:latest', imageID: 'docker.io/library/nginx@sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942' });
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const reasons = t.events().map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toEqual([
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in 2.078s (2.078s including waiting). Image size: 63110572 bytes.',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ]);
    const log = readFileSync(join(t.root, 'var/log/pods', `default_web_${p.metadata.uid}`, 'nginx', '0.log'), 'utf8').split('\n');
    expect(log[0]).toMatch(/^2026-01-01T00:00:02\.\d{9}Z stdout F \/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty/);
    expect(log.some((l) => / stderr F 2026\/01\/01 00:00:0\d \[notice\] 1#1: nginx\/1\.31\.3$/.test(l))).toBe(true);
  });

  it('restarts a failing container with a growing back-off: CrashLoopBackOff', async () => {
    const t = await boot(podOf('crash', { restartPolicy: 'Always', containers: [{ name: 'app', image: 'busybox:1.38', command: ['sh', '-c', 'echo boom; exit 1'] }] }));
    await tickUntil(t.clock, 1000, () => t.status('crash')?.restartCount === 1);
    let s = t.status('crash')!;
    expect(s.restartCount).toBe(1);
    await tickUntil(t.clock, 500, () => t.status('crash')?.state?.waiting?.reason === 'CrashLoopBackOff');
    s = t.status('crash')!;
    expect(s.state?.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=app pod=crash_default(${t.pod('crash')?.metadata.uid})` });
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(t.pod('crash')?.status?.phase).toBe('Running');
    await tickUntil(t.clock, 10_000, () => t.status('crash')?.restartCount === 2);
    s = t.status('crash')!;
    expect(s.restartCount).toBe(2);
    expect(s.state?.waiting?.message).toMatch(/^back-off 20s /);
    await tick(t.clock, 19_000);
    expect(t.status('crash')?.restartCount).toBe(2);
    await tickUntil(t.clock, 1_500, () => t.status('crash')?.restartCount === 3);
    expect(t.status('crash')?.restartCount).toBe(3);
    expect(t.events().find((e) => e.reason === 'BackOff')?.message).toBe(`Back-off restarting failed container app in pod crash_default(${t.pod('crash')?.metadata.uid})`);
  });

  it('runs a Job-style pod to Succeeded and keeps its output', async () => {
    const t = await boot(podOf('job', { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 5; echo done'] }] }));
    await tickUntil(t.clock, 1000, () => t.pod('job')?.status?.phase === 'Running');
    expect(t.pod('job')?.status?.phase).toBe('Running');
    // a loaded machine runs the shell behind the fake clock: its `sleep 5` may start late
    await tickUntil(t.clock, 5000, () => t.pod('job')?.status?.phase === 'Succeeded');
    const p = t.pod('job')!;
    expect(p.status?.phase).toBe('Succeeded');
    expect(t.status('job')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cond(p, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(cond(p, 'PodReadyToStartContainers')?.status).toBe('False');
    const log = readFileSync(join(t.root, 'var/log/pods', `default_job_${p.metadata.uid}`, 'main', '0.log'), 'utf8');
    expect(log).toMatch(/^\S+Z stdout F hi\n\S+Z stdout F done\n$/);
  });

  it('reports an unknown tag as ErrImagePull, then ImagePullBackOff, and pulls again after the back-off', async () => {
    const t = await boot(podOf('bad', { containers: [{ name: 'web', image: 'nginx:nope', imagePullPolicy: 'IfNotPresent' }] }));
    await tick(t.clock, 1000);
    const msg = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found';
    expect(t.status('bad')?.state?.waiting).toEqual({ reason: 'ErrImagePull', message: msg });
    expect(t.events().map((e) => e.message)).toEqual(expect.arrayContaining([`Failed to pull image "nginx:nope": ${msg}`, 'Error: ErrImagePull']));
    await tick(t.clock, 5000);
    expect(t.status('bad')?.state?.waiting).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nope"' });
    expect(t.events().find((e) => e.message === 'Error: ImagePullBackOff')).toBeDefined();
    await tick(t.clock, 5000);
    expect(t.events().find((e) => e.reason === 'Pulling')?.count).toBe(2);
    expect(t.status('bad')?.state?.waiting?.reason).toBe('ErrImagePull');
  });

  it('stops a deleted pod within its grace period and deletes it with grace 0 and its uid', async () => {
    const t = await boot(keep(podOf('gone', { terminationGracePeriodSeconds: 30, containers: [{ name: 'web', image: 'nginx:1.31' }, { name: 'sh', image: 'busybox', command: ['sleep', '3600'] }] })));
    await tick(t.clock, 3000);
    const p = t.pod('gone')!;
    expect(p.status?.phase).toBe('Running');
    t.fake.seed(REFS.pods, { ...p, metadata: { ...p.metadata, deletionTimestamp: '2026-01-01T00:00:33Z', deletionGracePeriodSeconds: 30 } });
    await tick(t.clock, 1000);
    expect(t.events().filter((e) => e.reason === 'Killing').map((e) => e.message).sort()).toEqual(['Stopping container sh', 'Stopping container web']);
    expect(t.status('gone', 'web')?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(t.status('gone', 'sh')?.state?.running).toBeDefined();
    expect(t.deletes).toEqual([]);
    await tick(t.clock, 30_000, 2000);
    expect(t.deletes).toEqual([{ name: 'gone', opts: { gracePeriodSeconds: 0, preconditions: { uid: p.metadata.uid } } }]);
    expect(t.pod('gone')?.status?.phase).toBe('Failed');
    expect(t.status('gone', 'sh')?.state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('runs init containers in order before the main containers', async () => {
    const t = await boot(podOf('init', {
      initContainers: [{ name: 'first', image: 'busybox', command: ['sh', '-c', 'sleep 2; echo one'] }, { name: 'second', image: 'busybox', command: ['sh', '-c', 'echo two'] }],
      containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }],
    }));
    await tick(t.clock, 1000);
    const init = () => t.pod('init')?.status?.initContainerStatuses ?? [];
    expect(init().map((s) => Object.keys(s.state ?? {})[0])).toEqual(['running', 'waiting']);
    expect(t.status('init')?.state?.waiting?.reason).toBe('PodInitializing');
    expect(cond(t.pod('init'), 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' });
    expect(t.pod('init')?.status?.phase).toBe('Pending');
    await tick(t.clock, 4000);
    expect(init().map((s) => s.state?.terminated?.reason)).toEqual(['Completed', 'Completed']);
    expect(init()[0]?.state?.terminated?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(t.status('init')?.state?.running).toBeDefined();
    expect(t.pod('init')?.status?.phase).toBe('Running');
    const started = t.events().filter((e) => e.reason === 'Started').map((e) => e.message);
    expect(started).toEqual(['Started container first', 'Started container second', 'Started container main']);
  });
});
