import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../client/refs.js';
import { MIGRATED_PLUGINS, MIGRATED_PLUGINS_ANNOTATION } from './csinode.js';
import { boot, shutdown } from './test-cluster.js';

afterEach(shutdown);

describe("the kubelet's CSINode", () => {
  it('registers one for its node at start: owned by the Node, no drivers, the migrated in-tree plugins', async () => {
    const t = await boot();
    const node = t.fake.peek(REFS.nodes, '', 'node01')!;
    const csi = t.fake.peek(REFS.csinodes, '', 'node01')!;
    expect(csi.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node01', uid: node.metadata.uid }]);
    expect(csi.metadata.annotations).toEqual({ [MIGRATED_PLUGINS_ANNOTATION]: MIGRATED_PLUGINS });
    expect(MIGRATED_PLUGINS).toBe('kubernetes.io/aws-ebs,kubernetes.io/azure-disk,kubernetes.io/azure-file,kubernetes.io/cinder,kubernetes.io/gce-pd,kubernetes.io/portworx-volume,kubernetes.io/vsphere-volume');
    expect((csi as { spec?: unknown }).spec).toEqual({ drivers: [] });
  });

  it('puts the annotation back on an existing one after a restart, keeping its drivers', async () => {
    const t = await boot();
    const csi = t.fake.peek(REFS.csinodes, '', 'node01')!;
    await t.fake.update(REFS.csinodes, { ...csi, metadata: { ...csi.metadata, annotations: {} }, spec: { drivers: [{ name: 'a.b', nodeID: 'n' }] } });
    await t.restart();
    const again = t.fake.peek(REFS.csinodes, '', 'node01')!;
    expect(again.metadata.annotations).toEqual({ [MIGRATED_PLUGINS_ANNOTATION]: MIGRATED_PLUGINS });
    expect((again as { spec?: unknown }).spec).toEqual({ drivers: [{ name: 'a.b', nodeID: 'n' }] });
  });
});
