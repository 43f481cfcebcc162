// volumeattachments (storage.k8s.io/v1): printVolumeAttachment — NAME ATTACHER PV NODE ATTACHED AGE.
import { ageColumn, column, nameColumn } from './define.js';
import { at, optBool, rec, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

export const volumeAttachmentColumns: ColumnSet = {
  columns: [
    nameColumn(),
    // Upstream marks this column with the "name" format too.
    column('Attacher', 'attacher indicates the name of the volume driver that MUST handle this request. This is the name returned by GetPluginName().', { format: 'name' }),
    column('PV', 'persistentVolumeName represents the name of the persistent volume to attach.'),
    column('Node', 'nodeName represents the node that the volume should be attached to.'),
    column('Attached', 'attached indicates the volume is successfully attached. This field must only be set by the entity completing the attach operation, i.e. the external-attacher.', { type: 'boolean' }),
    ageColumn(),
  ],
  cells(va, { now }) {
    const spec = rec(va.spec);
    return [
      va.metadata.name ?? '',
      str(spec.attacher),
      str(at(spec.source, 'persistentVolumeName')),
      str(spec.nodeName),
      optBool(at(va.status, 'attached')) ?? false,
      age(va, now),
    ];
  },
};
