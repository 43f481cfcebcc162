// ConfigMap (core/v1): configmaps.
import { resource } from './types.js';

export const configMap = resource({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  shortNames: ['cm'],
});
