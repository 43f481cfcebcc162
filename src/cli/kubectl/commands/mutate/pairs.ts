// The KEY=VALUE / KEY- arguments of label and annotate: cmdutil.GetResourcesAndPairs splits them
// from the resource arguments, then label's parseLabels and annotate's ParsePairs read them.
import { isValidLabelValue } from './validation.js';

export interface Pairs {
  add: Map<string, string>;
  remove: string[];
}

/** Resources first, then pairs; a resource after a pair is an error. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) throw new Error(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** label's parseLabels: one `=` only, values checked as label values. */
export function parseLabels(spec: string[]): Pairs {
  const add = new Map<string, string>();
  const remove: string[] = [];
  for (const s of spec) {
    if (s.includes('=')) {
      const parts = s.split('=');
      if (parts.length !== 2) throw new Error(`invalid label spec: ${s}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0) throw new Error(`invalid label value: ${JSON.stringify(s)}: ${errs.join(';')}`);
      add.set(parts[0]!, parts[1]!);
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      throw new Error(`unknown label spec: ${s}`);
    }
  }
  if (remove.some((k) => add.has(k))) throw new Error('can not both modify and remove a label in the same command');
  return { add, remove };
}

/** cmdutil.ParsePairs with removal: `k=v` (first `=` splits) or `k-`. */
export function parsePairs(spec: string[], pairType: string): Pairs {
  const add = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const s of spec) {
    if (s.includes('=') && !s.startsWith('=')) {
      const at = s.indexOf('=');
      add.set(s.slice(0, at), s.slice(at + 1));
    } else if (s.endsWith('-') && s !== '-') {
      remove.push(s.slice(0, -1));
    } else {
      invalid.push(s);
    }
  }
  if (invalid.length > 0) throw new Error(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { add, remove };
}
