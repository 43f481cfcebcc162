import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { jobSetup, setPhase } from './testing.js';
import { TRACKING_FINALIZER } from './job-pods.js';
import type { Job } from './types.js';

const setup = jobSetup;

describe('job controller: running pods', () => {
  it('creates parallelism pods with the tracking finalizer and records status', async () => {
    const { c, pods, job, events } = await setup({ parallelism: 2, completions: 5 });
    await c.reconcile('default/pi');
    const made = pods();
    expect(made).toHaveLength(2);
    for (const p of made) {
      expect(p.metadata.name).toMatch(/^pi-/);
      expect(p.metadata.finalizers).toEqual([TRACKING_FINALIZER]);
      expect(p.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'controller-uid': 'job-uid-pi' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid-pi', controller: true, blockOwnerDeletion: true }]);
    }
    expect(job().status).toEqual({ startTime: '2026-01-01T00:00:00Z', active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(await events()).toEqual(made.map((p) => `Normal SuccessfulCreate Created pod: ${p.metadata.name}`));
    await c.reconcile('default/pi');
    expect(pods()).toHaveLength(2);
  });

  it('counts a success through uncountedTerminatedPods, then completes', async () => {
    const { c, fake, pods, job, events, clock } = await setup();
    await c.reconcile('default/pi');
    const [p] = pods();
    clock.advance(5000);
    await setPhase(fake, p!, 'Succeeded', '2026-01-01T00:00:05Z');
    fake.actions.length = 0;
    await c.reconcile('default/pi');
    const statusWrites = fake.actions.filter((a) => a.resource === 'jobs').map((a) => (a.object as Job).status);
    expect(statusWrites[0]?.uncountedTerminatedPods).toEqual({ succeeded: [p!.metadata.uid] });
    expect(statusWrites[0]?.succeeded).toBeUndefined();
    expect(pods()[0]?.metadata.finalizers).toEqual([]);
    const st = job().status!;
    expect(st).toMatchObject({ succeeded: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {}, completionTime: '2026-01-01T00:00:05Z' });
    expect(st.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect((await events()).slice(-1)).toEqual(['Normal Completed Job completed']);
    fake.actions.length = 0;
    await c.reconcile('default/pi');
    expect(fake.actions).toEqual([]);
  });

  it('runs Indexed Jobs one pod per index with the index annotation, label, hostname and env', async () => {
    const { c, fake, pods, job } = await setup({ completionMode: 'Indexed', completions: 3, parallelism: 2 });
    await c.reconcile('default/pi');
    const made = pods().sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    expect(made.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1']);
    expect(made.map((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1']);
    expect(made.map((p) => p.metadata.name?.slice(0, 5))).toEqual(['pi-0-', 'pi-1-']);
    expect(made[0]?.spec).toMatchObject({ hostname: 'pi-0', containers: [{ env: [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }] }] });
    await setPhase(fake, made[0]!, 'Succeeded', '2026-01-01T00:00:00Z');
    await c.reconcile('default/pi');
    expect(job().status).toMatchObject({ completedIndexes: '0', succeeded: 1, active: 2 });
    const indexes = pods().filter((p) => p.status?.phase !== 'Succeeded').map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).sort();
    expect(indexes).toEqual(['1', '2']);
  });

  it('deletes all pods of a suspended Job and sets Suspended, then resumes', async () => {
    const { c, fake, pods, job, events, clock } = await setup({ parallelism: 2, completions: 2 });
    await c.reconcile('default/pi');
    const first = pods().map((p) => `Normal SuccessfulDelete Deleted pod: ${p.metadata.name}`);
    await fake.patch(REFS.jobs, 'default', 'pi', 'application/merge-patch+json', { spec: { suspend: true } });
    await c.reconcile('default/pi');
    expect(pods()).toHaveLength(0);
    expect(await events()).toEqual(expect.arrayContaining(first));
    expect(job().status).toMatchObject({ terminating: 2, conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }] });
    expect(job().status?.active).toBeUndefined();
    clock.advance(60_000);
    await fake.patch(REFS.jobs, 'default', 'pi', 'application/merge-patch+json', { spec: { suspend: false } });
    await c.reconcile('default/pi');
    expect(pods()).toHaveLength(2);
    expect(job().status).toMatchObject({ startTime: '2026-01-01T00:01:00Z', conditions: [{ type: 'Suspended', status: 'False', reason: 'JobResumed' }] });
    expect(await events()).toEqual(expect.arrayContaining(['Normal Suspended Job suspended', 'Normal Resumed Job resumed']));
  });

  it('releases the finalizer of pods whose Job is gone', async () => {
    const { c, fake, pods } = await setup();
    await c.reconcile('default/pi');
    const [p] = pods();
    await fake.delete(REFS.jobs, 'default', 'pi');
    expect(c.queue.length).toBeGreaterThan(0);
    await c.reconcile(`pod:default/${p!.metadata.name}`);
    expect(pods()[0]?.metadata.finalizers).toEqual([]);
  });
});
