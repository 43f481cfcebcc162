// CSIDriver (storage.k8s.io/v1): csidrivers. A new driver has no generation; any change to its
// spec bumps it (upstream's strategy).
import type { KObject } from '../types.js';
import { semanticEqual } from '../validation/json.js';
import { resource } from './types.js';

export const csiDriver = resource({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'CSIDriver',
  plural: 'csidrivers',
  namespaced: false,
  prepareForUpdate(obj: KObject, old: KObject) {
    if (semanticEqual(obj.spec ?? null, old.spec ?? null)) {
      if (old.metadata.generation !== undefined) obj.metadata.generation = old.metadata.generation;
    } else obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
  },
});
