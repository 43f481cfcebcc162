// PodDisruptionBudgetDescriber and PriorityClassDescriber.
import { num, rec, str } from '../columns/fields.js';
import { formatLabels, formatLabelSelector } from '../columns/labels.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { intOrString } from './gofmt.js';
import { LEVEL_0, LEVEL_2, tabbed } from './writer.js';

const has = (v: unknown): boolean => v !== undefined && v !== null;

export async function describePodDisruptionBudget(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const pdb = await getObject(env, apiPath('policy/v1', 'poddisruptionbudgets', namespace, name));
  const events = await eventsFor(env, refOf(pdb, 'PodDisruptionBudget'));
  const spec = rec(pdb.spec);
  const status = rec(pdb.status);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
    if (has(spec.minAvailable)) w.write(LEVEL_0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (has(spec.maxUnavailable)) w.write(LEVEL_0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, has(spec.selector) ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${num(status.disruptionsAllowed)}\n`);
    w.write(LEVEL_2, `Current:\t${num(status.currentHealthy)}\n`);
    w.write(LEVEL_2, `Desired:\t${num(status.desiredHealthy)}\n`);
    w.write(LEVEL_2, `Total:\t${num(status.expectedPods)}\n`);
    maybeEvents(events, w, env.now);
  });
}

export async function describePriorityClass(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const pc = await getObject(env, apiPath('scheduling.k8s.io/v1', 'priorityclasses', undefined, name));
  const events = await eventsFor(env, refOf(pc, 'PriorityClass'));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${num(pc.value)}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${str(pc.preemptionPolicy)}\n`);
    w.write(LEVEL_0, `Description:\t${str(pc.description)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    maybeEvents(events, w, env.now);
  });
}
