import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { fakeEnv } from '../framework/testing.js';
import { cleanupDeployment } from './cleanup.js';
import { SyncState } from './sync-state.js';
import { cluster, deployment, editSpec } from './testdata.js';
import type { Deployment } from './types.js';

const REV = 'deployment.kubernetes.io/revision';
const image = (img: string) => (d: Deployment) => { d.spec.template!.spec = { containers: [{ name: 'c', image: img }] }; };
const cond = (d: Deployment, type: string) => d.status?.conditions?.find((c) => c.type === type);
const byImage = (rss: Obj[], img: string) => rss.find((rs) => JSON.stringify(rs.spec).includes(img));

async function rollout(c: Awaited<ReturnType<typeof cluster>>, img: string): Promise<void> {
  c.env.clock.advance(1000);
  await editSpec(c, image(img));
  for (let i = 0; i < 6; i++) {
    await c.step();
    await c.ready();
  }
}

describe('deployment controller: revisions', () => {
  it('reuses the old ReplicaSet when the template goes back (rollout undo), with the next revision', async () => {
    const c = await cluster([deployment('web', { replicas: 2 })]);
    await c.step();
    await c.ready();
    await rollout(c, 'nginx:2.0');
    await rollout(c, 'nginx:1.0');
    const rss = c.rs();
    expect(rss).toHaveLength(2);
    const v1 = byImage(rss, 'nginx:1.0');
    expect(v1?.metadata.annotations).toMatchObject({ [REV]: '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(byImage(rss, 'nginx:2.0')?.metadata.annotations?.[REV]).toBe('2');
    expect(c.sizes()).toEqual([2, 0]);
    expect(c.d().metadata.annotations?.[REV]).toBe('3');
  });

  it('deletes old ReplicaSets past revisionHistoryLimit once they are empty, lowest revision first', async () => {
    const d = deployment('web', { replicas: 1, spec: { revisionHistoryLimit: 1 } });
    const c = await cluster([d]);
    await c.step();
    await c.ready();
    const first = c.rs()[0]?.metadata.name;
    await rollout(c, 'nginx:2.0');
    expect(c.rs()).toHaveLength(2);
    await rollout(c, 'nginx:3.0');
    await c.deployments.reconcile('default/web');
    expect(c.rs().map((rs) => rs.metadata.annotations?.[REV])).toEqual(['2', '3']);
    expect(c.fake.actions.filter((a) => a.verb === 'delete' && a.resource === 'replicasets').map((a) => a.name)).toEqual([first]);
  });

  it('keeps old ReplicaSets that still have pods, replicas or an unobserved spec', async () => {
    const env = fakeEnv();
    const rs = (name: string, rev: string, replicas: number, status: Record<string, number>, generation = 1): Obj => ({
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name, namespace: 'default', uid: name, generation, annotations: { [REV]: rev } },
      spec: { replicas }, status,
    });
    const old = [
      rs('has-pods', '1', 0, { replicas: 1, observedGeneration: 1 }),
      rs('unobserved', '2', 0, { observedGeneration: 1 }, 2),
      rs('scaled', '3', 1, { observedGeneration: 1 }),
      rs('clean', '4', 0, { observedGeneration: 1 }),
      rs('kept-by-limit', '5', 0, { observedGeneration: 1 }),
    ];
    env.fake.seed(REFS.replicasets, ...old);
    const s = new SyncState(env.ctx, deployment('web', { spec: { revisionHistoryLimit: 1 } }), old, new Map(), async () => undefined);
    await cleanupDeployment(s, old);
    expect(env.fake.actions.map((a) => `${a.verb} ${a.name}`)).toEqual(['delete clean']);
  });
});

describe('deployment controller: pause', () => {
  it('does not roll out while paused, still scales, and notes pause and resume', async () => {
    const c = await cluster([deployment('web', { replicas: 2 })]);
    await c.step();
    await c.ready();
    await editSpec(c, (d) => { d.spec.paused = true; });
    await c.step();
    expect(cond(c.d(), 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    await editSpec(c, image('nginx:2.0'));
    await c.step();
    expect(c.rs()).toHaveLength(1);
    await editSpec(c, (d) => { d.spec.replicas = 4; });
    await c.step();
    expect(c.sizes()).toEqual([4]);
    expect(c.fake.all(REFS.pods)).toHaveLength(4);
    c.env.clock.advance(1000);
    await editSpec(c, (d) => { d.spec.paused = false; });
    await c.step();
    expect(c.rs()).toHaveLength(2);
    expect(c.sizes()).toEqual([3, 1]);
    const p = cond(c.d(), 'Progressing');
    expect(p?.reason).toBe('NewReplicaSetCreated');
    expect(await c.events()).toContain(`ScalingReplicaSet Scaled up replica set ${c.rs()[0]?.metadata.name} from 2 to 4`);
  });
});
