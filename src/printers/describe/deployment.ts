// DeploymentDescriber: replicas, strategy, the pod template, conditions, and the old and new
// ReplicaSets (those it controls, the new one being the oldest whose template matches).
import type { Obj } from '../../client/types.js';
import { at, num, rec, recs, str } from '../columns/fields.js';
import { selectorString } from '../columns/labels.js';
import { parseTime } from '../columns/timestamps.js';
import { apiPath, getObject, listAll, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { intOrString } from './gofmt.js';
import { goSort } from './gosort.js';
import { controllerOf, printAnnotations, printLabels } from './meta.js';
import { describePodTemplate } from './pod-template.js';
import { semanticEqual } from './semantic.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, tabbed } from './writer.js';

const HASH = 'pod-template-hash';

function withoutHash(template: unknown): unknown {
  const t = rec(template);
  const labels = { ...rec(at(t, 'metadata', 'labels')) };
  delete labels[HASH];
  return { ...t, metadata: { ...rec(t.metadata), labels } };
}

interface Sets {
  old: Obj[];
  new: Obj[];
}

/** deploymentutil.GetAllReplicaSetsInChunks: all old ReplicaSets and the new one. */
async function replicaSets(env: DescribeEnv, d: Obj, selector: string): Promise<Sets | undefined> {
  const listed = await listAll(env, apiPath('apps/v1', 'replicasets', d.metadata.namespace), { labelSelector: selector }, 'replicasets');
  if (listed.error !== undefined) return undefined;
  const owned = listed.items.filter((rs) => str(controllerOf(rs)?.uid) === d.metadata.uid);
  const created = (o: Obj): number => parseTime(o.metadata.creationTimestamp) ?? -Infinity;
  goSort(owned, (a, b) => (created(a) === created(b) ? (a.metadata.name ?? '') < (b.metadata.name ?? '') : created(a) < created(b)));
  const template = withoutHash(rec(d.spec).template);
  const newRS = owned.find((rs) => semanticEqual(withoutHash(rec(rs.spec).template), template));
  return { old: owned.filter((rs) => rs !== newRS), new: newRS ? [newRS] : [] };
}

function rsList(list: Obj[]): string {
  const text = list.map((rs) => `${rs.metadata.name ?? ''} (${num(rec(rs.status).replicas)}/${num(rec(rs.spec).replicas)} replicas created)`).join(', ');
  return text === '' ? '<none>' : text;
}

export async function describeDeployment(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const d = await getObject(env, apiPath('apps/v1', 'deployments', namespace, name));
  const events = await eventsFor(env, refOf(d, 'Deployment'));
  const spec = rec(d.spec);
  const selector = selectorString(spec.selector);
  if (selector === null) throw new Error('invalid label selector');
  const sets = await replicaSets(env, d, selector);
  const status = rec(d.status);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp, env.zone)}\n`);
    printLabels(w, 'Labels', d.metadata.labels);
    printAnnotations(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(status.updatedReplicas)} updated | ${num(status.replicas)} total | ${num(status.availableReplicas)} available | ${num(status.unavailableReplicas)} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${str(at(spec, 'strategy', 'type'))}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`);
    const ru = at(spec, 'strategy', 'rollingUpdate');
    if (ru !== undefined && ru !== null) {
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrStringPtr(at(ru, 'maxUnavailable'))} max unavailable, ${intOrStringPtr(at(ru, 'maxSurge'))} max surge\n`);
    }
    describePodTemplate(spec.template, w, env.zone);
    const conditions = recs(status.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
    }
    if (sets && (sets.old.length > 0 || sets.new.length > 0)) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(sets.old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(sets.new)}\n`);
    }
    maybeEvents(events, w, env.now);
  });
}

/** (*IntOrString).String() of a pointer field: `<nil>` when absent. */
function intOrStringPtr(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : intOrString(v);
}
