// MutatingWebhookConfiguration (admissionregistration.k8s.io/v1): mutatingwebhookconfigurations, cluster-scoped, in the api-extensions
// category; a new one has generation 1 and a change to its webhooks bumps it (upstream's strategy).
// The apiserver calls them (admission/webhook).
import { resource } from './types.js';

export const mutatingWebhookConfiguration = resource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'MutatingWebhookConfiguration',
  plural: 'mutatingwebhookconfigurations',
  namespaced: false,
  categories: ['api-extensions'],
  tracksGeneration: true,
});
