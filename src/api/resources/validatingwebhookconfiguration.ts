// ValidatingWebhookConfiguration (admissionregistration.k8s.io/v1): validatingwebhookconfigurations, cluster-scoped, in the api-extensions
// category; a new one has generation 1 and a change to its webhooks bumps it (upstream's strategy).
// The apiserver calls them (admission/webhook).
import { resource } from './types.js';

export const validatingWebhookConfiguration = resource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingWebhookConfiguration',
  plural: 'validatingwebhookconfigurations',
  namespaced: false,
  categories: ['api-extensions'],
  tracksGeneration: true,
});
