// A volume's required node affinity against a node (CheckNodeAffinity over
// corev1.MatchNodeSelectorTerms): terms are ORed, a term's requirements ANDed, an empty term
// matches nothing. As upstream, only the node's labels are known here (matchFields see no name).
import type { PV } from './types.js';
import { termsMatch } from '../framework/node-selection.js';

export function volumeFitsNode(v: PV, labels: Record<string, string> | undefined, name = ''): boolean {
  const required = v.spec?.nodeAffinity?.required;
  if (!required) return true;
  return termsMatch(required.nodeSelectorTerms ?? [], name, labels);
}
