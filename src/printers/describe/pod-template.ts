// DescribePodTemplate: the `Pod Template:` block of workload describers.
import { rec, str, strMap, type Fields } from '../columns/fields.js';
import { describeContainers } from './containers.js';
import { printAnnotations, printLabels, printTolerations } from './meta.js';
import { describeTopologySpread } from './topology.js';
import { describeVolumes } from './volumes.js';
import { LEVEL_0, LEVEL_1, type Writer } from './writer.js';

export function describePodTemplate(template: unknown, w: Writer, zone: string): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (template === undefined || template === null) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = rec(rec(template).metadata);
  const spec: Fields = rec(rec(template).spec);
  printLabels(w, '  Labels', meta.labels);
  if (Object.keys(strMap(meta.annotations)).length > 0) printAnnotations(w, '  Annotations', meta.annotations);
  if (str(spec.serviceAccountName) !== '') w.write(LEVEL_1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  const ctx = { zone };
  if (Array.isArray(spec.initContainers) && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, undefined, ctx, w, '  ');
  describeContainers('Containers', spec.containers, undefined, ctx, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpread(spec.topologySpreadConstraints, w, '  ');
  if (str(spec.priorityClassName) !== '') w.write(LEVEL_1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  printLabels(w, '  Node-Selectors', spec.nodeSelector);
  printTolerations(w, '  Tolerations', spec.tolerations);
}
