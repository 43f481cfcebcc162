// OOMKilled as the kubernetes.io task "Assign Memory Resources to Containers" shows it: stress
// allocating 250M under a 100Mi limit is killed (exit 137, OOMKilled), restarted, and backs off
// into CrashLoopBackOff; 150M under 200Mi runs. The runtime records the reason (crictl inspect).
import { afterEach, describe, expect, it } from 'vitest';
import { boot, podOf, shutdown } from '../test-cluster.js';
import { tick } from '../testing.js';

afterEach(shutdown);

const stress = (name: string, bytes: string, limit: string) => podOf(name, {
  restartPolicy: 'Always',
  containers: [{ name: `${name}-ctr`, image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', bytes, '--vm-hang', '1'], resources: { requests: { memory: '50Mi' }, limits: { memory: limit } } }],
});

describe('OOMKilled', () => {
  it('kills a container over its memory limit, restarts it, then backs off', async () => {
    const t = await boot(stress('memory-demo-2', '250M', '100Mi'));
    await tick(t.clock, 4000);
    const s = t.status('memory-demo-2')!;
    expect(s.restartCount).toBe(1);
    expect(s.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(s.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    const last = s.lastState!.terminated!;
    expect(Date.parse(last.finishedAt ?? '') - Date.parse(last.startedAt ?? '')).toBeLessThanOrEqual(1000);
    await tick(t.clock, 10_500);
    expect(t.status('memory-demo-2')?.restartCount).toBe(2);
  });

  it('leaves a container under its limit running', async () => {
    const t = await boot(stress('memory-demo', '150M', '200Mi'));
    await tick(t.clock, 4000);
    expect(t.status('memory-demo')).toMatchObject({ restartCount: 0, ready: true });
    expect(t.status('memory-demo')?.state?.running).toBeDefined();
  });
});
