// Ephemeral containers end to end: the real `kubectl debug` adds one to a running pod through
// pods/ephemeralcontainers, the kubelet starts it once (never restarted), attaches the session to
// it, reports it in ephemeralContainerStatuses, and the debug container reaches the pod's own
// listeners on localhost.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

describe.skipIf(!hasRealKubectl)('kubectl debug with ephemeral containers', () => {
  beforeAll(async () => {
    expect((await c.kubectl(['run', 'web', '--image=nginx'])).code).toBe(0);
    await eventually(c, ['get', 'pod', 'web'], (o) => /1\/1\s+Running/.test(o), 60_000);
  }, 90_000);

  it('runs an interactive debug shell beside the pod and keeps its end in the status', async () => {
    const r = await c.kubectl(['debug', 'web', '-i', '--image=busybox', '--container=dbg', '--profile=general', '--', 'sh'], { stdin: 'echo in-debug\nwget -qO- http://localhost | head -c 15; echo\nexit 4\n' });
    expect(r.stdout).toBe('in-debug\n<!DOCTYPE html>\n');
    expect(r.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    const status = await eventually(c, ['get', 'pod', 'web', '-o', 'jsonpath={.status.ephemeralContainerStatuses[0].state.terminated.exitCode} {.status.ephemeralContainerStatuses[0].restartCount} {.status.containerStatuses[0].ready}'], (o) => o.startsWith('4 '));
    expect(status).toBe('4 0 true');
    const events = await c.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=web,reason=Started', '-o', 'jsonpath={range .items[*]}{.involvedObject.fieldPath}{"\\n"}{end}']);
    expect(events.stdout.split('\n')).toContain('spec.ephemeralContainers{dbg}');
    const log = await c.kubectl(['logs', 'web', '-c', 'web']);
    expect(log.stdout).toMatch(/^127\.0\.0\.1 - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"$/m);
  }, 60_000);

  it('describes the ephemeral container', async () => {
    const r = await c.kubectl(['describe', 'pod', 'web']);
    expect(r.stdout).toMatch(/Ephemeral Containers:\n {2}dbg:\n {4}Container ID: {2}containerd:\/\/[0-9a-f]{64}\n {4}Image: {9}busybox\n/);
    expect(r.stdout).toMatch(/ {4}State: {10}Terminated\n {6}Reason: {7}Error\n {6}Exit Code: {4}4\n/);
  });
});
