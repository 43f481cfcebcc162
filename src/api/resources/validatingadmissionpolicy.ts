// ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1): validatingadmissionpolicies, with a
// status subresource, in the api-extensions category; generation 1 on create, bumped by spec
// changes. Enforced by admission/policy (CEL evaluated with @marcbachmann/cel-js).
import { resource, statusSub } from './types.js';

export const validatingAdmissionPolicy = resource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingAdmissionPolicy',
  plural: 'validatingadmissionpolicies',
  namespaced: false,
  categories: ['api-extensions'],
  subresources: statusSub('ValidatingAdmissionPolicy'),
  statusSubresource: true,
  tracksGeneration: true,
});
