// Secret (core/v1): secrets.
import { resource } from './types.js';

export const secret = resource({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  selectableFields: (o) => ({ type: String(o.type ?? '') }),
});
