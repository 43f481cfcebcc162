import { describe, expect, it } from 'vitest';
import { fakeEnv } from '../framework/testing.js';
import { REFS } from '../../client/refs.js';
import { StatefulSetController } from './controller.js';
import type { ControllerRevision } from './history.js';
import type { SetPod, StatefulSet } from './types.js';

type Spec = NonNullable<StatefulSet['spec']>;

function newSet(spec: Partial<Spec> = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'ss-uid', generation: 1 },
    spec: {
      replicas: 3, serviceName: 'nginx', podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'nginx' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

async function setup(spec: Partial<Spec> = {}) {
  const env = fakeEnv();
  env.fake.seed(REFS.statefulsets, newSet(spec));
  const c = new StatefulSetController(env.ctx);
  await env.ctx.informers.start();
  const { fake } = env;
  const pods = () => fake.all<SetPod>(REFS.pods, 'default').sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const names = () => pods().map((p) => p.metadata.name);
  /** One sync, then what the apiserver does to new pods: phase Pending. */
  const sync = async () => {
    const r = await c.reconcile('default/web');
    for (const p of pods()) if (!p.status?.phase) await fake.patch(REFS.pods, 'default', p.metadata.name!, 'application/merge-patch+json', { status: { phase: 'Pending' } });
    return r;
  };
  const ready = async (...which: string[]) => {
    for (const n of which) await fake.patch(REFS.pods, 'default', n, 'application/merge-patch+json', { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] } });
  };
  const get = () => fake.peek<StatefulSet>(REFS.statefulsets, 'default', 'web')!;
  const events = async () => {
    await env.ctx.recorder.flush();
    return fake.all(REFS.events, 'default').map((e) => `${e.type} ${e.reason} ${e.message}`);
  };
  const revisions = () => fake.all<ControllerRevision>(REFS.controllerrevisions, 'default').sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
  return { ...env, c, pods, names, sync, ready, get, events, revisions };
}

describe('statefulset controller', () => {
  it('creates claim then pod for each ordinal, waiting for the previous to be Running and Ready', async () => {
    const { sync, names, pods, fake, ready, events, revisions } = await setup();
    await sync();
    expect(names()).toEqual(['web-0']);
    const [rev] = revisions();
    const hash = rev!.metadata.labels!['controller.kubernetes.io/hash'];
    expect(rev).toMatchObject({ metadata: { name: `web-${hash}`, labels: { app: 'nginx' } }, revision: 1 });
    const p = pods()[0]!;
    expect(p.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-0', 'apps.kubernetes.io/pod-index': '0', 'controller-revision-hash': `web-${hash}` });
    expect(p.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx', volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }] });
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'www-web-0')).toMatchObject({ metadata: { labels: { app: 'nginx' } }, spec: { accessModes: ['ReadWriteOnce'] } });
    expect(fake.actions.filter((a) => a.verb === 'create' && a.resource !== 'events' && a.resource !== 'controllerrevisions').map((a) => `${a.resource}/${a.name}`)).toEqual(['persistentvolumeclaims/www-web-0', 'pods/web-0']);
    expect(await events()).toEqual(['Normal SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success', 'Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful']);
    await sync();
    expect(names()).toEqual(['web-0']);
    await ready('web-0');
    await sync();
    expect(names()).toEqual(['web-0', 'web-1']);
    await ready('web-1');
    await sync();
    await ready('web-2');
    await sync();
    expect(names()).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('reports replica counts and revisions in status', async () => {
    const { sync, ready, get, revisions } = await setup({ replicas: 2 });
    await sync();
    await ready('web-0');
    await sync();
    await ready('web-1');
    await sync();
    const rev = revisions()[0]!.metadata.name;
    expect(get().status).toEqual({ observedGeneration: 1, replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2, currentRevision: rev, updateRevision: rev, collisionCount: 0 });
  });

  it('creates all pods at once with podManagementPolicy Parallel', async () => {
    const { sync, names } = await setup({ podManagementPolicy: 'Parallel' });
    await sync();
    expect(names()).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('scales down from the highest ordinal, one pod per sync', async () => {
    const { sync, ready, names, fake, events } = await setup();
    for (const n of ['web-0', 'web-1', 'web-2']) {
      await sync();
      await ready(n);
    }
    await fake.patch(REFS.statefulsets, 'default', 'web', 'application/merge-patch+json', { spec: { replicas: 1 } });
    await sync();
    expect(names()).toEqual(['web-0', 'web-1']);
    await sync();
    expect(names()).toEqual(['web-0']);
    expect(await events()).toEqual(expect.arrayContaining(['Normal SuccessfulDelete delete Pod web-2 in StatefulSet web successful', 'Normal SuccessfulDelete delete Pod web-1 in StatefulSet web successful']));
    expect(fake.peek(REFS.persistentvolumeclaims, 'default', 'www-web-2')).toBeDefined();
  });

  it('rolls an update from the highest ordinal down to the partition, one ready pod at a time', async () => {
    const { sync, ready, names, pods, fake, get, revisions } = await setup({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } });
    for (const n of ['web-0', 'web-1', 'web-2']) {
      await sync();
      await ready(n);
    }
    await fake.patch(REFS.statefulsets, 'default', 'web', 'application/merge-patch+json', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:2' }] } } } });
    await sync();
    const [oldRev, newRev] = revisions().map((r) => r.metadata.name);
    expect(names()).toEqual(['web-0', 'web-1']);
    await sync();
    expect(pods().find((p) => p.metadata.name === 'web-2')?.metadata.labels?.['controller-revision-hash']).toBe(newRev);
    await sync();
    expect(names()).toEqual(['web-0', 'web-1', 'web-2']);
    await ready('web-2');
    await sync();
    expect(names()).toEqual(['web-0', 'web-2']);
    await sync();
    await ready('web-1');
    await sync();
    const byRev = pods().map((p) => `${p.metadata.name}=${p.metadata.labels?.['controller-revision-hash'] === newRev ? 'new' : 'old'}`);
    expect(byRev).toEqual(['web-0=old', 'web-1=new', 'web-2=new']);
    expect(get().status).toMatchObject({ currentRevision: oldRev, updateRevision: newRev, currentReplicas: 1, updatedReplicas: 2 });
  });

  it('leaves pods on the old revision with OnDelete', async () => {
    const { sync, ready, names, fake } = await setup({ replicas: 1, updateStrategy: { type: 'OnDelete' } });
    await sync();
    await ready('web-0');
    await fake.patch(REFS.statefulsets, 'default', 'web', 'application/merge-patch+json', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:2' }] } } } });
    await sync();
    expect(names()).toEqual(['web-0']);
    expect(fake.actions.filter((a) => a.verb === 'delete')).toEqual([]);
  });

  it.each([
    ['Delete', 'Retain', [['StatefulSet', 'web']], [['StatefulSet', 'web']]],
    ['Delete', 'Delete', [['StatefulSet', 'web']], [['Pod', 'web-1']]],
    ['Retain', 'Delete', [], [['Pod', 'web-1']]],
    ['Retain', 'Retain', [], []],
  ])('claim owners with whenDeleted %s, whenScaled %s', async (whenDeleted, whenScaled, atCreate, afterScale) => {
    const { sync, ready, fake } = await setup({ replicas: 2, persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
    await sync();
    await ready('web-0');
    await sync();
    await ready('web-1');
    await sync();
    const owners = (n: string) => (fake.peek(REFS.persistentvolumeclaims, 'default', n)?.metadata.ownerReferences ?? []).map((r) => [r.kind, r.name]);
    expect(owners('www-web-1')).toEqual(atCreate);
    await fake.patch(REFS.statefulsets, 'default', 'web', 'application/merge-patch+json', { spec: { replicas: 1 } });
    await sync();
    expect(owners('www-web-1')).toEqual(afterScale);
  });
});
