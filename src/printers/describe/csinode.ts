// CSINodeDescriber.
import { num, rec, recs, str, strs } from '../columns/fields.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { printAnnotations, printLabels } from './meta.js';
import { rfc1123z } from './time.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, tabbed } from './writer.js';

export async function describeCSINode(env: DescribeEnv, _namespace: string, name: string): Promise<string> {
  const csi = await getObject(env, apiPath('storage.k8s.io/v1', 'csinodes', undefined, name));
  const events = await eventsFor(env, refOf(csi, 'CSINode'));
  const spec = rec(csi.spec);
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${csi.metadata.name ?? ''}\n`);
    printLabels(w, 'Labels', csi.metadata.labels);
    printAnnotations(w, 'Annotations', csi.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(csi.metadata.creationTimestamp, env.zone)}\n`);
    w.write(LEVEL_0, 'Spec:\n');
    if (Array.isArray(spec.drivers)) {
      w.write(LEVEL_1, 'Drivers:\n');
      for (const d of recs(spec.drivers)) {
        w.write(LEVEL_2, `${str(d.name)}:\n`);
        w.write(LEVEL_3, `Node ID:\t${str(d.nodeID)}\n`);
        const count = rec(d.allocatable).count;
        if (typeof count === 'number') {
          w.write(LEVEL_3, 'Allocatables:\n');
          w.write(LEVEL_4, `Count:\t${num(count)}\n`);
        }
        if (Array.isArray(d.topologyKeys)) w.write(LEVEL_3, `Topology Keys:\t[${strs(d.topologyKeys).join(' ')}]\n`);
      }
    }
    maybeEvents(events, w, env.now);
  });
}
