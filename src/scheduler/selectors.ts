// Matching rules the plugins share: the node selection rules (shared with the controllers), and
// metav1.LabelSelector where nil selects nothing and {} selects everything.
import { fromLabelSelector, matchesLabels, type LabelSelector } from '../api/selectors/labels.js';
import type { SelectorRequirement } from '../controllers/framework/node-selection.js';

export {
  firstUntolerated, termMatches, termsMatch, tolerates,
  type NodeSelectorTerm, type SelectorRequirement, type Taint, type Toleration,
} from '../controllers/framework/node-selection.js';

export interface LabelSelectorJson {
  matchLabels?: Record<string, string>;
  matchExpressions?: SelectorRequirement[];
}

/** metav1.LabelSelectorAsSelector: null (nothing) for a nil selector. */
export function compileSelector(ls: LabelSelectorJson | null | undefined): LabelSelector | null {
  if (!ls) return null;
  return fromLabelSelector(ls);
}

export const selectorMatches = (sel: LabelSelector | null, labels: Record<string, string> | undefined): boolean =>
  sel !== null && matchesLabels(sel, labels);
