// The disruption controller (pkg/controller/disruption, v1.32): keeps each PodDisruptionBudget's
// status — expected pods, current and desired healthy, disruptions allowed, the pods the eviction
// subresource recorded as disrupted (dropped once deleted or after two minutes), the
// DisruptionAllowed condition — and resets stale DisruptionTarget pod conditions.
import type { Obj } from '../../client/types.js';
import { isConflict, keyOf } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import type { WorkQueue } from '../framework/queue.js';
import { selectorMatches } from '../framework/pods.js';
import type { PdbSpec, Workloads } from './expected-pods.js';
import { expectedPodCount } from './expected-pods.js';
import { countHealthy, disruptedPodMap, failSafeStatus, nextStatus } from './pdb-status.js';
import { labelSelectorString } from './selector-string.js';
import { staleDisruptionWait, withConditionCleared } from './stale-condition.js';

/** Keys of pods whose DisruptionTarget condition may go stale share the queue under this prefix. */
const STALE_POD = 'stale-pod:';

const specOf = (pdb: Obj): PdbSpec => (pdb.spec ?? {}) as PdbSpec;

export class DisruptionController implements Reconciler {
  readonly name = 'disruption';
  readonly queue: WorkQueue;
  private readonly pdbs: Informer;
  private readonly pods: Informer;
  private readonly workloads: Workloads;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.pdbs = ctx.informers.for(REFS.pdbs);
    this.pods = ctx.informers.for(REFS.pods);
    const [rcs, rss, deps, sts] = [REFS.replicationcontrollers, REFS.replicasets, REFS.deployments, REFS.statefulsets].map((r) => ctx.informers.for(r)) as [Informer, Informer, Informer, Informer];
    this.workloads = {
      rc: (ns, n) => rcs.getBy(ns, n), rs: (ns, n) => rss.getBy(ns, n), deployment: (ns, n) => deps.getBy(ns, n), statefulset: (ns, n) => sts.getBy(ns, n),
      client: ctx.client,
    };
    const enqueue = (o: Obj) => this.queue.add(keyOf(o));
    this.pdbs.on({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue });
    this.pods.on({ add: (p) => this.podChanged(p, true), update: (_o, n) => this.podChanged(n, true), delete: (p) => this.podChanged(p, false) });
  }

  /**
   * getPdbForPod: upstream syncs only the first budget of a pod matched by several (with a
   * MultiplePodDisruptionBudgets event); every one of them is synced here.
   */
  private podChanged(pod: Obj, checkStale: boolean): void {
    const ns = pod.metadata.namespace ?? '';
    const pdbs = Object.keys(pod.metadata.labels ?? {}).length
      ? this.pdbs.list(ns).filter((p) => selectorMatches(specOf(p).selector, pod.metadata.labels)).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
      : [];
    if (pdbs.length > 1) {
      this.ctx.recorder.event(pod, 'Warning', 'MultiplePodDisruptionBudgets', `Pod "${ns}"/"${pod.metadata.name}" matches multiple PodDisruptionBudgets.  Chose "${pdbs[0]!.metadata.name}" arbitrarily.`);
    }
    for (const p of pdbs) this.queue.add(keyOf(p));
    const wait = checkStale ? staleDisruptionWait(pod, this.ctx.now()) : undefined;
    if (wait !== undefined) this.queue.addAfter(STALE_POD + keyOf(pod), wait);
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    if (key.startsWith(STALE_POD)) return this.syncStalePod(key.slice(STALE_POD.length));
    const pdb = this.pdbs.get(key);
    if (!pdb) return;
    try {
      return await this.trySync(pdb);
    } catch (e) {
      if (isConflict(e)) throw e;
      this.ctx.log(`disruption: failed to sync PDB ${key}: ${(e as Error).message}`);
      await this.ctx.client.update(REFS.pdbs, { ...pdb, status: failSafeStatus(pdb, (e as Error).message, this.ctx.now()) }, { subresource: 'status' });
      return;
    }
  }

  private async trySync(pdb: Obj): Promise<ReconcileResult> {
    const ns = pdb.metadata.namespace ?? '';
    const spec = specOf(pdb);
    const pods = this.pods.list(ns).filter((p) => selectorMatches(spec.selector, p.metadata.labels));
    if (!pods.length) this.ctx.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    const exp = await expectedPodCount(spec, pods, this.workloads).catch((e: Error) => {
      this.ctx.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${e.message}`);
      throw e;
    });
    if (exp.unmanaged.length) {
      this.ctx.recorder.event(pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorString(spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`);
    }
    const now = this.ctx.now();
    const disrupted = disruptedPodMap(pods, pdb, now);
    for (const pod of disrupted.overdue) {
      this.ctx.recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`);
    }
    const currentHealthy = countHealthy(pods, disrupted.kept, now);
    const status = nextStatus(pdb, { currentHealthy, desiredHealthy: exp.desiredHealthy, expected: exp.expected }, disrupted.kept, now);
    if (status) await this.ctx.client.update(REFS.pdbs, { ...pdb, status }, { subresource: 'status' });
    return disrupted.recheckAt !== undefined ? { requeueAfter: disrupted.recheckAt - now } : undefined;
  }

  private async syncStalePod(podKey: string): Promise<ReconcileResult> {
    const pod = this.pods.get(podKey);
    if (!pod) return;
    const wait = staleDisruptionWait(pod, this.ctx.now());
    if (wait === undefined) return;
    if (wait > 0) return { requeueAfter: wait };
    await this.ctx.client.update(REFS.pods, withConditionCleared(pod, this.ctx.now()), { subresource: 'status' });
    this.ctx.log(`disruption: reset stale DisruptionTarget condition to False for pod ${podKey}`);
    return;
  }
}

/** kube-controller-manager's `disruption` controller (one worker; events from "controllermanager"). */
export const disruptionController: ControllerDef = {
  name: 'disruption',
  serviceAccount: 'disruption-controller',
  component: 'controllermanager',
  workers: 1,
  create: (ctx) => new DisruptionController(ctx),
};
