import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { DaemonSetController } from './controller.js';
import type { DaemonSet, Node } from './types.js';
import type { DsPod } from './deps.js';
import type { ControllerRevision } from '../statefulset/history.js';

const node = (name: string, extra: Partial<Node> = {}): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, ...extra });

function newDs(strategy: NonNullable<DaemonSet['spec']>['updateStrategy'] = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }): DaemonSet {
  return {
    apiVersion: 'apps/v1', kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system', uid: 'ds-uid', generation: 1 },
    spec: {
      selector: { matchLabels: { app: 'agent' } }, updateStrategy: strategy, revisionHistoryLimit: 10,
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent:1' }] } },
    },
  };
}

async function setup(ds = newDs(), nodes = [node('n1'), node('n2', { spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } }), node('cp', { spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } })]) {
  const env = fakeEnv();
  env.fake.seed(REFS.nodes, ...nodes);
  env.fake.seed(REFS.daemonsets, ds);
  const c = new DaemonSetController(env.ctx);
  await env.ctx.informers.start();
  const pods = () => env.fake.all<DsPod>(REFS.pods, 'kube-system');
  const nodeOf = (p: DsPod) => p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0];
  const get = () => env.fake.peek<DaemonSet>(REFS.daemonsets, 'kube-system', 'agent')!;
  const events = async () => {
    await env.ctx.recorder.flush();
    return env.fake.all(REFS.events, 'kube-system').map((e) => `${e.type} ${e.reason} ${e.message}`);
  };
  /** Binds and readies every pod, as the scheduler and kubelet would. */
  const runAll = async () => {
    for (const p of pods()) {
      if (p.spec?.nodeName) continue;
      await env.fake.patch(REFS.pods, 'kube-system', p.metadata.name!, 'application/merge-patch+json', {
        spec: { nodeName: nodeOf(p) }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
      });
    }
  };
  return { ...env, c, pods, nodeOf, get, events, runAll };
}

describe('daemonset controller', () => {
  it('creates one pod per eligible node (cordoned included), pinned by node affinity', async () => {
    const { c, pods, nodeOf, fake, events, get } = await setup();
    await c.reconcile('kube-system/agent');
    const made = pods();
    expect(made.map(nodeOf).sort()).toEqual(['n1', 'n2']);
    const [rev] = fake.all<ControllerRevision>(REFS.controllerrevisions, 'kube-system');
    const hash = rev!.metadata.labels!['controller-revision-hash']!;
    expect(rev).toMatchObject({ metadata: { name: `agent-${hash}`, ownerReferences: [{ kind: 'DaemonSet', name: 'agent', controller: true }] }, revision: 1 });
    expect(rev!.data).toEqual({ spec: { template: { ...newDs().spec!.template, $patch: 'replace' } } });
    const p = made[0]!;
    expect(p.metadata.generateName).toBe('agent-');
    expect(p.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': hash });
    expect(p.spec?.tolerations?.map((t) => t.key)).toContain('node.kubernetes.io/unschedulable');
    expect(p.spec?.nodeName).toBeUndefined();
    expect(await events()).toEqual(made.map((x) => `Normal SuccessfulCreate Created pod: ${x.metadata.name}`));
    expect(get().status).toEqual({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 2, numberUnavailable: 2, observedGeneration: 1 });
    await c.reconcile('kube-system/agent');
    expect(pods()).toHaveLength(2);
  });

  it('counts ready and available pods in status', async () => {
    const { c, get, runAll } = await setup();
    await c.reconcile('kube-system/agent');
    await runAll();
    await c.reconcile('kube-system/agent');
    expect(get().status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, updatedNumberScheduled: 2 });
    expect(get().status?.numberUnavailable).toBeUndefined();
  });

  it('rolls out a new template one node at a time (maxUnavailable 1)', async () => {
    const { c, fake, pods, get, runAll } = await setup();
    await c.reconcile('kube-system/agent');
    await runAll();
    await fake.patch(REFS.daemonsets, 'kube-system', 'agent', 'application/merge-patch+json', { spec: { template: { spec: { containers: [{ name: 'a', image: 'agent:2' }] } } } });
    await c.reconcile('kube-system/agent');
    const revs = fake.all<ControllerRevision>(REFS.controllerrevisions, 'kube-system').sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
    expect(revs.map((r) => r.revision)).toEqual([1, 2]);
    const newHash = revs[1]!.metadata.labels!['controller-revision-hash'];
    expect(pods()).toHaveLength(1);
    await c.reconcile('kube-system/agent');
    expect(pods().map((p) => p.metadata.labels?.['controller-revision-hash']).sort()).toEqual([newHash, revs[0]!.metadata.labels!['controller-revision-hash']].sort());
    await c.reconcile('kube-system/agent');
    expect(pods()).toHaveLength(2);
    await runAll();
    await c.reconcile('kube-system/agent');
    await c.reconcile('kube-system/agent');
    await runAll();
    await c.reconcile('kube-system/agent');
    expect(pods().every((p) => p.metadata.labels?.['controller-revision-hash'] === newHash)).toBe(true);
    expect(get().status).toMatchObject({ updatedNumberScheduled: 2, numberAvailable: 2 });
  });

  it('surges a new pod beside the old one and removes the old once the new is available', async () => {
    const { c, fake, pods, runAll } = await setup(newDs({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }), [node('n1')]);
    await c.reconcile('kube-system/agent');
    await runAll();
    await fake.patch(REFS.daemonsets, 'kube-system', 'agent', 'application/merge-patch+json', { spec: { template: { spec: { containers: [{ name: 'a', image: 'agent:2' }] } } } });
    await c.reconcile('kube-system/agent');
    expect(pods()).toHaveLength(2);
    await runAll();
    await c.reconcile('kube-system/agent');
    expect(pods()).toHaveLength(1);
    expect(pods()[0]?.spec?.containers).toEqual([{ name: 'a', image: 'agent:2' }]);
  });

  it('leaves old pods alone with OnDelete', async () => {
    const { c, fake, pods, runAll } = await setup(newDs({ type: 'OnDelete' }));
    await c.reconcile('kube-system/agent');
    await runAll();
    await fake.patch(REFS.daemonsets, 'kube-system', 'agent', 'application/merge-patch+json', { spec: { template: { spec: { containers: [{ name: 'a', image: 'agent:2' }] } } } });
    await c.reconcile('kube-system/agent');
    expect(pods()).toHaveLength(2);
    expect(fake.actions.filter((a) => a.verb === 'delete')).toEqual([]);
  });

  it('deletes the pod of a node that no longer fits, and a failed pod after a back-off', async () => {
    const ds = newDs();
    ds.spec!.template!.spec = { ...ds.spec!.template!.spec, nodeSelector: { role: 'worker' } };
    const { c, fake, pods, nodeOf, events, get } = await setup(ds, [node('n1', { metadata: { name: 'n1', labels: { role: 'worker' } } }), node('n2', { metadata: { name: 'n2', labels: { role: 'worker' } } })]);
    await c.reconcile('kube-system/agent');
    await fake.patch(REFS.nodes, '', 'n2', 'application/merge-patch+json', { metadata: { labels: { role: 'db' } } });
    expect(c.queue.length).toBeGreaterThan(0);
    await c.reconcile('kube-system/agent');
    expect(pods().map(nodeOf)).toEqual(['n1']);
    const p = pods()[0]!;
    await fake.patch(REFS.pods, 'kube-system', p.metadata.name!, 'application/merge-patch+json', { spec: { nodeName: 'n1' }, status: { phase: 'Failed' } });
    await c.reconcile('kube-system/agent');
    expect(fake.peek(REFS.pods, 'kube-system', p.metadata.name!)).toBeUndefined();
    expect(await events()).toEqual(expect.arrayContaining([
      `Warning FailedDaemonPod Found failed daemon pod kube-system/${p.metadata.name} on node n1, will try to kill it`,
      `Normal SuccessfulDelete Deleted pod: ${p.metadata.name}`,
    ]));
    expect(get().status).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 0 });
  });

  it('warns about an empty selector and does nothing else', async () => {
    const ds = newDs();
    ds.spec!.selector = {};
    const { c, pods, events } = await setup(ds);
    await c.reconcile('kube-system/agent');
    expect(pods()).toEqual([]);
    expect(await events()).toEqual(['Warning SelectingAll This daemon set is selecting all pods. A non-empty selector is required.']);
  });
});
