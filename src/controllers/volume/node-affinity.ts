// A volume's required node affinity against a node (CheckNodeAffinity over
// corev1.MatchNodeSelectorTerms): terms are ORed, a term's requirements ANDed, an empty term
// matches nothing. As upstream, only the node's labels are known here (matchFields see no name).
import type { NodeSelectorTerm, PV } from './types.js';

type Requirement = { key: string; operator: string; values?: string[] };

function matchRequirement(r: Requirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && vals.includes(value);
    case 'NotIn': return value === undefined || !vals.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !/^-?\d+$/.test(value) || vals.length !== 1) return false;
      const [a, b] = [Number(value), Number(vals[0])];
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default: return false;
  }
}

function matchTerm(t: NodeSelectorTerm, labels: Record<string, string>, name: string): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  return exprs.every((r) => matchRequirement(r, labels[r.key])) && fields.every((r) => matchRequirement(r, r.key === 'metadata.name' && name ? name : undefined));
}

/** Whether a node with these labels satisfies the volume's required node affinity (none: yes). */
export function volumeFitsNode(v: PV, labels: Record<string, string> | undefined, name = ''): boolean {
  const required = v.spec?.nodeAffinity?.required;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => matchTerm(t, labels ?? {}, name));
}
