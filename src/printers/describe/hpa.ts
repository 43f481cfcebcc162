// HorizontalPodAutoscalerDescriber (autoscaling/v2): metrics as current / target, replica
// bounds, scaling behavior, conditions, events.
import { at, num, rec, recs, str, type Fields } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { Quantity } from './quantity.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbed, type Writer } from './writer.js';

const q = (v: unknown): string => (v === undefined || v === null ? '<nil>' : Quantity.parse(v).toString());
const has = (v: unknown): boolean => v !== undefined && v !== null;

function resourceMetric(w: Writer, target: Fields, current: Fields | undefined, head: string): void {
  w.write(LEVEL_1, head);
  if (has(target.averageValue)) {
    w.write(LEVEL_0, `:\t${current ? q(at(current, 'current', 'averageValue')) : '<unknown>'} / ${q(target.averageValue)}\n`);
    return;
  }
  const cur = current && has(at(current, 'current', 'averageUtilization'))
    ? `${num(at(current, 'current', 'averageUtilization'))}% (${q(at(current, 'current', 'averageValue'))})` : '<unknown>';
  const tgt = has(target.averageUtilization) ? `${num(target.averageUtilization)}%` : '<auto>';
  w.write(LEVEL_1, `(as a percentage of request):\t${cur} / ${tgt}\n`);
}

function metricLine(w: Writer, m: Fields, current: Fields | undefined): void {
  const type = str(m.type);
  if (type === 'External') {
    const ext = rec(m.external);
    const target = rec(ext.target);
    const cur = current?.external ? rec(rec(current.external).current) : undefined;
    const nameQ = JSON.stringify(str(at(ext, 'metric', 'name')));
    if (has(target.averageValue)) w.write(LEVEL_1, `${nameQ} (target average value):\t${cur && has(cur.averageValue) ? q(cur.averageValue) : '<unknown>'} / ${q(target.averageValue)}\n`);
    else w.write(LEVEL_1, `${nameQ} (target value):\t${cur ? q(cur.value) : '<unknown>'} / ${q(target.value)}\n`);
  } else if (type === 'Pods') {
    const pods = rec(m.pods);
    const cur = current?.pods ? q(at(current.pods, 'current', 'averageValue')) : '<unknown>';
    w.write(LEVEL_1, `${JSON.stringify(str(at(pods, 'metric', 'name')))} on pods:\t${cur} / ${q(at(pods, 'target', 'averageValue'))}\n`);
  } else if (type === 'Object') {
    const obj = rec(m.object);
    const target = rec(obj.target);
    w.write(LEVEL_1, `"${str(at(obj, 'metric', 'name'))}" on ${str(at(obj, 'describedObject', 'kind'))}/${str(at(obj, 'describedObject', 'name'))} `);
    const cur = current?.object ? rec(rec(current.object).current) : undefined;
    if (str(target.type) === 'AverageValue') w.write(LEVEL_0, `(target average value):\t${cur ? q(cur.averageValue) : '<unknown>'} / ${q(target.averageValue)}\n`);
    else w.write(LEVEL_0, `(target value):\t${cur ? q(cur.value) : '<unknown>'} / ${q(target.value)}\n`);
  } else if (type === 'Resource') {
    const r = rec(m.resource);
    resourceMetric(w, rec(r.target), current?.resource ? rec(current.resource) : undefined, `resource ${str(r.name)} on pods`);
  } else if (type === 'ContainerResource') {
    const r = rec(m.containerResource);
    resourceMetric(w, rec(r.target), current?.containerResource ? rec(current.containerResource) : undefined, `resource ${str(r.name)} of container "${str(r.container)}" on pods`);
  } else {
    w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(type)}>\n`);
  }
}

function behavior(w: Writer, direction: string, rules: unknown): void {
  if (!has(rules)) return;
  const r = rec(rules);
  w.write(LEVEL_1, `${direction}:\n`);
  if (has(r.stabilizationWindowSeconds)) w.write(LEVEL_2, `Stabilization Window: ${num(r.stabilizationWindowSeconds)} seconds\n`);
  const policies = recs(r.policies);
  if (policies.length === 0) return;
  w.write(LEVEL_2, `Select Policy: ${typeof r.selectPolicy === 'string' ? r.selectPolicy : 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of policies) w.write(LEVEL_3, `- Type: ${str(p.type)}\tValue: ${num(p.value)}\tPeriod: ${num(p.periodSeconds)} seconds\n`);
}

export async function describeHorizontalPodAutoscaler(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const hpa = await getObject(env, apiPath('autoscaling/v2', 'horizontalpodautoscalers', namespace, name));
  const events = await eventsFor(env, refOf(hpa, 'HorizontalPodAutoscaler'));
  const spec = rec(hpa.spec);
  const status = rec(hpa.status);
  const ref = rec(spec.scaleTargetRef);
  const currents = recs(status.currentMetrics);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', hpa.metadata.labels);
    printAnnotations(w, 'Annotations', hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp, env.zone)}\n`);
    w.write(LEVEL_0, `Reference:\t${str(ref.kind)}/${str(ref.name)}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    recs(spec.metrics).forEach((m, i) => metricLine(w, m, currents[i]));
    w.write(LEVEL_0, `Min replicas:\t${has(spec.minReplicas) ? num(spec.minReplicas) : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${num(spec.maxReplicas)}\n`);
    if (has(spec.behavior)) {
      w.write(LEVEL_0, 'Behavior:\n');
      behavior(w, 'Scale Up', at(spec.behavior, 'scaleUp'));
      behavior(w, 'Scale Down', at(spec.behavior, 'scaleDown'));
    }
    w.write(LEVEL_0, `${str(ref.kind)} pods:\t`);
    w.write(LEVEL_0, `${num(status.currentReplicas)} current / ${num(status.desiredReplicas)} desired\n`);
    const conditions = recs(status.conditions);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${str(c.reason)}\t${str(c.message)}\n`);
    }
    maybeEvents(events, w, env.now);
  });
}
