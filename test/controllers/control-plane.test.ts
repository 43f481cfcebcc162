// The control plane at work through a real daemon and the real kubectl: the controller-manager
// runs from its static pod manifest, rolls deployments out, empties deleted namespaces, and stops
// when its manifest goes.
import { describe, expect, it } from 'vitest';
import { readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

const manifests = () => join(c.env.KUBEDOJO_HOME!, c.name, 'nodes/controlplane/etc/kubernetes/manifests');
const daemonLog = () => readFileSync(join(c.env.KUBEDOJO_HOME!, c.name, 'daemon.log'), 'utf8');

describe.skipIf(!hasRealKubectl)('controller-manager through the daemon', () => {
  it('reports healthy in componentstatuses', async () => {
    const out = await eventually(c, ['get', 'componentstatuses'], (o) => /controller-manager\s+Healthy\s+ok/.test(o));
    expect(out).toContain('etcd-0');
  });

  it('rolls out, scales, updates and undoes a deployment', async () => {
    expect((await c.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=3'])).code).toBe(0);
    await eventually(c, ['get', 'pods', '-l', 'app=web', '-o', 'name'], (o) => o.trim().split('\n').length === 3);
    const rs1 = (await eventually(c, ['get', 'rs', '-l', 'app=web', '-o', 'name'], (o) => o.trim() !== '')).trim();
    expect(rs1).toMatch(/^replicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect((await c.kubectl(['scale', 'deployment/web', '--replicas=5'])).code).toBe(0);
    await eventually(c, ['get', 'pods', '-l', 'app=web', '-o', 'name'], (o) => o.trim().split('\n').length === 5);
    expect((await c.kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.27'])).code).toBe(0);
    await eventually(c, ['get', 'rs', '-l', 'app=web', '-o', 'name'], (o) => o.trim().split('\n').length === 2);
    const history = await eventually(c, ['rollout', 'history', 'deployment/web'], (o) => o.includes('\n2 '));
    expect(history).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await c.kubectl(['rollout', 'undo', 'deployment/web'])).code).toBe(0);
    await eventually(c, ['get', rs1, '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'], (o) => o === '3');
    const events = await eventually(c, ['get', 'events', '--field-selector', 'involvedObject.name=web', '-o', 'jsonpath={range .items[*]}{.reason} {.source.component}{"\\n"}{end}'], (o) => o.includes('ScalingReplicaSet'));
    expect(events).toContain('ScalingReplicaSet deployment-controller');
  });

  it('empties and removes a deleted namespace', async () => {
    expect((await c.kubectl(['create', 'namespace', 'team'])).code).toBe(0);
    await eventually(c, ['get', 'serviceaccount', 'default', '-n', 'team', '-o', 'name'], (o) => o.trim() === 'serviceaccount/default');
    expect((await c.kubectl(['create', 'configmap', 'cfg', '-n', 'team', '--from-literal=a=b'])).code).toBe(0);
    expect((await c.kubectl(['create', 'deployment', 'app', '-n', 'team', '--image=nginx'])).code).toBe(0);
    const del = await c.kubectl(['delete', 'namespace', 'team', '--timeout=30s']);
    expect(del).toMatchObject({ code: 0, stdout: 'namespace "team" deleted\n' });
    const gone = await c.kubectl(['get', 'namespace', 'team']);
    expect(gone.stderr).toBe('Error from server (NotFound): namespaces "team" not found\n');
  });

  it('stops with its manifest and resumes when it is back', async () => {
    const file = join(manifests(), 'kube-controller-manager.yaml');
    const aside = join(c.home, 'kube-controller-manager.yaml');
    renameSync(file, aside);
    try {
      await eventually(c, ['get', 'componentstatuses'], (o) => /controller-manager\s+Unhealthy/.test(o));
      expect((await c.kubectl(['create', 'deployment', 'later', '--image=nginx'])).code).toBe(0);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await c.kubectl(['get', 'rs', '-l', 'app=later', '-o', 'name'])).stdout).toBe('');
    } finally {
      renameSync(aside, file);
    }
    await eventually(c, ['get', 'rs', '-l', 'app=later', '-o', 'name'], (o) => o.trim() !== '');
  });

  it('does not start with an unknown flag, and says why in the daemon log', async () => {
    const file = join(manifests(), 'kube-controller-manager.yaml');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('- --use-service-account-credentials=true', '- --use-service-account-credentials=true\n    - --no-such-flag=1'));
    try {
      await eventually(c, ['get', 'componentstatuses'], (o) => /controller-manager\s+Unhealthy/.test(o));
      expect(daemonLog()).toContain('kube-controller-manager: Error: unknown flag: --no-such-flag');
    } finally {
      writeFileSync(file, good);
    }
    await eventually(c, ['get', 'componentstatuses'], (o) => /controller-manager\s+Healthy/.test(o), 30_000);
  });

  it('acts within its RBAC roles', () => {
    expect(existsSync(join(c.env.KUBEDOJO_HOME!, c.name, 'daemon.log'))).toBe(true);
    expect(daemonLog()).not.toMatch(/is forbidden: User "system:serviceaccount:kube-system:[a-z-]+"/);
  });
});
