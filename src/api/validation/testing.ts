// Test helpers: run defaulting then validation the way the registry does, and print errors
// as kubectl shows them.
import type { KObject } from '../types.js';
import { applyDefaults } from '../defaulting/index.js';
import { fieldErrorString } from './field.js';
import { validateCreate, validateUpdate } from './index.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole.rbac.authorization.k8s.io', 'ClusterRoleBinding.rbac.authorization.k8s.io', 'StorageClass.storage.k8s.io', 'CSIDriver.storage.k8s.io', 'CSINode.storage.k8s.io', 'VolumeAttachment.storage.k8s.io', 'PriorityClass.scheduling.k8s.io', 'CertificateSigningRequest.certificates.k8s.io', 'IngressClass.networking.k8s.io',
  'RuntimeClass.node.k8s.io',
  'MutatingWebhookConfiguration.admissionregistration.k8s.io', 'ValidatingWebhookConfiguration.admissionregistration.k8s.io', 'ValidatingAdmissionPolicy.admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding.admissionregistration.k8s.io',
  'FlowSchema.flowcontrol.apiserver.k8s.io', 'PriorityLevelConfiguration.flowcontrol.apiserver.k8s.io',
]);

/** Defaults then validates a create; returns `field: body` lines. */
export function createErrors(kind: string, input: Partial<KObject> & Record<string, unknown>): string[] {
  const obj = structuredClone({ metadata: {}, ...input }) as KObject;
  applyDefaults(kind, obj);
  return validateCreate(kind, obj, { namespaced: !CLUSTER_SCOPED.has(kind) }).map(fieldErrorString);
}

/** Defaults both objects then validates the update; returns `field: body` lines. */
export function updateErrors(kind: string, next: Partial<KObject> & Record<string, unknown>, prev: Partial<KObject> & Record<string, unknown>): string[] {
  const obj = structuredClone({ metadata: {}, ...next }) as KObject;
  const old = structuredClone({ metadata: {}, ...prev }) as KObject;
  applyDefaults(kind, obj);
  applyDefaults(kind, old);
  return validateUpdate(kind, obj, old, { namespaced: !CLUSTER_SCOPED.has(kind) }).map(fieldErrorString);
}

export const meta = (name: string, namespace = 'default'): { name: string; namespace: string; uid: string } => ({ name, namespace, uid: `uid-${name}` });
