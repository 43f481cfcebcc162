// pods/eviction: a delete that respects PodDisruptionBudgets, as upstream's eviction REST does.
// Pods that are pending, finished or already terminating are deleted without a budget check; a
// pod covered by a budget with no disruptions left gets 429 TooManyRequests; a granted eviction
// is recorded in the budget's status (disruptionsAllowed - 1, disruptedPods).
import type { KObject } from '../types.js';
import type { Call } from './server-context.js';
import { writeJson } from './respond.js';
import { parseBody, readBody } from './body.js';
import { StatusError, successStatus } from '../errors.js';
import { podDisruptionBudget } from '../resources/poddisruptionbudget.js';
import { fromLabelSelector, matchesLabels } from '../selectors/labels.js';
import { rfc3339 } from '../registry/context.js';

const TOO_MANY = "Cannot evict pod as it would violate the pod's disruption budget.";

function tooManyRequests(cause: string): StatusError {
  return new StatusError({
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: TOO_MANY, reason: 'TooManyRequests',
    details: { causes: [{ reason: 'DisruptionBudget', message: cause }] }, code: 429,
  });
}

function ignoresBudgets(pod: KObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return !!pod.metadata.deletionTimestamp || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed';
}

async function chargeBudget(c: Call, pod: KObject): Promise<void> {
  const pdbs = (await c.s.storage.list(podDisruptionBudget, pod.metadata.namespace)).items
    .filter((p) => matchesLabels(fromLabelSelector((p.spec as { selector?: never }).selector), pod.metadata.labels));
  if (!pdbs.length) return;
  if (pdbs.length > 1) {
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.', reason: 'InternalError', code: 500 });
  }
  const pdb = pdbs[0]!;
  const status = (pdb.status ?? {}) as { observedGeneration?: number; disruptionsAllowed?: number; desiredHealthy?: number; currentHealthy?: number; disruptedPods?: Record<string, string> };
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  if ((status.disruptionsAllowed ?? 0) <= 0) {
    throw tooManyRequests(`The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`);
  }
  if (c.rc.dryRun) return;
  const disrupted = { ...status.disruptedPods, [pod.metadata.name!]: rfc3339(c.s.gen.now()) };
  const next = { ...pdb, status: { ...status, disruptionsAllowed: (status.disruptionsAllowed ?? 0) - 1, disruptedPods: disrupted } };
  await c.s.storage.update(podDisruptionBudget, next, Number(pdb.metadata.resourceVersion));
}

export async function evict(c: Call): Promise<void> {
  const raw = await readBody(c.req);
  const body = raw.length ? (parseBody(raw, c.req.headers['content-type'], { apiVersion: 'policy/v1', kind: 'Eviction' }) as { deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] } }) : {};
  // kubectl drain --dry-run=server asks through the Eviction's deleteOptions, not the query.
  if ((body.deleteOptions?.dryRun ?? []).length > 0) c.rc.dryRun = true;
  const ns = c.info.namespace;
  const pod = await c.s.registry.get(c.d, ns, c.info.name);
  if (!ignoresBudgets(pod)) await chargeBudget(c, pod);
  const grace = body.deleteOptions?.gracePeriodSeconds;
  await c.s.registry.delete(c.d, ns, c.info.name, grace === undefined ? {} : { gracePeriodSeconds: grace }, c.rc);
  writeJson(c.res, 201, successStatus());
}
