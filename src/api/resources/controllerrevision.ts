// ControllerRevision (apps/v1): controllerrevisions.
import { resource } from './types.js';

export const controllerRevision = resource({
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  namespaced: true,
});
