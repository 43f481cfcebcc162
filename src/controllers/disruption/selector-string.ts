// A *metav1.LabelSelector as Go's %v prints it (its generated String()), as the UnmanagedPods
// event quotes the budget's selector; `nil` for none.
import type { PdbSpec } from './expected-pods.js';

export function labelSelectorString(sel: PdbSpec['selector']): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {}).sort().map((k) => `${k}: ${sel.matchLabels![k]},`).join('');
  const exprs = (sel.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
