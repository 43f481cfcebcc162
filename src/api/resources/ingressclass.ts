// IngressClass (networking.k8s.io/v1): ingressclasses.
import { resource } from './types.js';

export const ingressClass = resource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  namespaced: false,
});
