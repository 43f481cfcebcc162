// One resource of one group version as kubectl's REST mapper holds it.
import type { ResourceRef } from '../../../client/types.js';

export interface ApiResource extends ResourceRef {
  singular: string;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** the version ServerPreferredResources picks for this group/resource */
  preferred: boolean;
}
