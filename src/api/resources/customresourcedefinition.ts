// CustomResourceDefinition (apiextensions.k8s.io/v1): customresourcedefinitions. Its strategy
// (apiextensions-apiserver pkg/registry/customresourcedefinition): status is the controllers'
// (src/api/crd), generation follows the spec, and the storage version joins status.storedVersions.
import type { KObject } from '../types.js';
import { resource, statusSub } from './types.js';
import { setCondition } from '../crd/names.js';

/** The finalizer that keeps a deleted CRD until its custom resources are gone. */
export const CRD_CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

interface Version { name?: string; storage?: boolean }

function recordStoredVersion(obj: KObject): void {
  const versions = ((obj.spec ?? {}) as { versions?: Version[] }).versions ?? [];
  const storage = versions.find((v) => v.storage)?.name;
  if (!storage) return;
  const status = (obj.status ?? {}) as { storedVersions?: string[] };
  if (!(status.storedVersions ?? []).includes(storage)) obj.status = { ...status, storedVersions: [...(status.storedVersions ?? []), storage] };
}

export const customResourceDefinition = resource({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  storagePrefix: 'apiextensions.k8s.io/customresourcedefinitions',
  subresources: statusSub('CustomResourceDefinition'),
  statusSubresource: true,
  tracksGeneration: true,
  prepareForCreate(obj) {
    obj.status = { acceptedNames: { plural: '', kind: '' } };
    recordStoredVersion(obj);
  },
  prepareForUpdate(obj) {
    recordStoredVersion(obj);
  },
  deleteFinalizer: CRD_CLEANUP_FINALIZER,
  // REST Delete: a Terminating condition until the finalizer (src/api/crd) has deleted the instances.
  prepareForDelete(obj, { now }) {
    const status = (obj.status ?? {}) as { conditions?: never[] };
    obj.status = {
      ...status,
      conditions: setCondition(status.conditions ?? [], { type: 'Terminating', status: 'True', reason: 'InstanceDeletionPending', message: 'CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon' }, now),
    };
  },
});
