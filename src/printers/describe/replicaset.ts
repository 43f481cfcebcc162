// ReplicaSetDescriber and ReplicationControllerDescriber: selector, replicas, pod phases, the
// pod template, conditions and events.
import type { Obj } from '../../client/types.js';
import { num, rec, recs, str } from '../columns/fields.js';
import { formatLabels, formatLabelSelector, selectorString } from '../columns/labels.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { errorText } from './errors.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { controlledBy, printAnnotations, printLabels } from './meta.js';
import { podStatusFor, podsStatusText, type PodCounts } from './pod-status.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbed, type Writer } from './writer.js';

function conditions(obj: Obj, w: Writer): void {
  const list = recs(rec(obj.status).conditions);
  if (list.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of list) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

export async function describeReplicaSet(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const rs = await getObject(env, apiPath('apps/v1', 'replicasets', namespace, name));
  const spec = rec(rs.spec);
  const selector = selectorString(spec.selector);
  if (selector === null) throw new Error('invalid label selector');
  let counts: PodCounts | undefined;
  let podErr: unknown;
  try {
    counts = await podStatusFor(env, namespace, selector, rs.metadata.uid ?? '');
  } catch (err) {
    podErr = err;
  }
  const events = await eventsFor(env, refOf(rs, 'ReplicaSet'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabels(w, 'Labels', rs.metadata.labels);
    printAnnotations(w, 'Annotations', rs.metadata.annotations);
    const owner = controlledBy(rs);
    if (owner !== '') w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    w.write(LEVEL_0, `Replicas:\t${num(rec(rs.status).replicas)} current / ${num(spec.replicas)} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, counts ? `${podsStatusText(counts)}\n` : `error in fetching pods: ${errorText(podErr)}\n`);
    describePodTemplate(spec.template, w, env.zone);
    conditions(rs, w);
    maybeEvents(events, w, env.now);
  });
}

export async function describeReplicationController(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const rc = await getObject(env, apiPath('v1', 'replicationcontrollers', namespace, name));
  const spec = rec(rc.spec);
  const selector = formatLabels(spec.selector);
  const counts = await podStatusFor(env, namespace, selector === '<none>' ? '' : selector, rc.metadata.uid ?? '');
  const events = await eventsFor(env, refOf(rc, 'ReplicationController'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabels(w, 'Labels', rc.metadata.labels);
    printAnnotations(w, 'Annotations', rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${num(rec(rc.status).replicas)} current / ${num(spec.replicas)} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(counts)}\n`);
    describePodTemplate(spec.template, w, env.zone);
    conditions(rc, w);
    maybeEvents(events, w, env.now);
  });
}
