// Node selection rules shared by the scheduler and the controllers that place or keep pods
// (component-helpers/scheduling/corev1): node selector terms (In, NotIn, Exists, DoesNotExist,
// Gt, Lt over labels; metadata.name over fields), and taints against tolerations.

export interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: SelectorRequirement[];
  matchFields?: SelectorRequirement[];
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export function requirementMatches(r: SelectorRequirement, value: string | undefined): boolean {
  const vals = r.values ?? [];
  switch (r.operator) {
    case 'In': return value !== undefined && vals.includes(value);
    case 'NotIn': return value === undefined || !vals.includes(value);
    case 'Exists': return value !== undefined;
    case 'DoesNotExist': return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || vals.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(vals[0]!)) return false;
      const have = BigInt(value);
      const want = BigInt(vals[0]!);
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default: return false;
  }
}

/** One term: every expression and field requirement holds; a term with neither matches nothing. */
export function termMatches(term: NodeSelectorTerm, nodeName: string, labels: Record<string, string> | undefined): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const l = labels ?? {};
  for (const e of exprs) if (!requirementMatches(e, Object.prototype.hasOwnProperty.call(l, e.key) ? l[e.key] : undefined)) return false;
  for (const f of fields) {
    if (f.key !== 'metadata.name') return false;
    if (!requirementMatches(f, nodeName)) return false;
  }
  return true;
}

/** NodeSelector: the terms are ORed. */
export const termsMatch = (terms: NodeSelectorTerm[], nodeName: string, labels: Record<string, string> | undefined): boolean =>
  terms.some((t) => termMatches(t, nodeName, labels));

/** Toleration.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** The first taint (among those kept by effects) that no toleration tolerates. */
export function firstUntolerated(taints: Taint[], tolerations: Toleration[], effects: readonly string[]): Taint | undefined {
  for (const taint of taints) {
    if (!effects.includes(taint.effect)) continue;
    if (!tolerations.some((t) => tolerates(t, taint))) return taint;
  }
  return undefined;
}

