// StatefulSetDescriber: replicas, update strategy, pod phases, the pod template, the volume
// claim templates and events.
import { at, num, rec, recs, str, strs } from '../columns/fields.js';
import { selectorString } from '../columns/labels.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { intOrString } from './gofmt.js';
import { printAnnotations, printLabels, printLabelsIndent } from './meta.js';
import { podStatusFor, podsStatusText } from './pod-status.js';
import { describePodTemplate } from './pod-template.js';
import { claimClass } from './pvc-lines.js';
import { Quantity } from './quantity.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, type Writer, tabbed } from './writer.js';

function claimTemplates(templates: unknown, w: Writer): void {
  const list = recs(templates);
  if (list.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of list) {
    const meta = rec(pvc.metadata);
    const spec = rec(pvc.spec);
    w.write(LEVEL_1, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_1, `StorageClass:\t${claimClass(meta, spec)}\n`);
    printLabelsIndent(w, '  ', 'Labels', '\t', meta.labels);
    printLabelsIndent(w, '  ', 'Annotations', '\t', meta.annotations);
    const storage = at(spec, 'resources', 'requests', 'storage');
    w.write(LEVEL_1, `Capacity:\t${storage === undefined ? '<default>' : Quantity.parse(storage).toString()}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${strs(spec.accessModes).join(' ')}]\n`);
  }
}

export async function describeStatefulSet(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const ss = await getObject(env, apiPath('apps/v1', 'statefulsets', namespace, name));
  const spec = rec(ss.spec);
  const selector = selectorString(spec.selector);
  if (selector === null) throw new Error('invalid label selector');
  const counts = await podStatusFor(env, namespace, selector, ss.metadata.uid ?? '');
  const events = await eventsFor(env, refOf(ss, 'StatefulSet'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp, env.zone)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabels(w, 'Labels', ss.metadata.labels);
    printAnnotations(w, 'Annotations', ss.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(rec(ss.status).replicas)} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${str(at(spec, 'updateStrategy', 'type'))}\n`);
    const ru = at(spec, 'updateStrategy', 'rollingUpdate');
    if (ru !== undefined && ru !== null && typeof at(ru, 'partition') === 'number') {
      w.write(LEVEL_1, `Partition:\t${num(at(ru, 'partition'))}\n`);
      const mu = at(ru, 'maxUnavailable');
      if (mu !== undefined && mu !== null) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(mu)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(counts)}\n`);
    describePodTemplate(spec.template, w, env.zone);
    claimTemplates(spec.volumeClaimTemplates, w);
    maybeEvents(events, w, env.now);
  });
}
