// PodTemplate (core/v1): podtemplates.
import { resource } from './types.js';

export const podTemplate = resource({
  group: '',
  version: 'v1',
  kind: 'PodTemplate',
  plural: 'podtemplates',
  namespaced: true,
});
