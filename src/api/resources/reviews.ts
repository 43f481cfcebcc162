// Create-only resources that are never stored: bindings and the authentication/authorization
// reviews (answered by the apiserver itself), and the read-only componentstatuses.
import { resource } from './types.js';

const virtual = { verbs: ['create' as const], virtual: true };

export const binding = resource({ group: '', version: 'v1', kind: 'Binding', plural: 'bindings', namespaced: true, ...virtual });
export const componentStatus = resource({ group: '', version: 'v1', kind: 'ComponentStatus', plural: 'componentstatuses', namespaced: false, shortNames: ['cs'], verbs: ['get', 'list'], virtual: true });
export const tokenReview = resource({ group: 'authentication.k8s.io', version: 'v1', kind: 'TokenReview', plural: 'tokenreviews', namespaced: false, ...virtual });
export const selfSubjectReview = resource({ group: 'authentication.k8s.io', version: 'v1', kind: 'SelfSubjectReview', plural: 'selfsubjectreviews', namespaced: false, ...virtual });
export const localSubjectAccessReview = resource({ group: 'authorization.k8s.io', version: 'v1', kind: 'LocalSubjectAccessReview', plural: 'localsubjectaccessreviews', namespaced: true, ...virtual });
export const selfSubjectAccessReview = resource({ group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectAccessReview', plural: 'selfsubjectaccessreviews', namespaced: false, ...virtual });
export const selfSubjectRulesReview = resource({ group: 'authorization.k8s.io', version: 'v1', kind: 'SelfSubjectRulesReview', plural: 'selfsubjectrulesreviews', namespaced: false, ...virtual });
export const subjectAccessReview = resource({ group: 'authorization.k8s.io', version: 'v1', kind: 'SubjectAccessReview', plural: 'subjectaccessreviews', namespaced: false, ...virtual });
