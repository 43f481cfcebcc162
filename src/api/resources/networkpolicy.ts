// NetworkPolicy (networking.k8s.io/v1): networkpolicies.
import { resource } from './types.js';

export const networkPolicy = resource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  namespaced: true,
  shortNames: ['netpol'],
  tracksGeneration: true,
});
