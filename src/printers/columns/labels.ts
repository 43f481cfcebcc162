// Label maps and metav1.LabelSelector as apimachinery prints them: labels.FormatLabels,
// LabelSelectorAsSelector(...).String() and metav1.FormatLabelSelector.
import { rec, recs, sortStrings, str, strMap, strs } from './fields.js';

/**
 * labels.FormatLabels (Set.String): the `k=v` strings sorted as strings, so `app.kubernetes.io/x=…`
 * comes before `app=…` ('.' < '='), comma-joined; `<none>` when empty.
 */
export function formatLabels(value: unknown): string {
  const map = strMap(value);
  const text = sortStrings(Object.entries(map).map(([key, v]) => `${key}=${v}`)).join(',');
  return text === '' ? '<none>' : text;
}

interface Requirement {
  key: string;
  text: string;
}

const OPERATORS: Record<string, string> = { In: ' in ', NotIn: ' notin ', Exists: '', DoesNotExist: '' };

function expression(expr: unknown): Requirement | null {
  const e = rec(expr);
  const key = str(e.key);
  const op = str(e.operator);
  const values = strs(e.values);
  if (!(op in OPERATORS) || key === '') return null;
  const wantsValues = op === 'In' || op === 'NotIn';
  if (wantsValues ? values.length === 0 : values.length !== 0) return null;
  if (op === 'Exists') return { key, text: key };
  if (op === 'DoesNotExist') return { key, text: `!${key}` };
  const list = values.length === 1 ? values[0] : sortStrings(values).join(',');
  return { key, text: `${key}${OPERATORS[op]}(${list})` };
}

/**
 * LabelSelectorAsSelector(sel).String(): requirements sorted by key (matchLabels as `k=v`,
 * expressions as `k in (a,b)`, `k notin (a)`, `k`, `!k`). "" for a nil or empty selector,
 * null when the selector is invalid.
 */
export function selectorString(selector: unknown): string | null {
  const sel = rec(selector);
  const labels = strMap(sel.matchLabels);
  const requirements: Requirement[] = Object.keys(labels).map((key) => ({ key, text: `${key}=${labels[key]}` }));
  for (const expr of recs(sel.matchExpressions)) {
    const requirement = expression(expr);
    if (requirement === null) return null;
    requirements.push(requirement);
  }
  if (requirements.some((r) => r.key === '')) return null;
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return requirements.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const text = selectorString(selector);
  if (text === null) return '<error>';
  return text === '' ? '<none>' : text;
}
