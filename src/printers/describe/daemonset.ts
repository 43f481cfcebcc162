// DaemonSetDescriber: node counts, pod phases, the pod template and events.
import { at, num, rec } from '../columns/fields.js';
import { formatLabels, selectorString } from '../columns/labels.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { podStatusFor, podsStatusText } from './pod-status.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, tabbed } from './writer.js';

export async function describeDaemonSet(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const ds = await getObject(env, apiPath('apps/v1', 'daemonsets', namespace, name));
  const spec = rec(ds.spec);
  const selector = selectorString(spec.selector);
  if (selector === null) throw new Error('invalid label selector');
  const counts = await podStatusFor(env, namespace, selector, ds.metadata.uid ?? '');
  const events = await eventsFor(env, refOf(ds, 'DaemonSet'));
  const status = rec(ds.status);
  const nodeSelector = formatLabels(at(spec, 'template', 'spec', 'nodeSelector'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${ds.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${nodeSelector}\n`);
    printLabels(w, 'Labels', ds.metadata.labels);
    printAnnotations(w, 'Annotations', ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${num(status.desiredNumberScheduled)}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${num(status.currentNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status.updatedNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${num(status.numberAvailable)}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${num(status.numberMisscheduled)}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusText(counts)}\n`);
    describePodTemplate(spec.template, w, env.zone);
    maybeEvents(events, w, env.now);
  });
}
