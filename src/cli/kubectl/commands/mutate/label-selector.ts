// A label selector applied client-side, as the builder filters objects read from files with -l:
// `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`, comma-joined.
import type { Info } from './info.js';

type Requirement = (labels: Record<string, string>) => boolean;

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

function requirement(text: string): Requirement {
  const t = text.trim();
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(t);
  if (set) {
    const [, key, op, list] = set as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in' ? (l) => key in l && values.has(l[key]!) : (l) => !(key in l) || !values.has(l[key]!);
  }
  const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(t);
  if (cmp) {
    const [, key, op, value] = cmp as unknown as [string, string, string, string];
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  if (/^![^\s=!]+$/.test(t)) return (l) => !(t.slice(1) in l);
  if (/^[^\s=!()]+$/.test(t)) return (l) => t in l;
  throw new Error(`unable to parse requirement: ${JSON.stringify(t)}`);
}

/** Parses a selector; throws with the builder's wording when it is not one. */
export function parseLabelSelector(selector: string): Requirement[] {
  if (selector.trim() === '') return [];
  try {
    return splitTopLevel(selector).map(requirement);
  } catch (err) {
    throw new Error(`the provided selector ${JSON.stringify(selector)} is not valid: ${(err as Error).message}`);
  }
}

/** FilterByLabelSelector; no selector keeps everything. */
export function matchesLabelSelector(selector: string | undefined, info: Info): boolean {
  if (selector === undefined) return true;
  const labels = (info.object?.metadata?.labels ?? {}) as Record<string, string>;
  return parseLabelSelector(selector).every((req) => req(labels));
}
