// LimitRange (core/v1): limitranges.
import { resource } from './types.js';

export const limitRange = resource({
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  namespaced: true,
  shortNames: ['limits'],
});
