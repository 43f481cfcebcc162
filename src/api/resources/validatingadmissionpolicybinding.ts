// ValidatingAdmissionPolicyBinding (admissionregistration.k8s.io/v1):
// validatingadmissionpolicybindings, in the api-extensions category; generation 1 on create,
// bumped by spec changes.
import { resource } from './types.js';

export const validatingAdmissionPolicyBinding = resource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingAdmissionPolicyBinding',
  plural: 'validatingadmissionpolicybindings',
  namespaced: false,
  categories: ['api-extensions'],
  tracksGeneration: true,
});
