// Endpoints (core/v1): endpoints.
import { resource } from './types.js';

export const endpoints = resource({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  storagePrefix: 'services/endpoints',
});
