// Builders for Job controller tests (and the cronjob and ttl-after-finished ones).
import type { FakeClient } from '../framework/fake-client.js';
import { fakeEnv } from '../framework/testing.js';
import { JobController } from './controller.js';
import { REFS } from '../../client/refs.js';
import type { Job, JobSpec, Pod } from './types.js';

/** A Job as the apiserver stores it after defaulting and selector generation. */
export function newJob(name: string, spec: Partial<JobSpec> = {}, ns = 'default'): Job {
  const uid = `job-uid-${name}`;
  const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name, namespace: ns, uid, generation: 1, labels: { ...labels } },
    spec: {
      parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } },
      ...spec,
    },
  };
}

/** Sets a pod's phase (and, for terminal phases, a container exit at `at`). */
export async function setPhase(fake: FakeClient, pod: Pod, phase: string, at?: string, exitCode = phase === 'Failed' ? 1 : 0): Promise<void> {
  const status: Record<string, unknown> = { phase };
  if (at) status.containerStatuses = [{ name: 'c', restartCount: 0, state: { terminated: { exitCode, finishedAt: at } } }];
  if (phase === 'Running') status.conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: at }];
  await fake.patch(REFS.pods, pod.metadata.namespace ?? '', pod.metadata.name ?? '', 'application/merge-patch+json', { status });
}

export const podsOfJob = (fake: FakeClient, job: string, ns = 'default'): Pod[] =>
  fake.all<Pod>(REFS.pods, ns).filter((p) => p.metadata.ownerReferences?.some((r) => r.kind === 'Job' && r.name === job));

/** A fake cluster with Job "pi" (spec merged) and its controller, informers started. */
export async function jobSetup(spec: Partial<JobSpec> = {}) {
  const env = fakeEnv();
  env.fake.seed(REFS.jobs, newJob('pi', spec));
  const c = new JobController(env.ctx);
  await env.ctx.informers.start();
  const job = () => env.fake.peek<Job>(REFS.jobs, 'default', 'pi')!;
  const events = async () => {
    await env.ctx.recorder.flush();
    return env.fake.all(REFS.events, 'default').map((e) => `${e.type} ${e.reason} ${e.message}`);
  };
  const live = () => podsOfJob(env.fake, 'pi').filter((p) => !p.status?.phase || p.status.phase === 'Running');
  return { ...env, c, job, events, live, pods: () => podsOfJob(env.fake, 'pi') };
}
