// kubectl taint's taint arithmetic (pkg/cmd/taint/utils.go): parsing `key[=value]:effect` and
// `key[:effect]-`, and reorganizing a node's taints into `tainted`, `modified` or `untainted`.
import { Aggregate } from '../mutate/aggregate.js';
import { isQualifiedName, isValidLabelValue } from '../mutate/validation.js';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** Taint.ToString */
export function taintString(t: Taint): string {
  const v = t.value ?? '';
  if (t.effect === '') return v === '' ? t.key : `${t.key}=${v}:`;
  return v === '' ? `${t.key}:${t.effect}` : `${t.key}=${v}:${t.effect}`;
}

function parseTaint(st: string): Taint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) {
    key = parts[0]!;
  } else if (parts.length === 2) {
    effect = parts[1]!;
    if (!EFFECTS.has(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else {
    throw new Error(`invalid taint spec: ${st}`);
  }
  const errs = isQualifiedName(key);
  if (errs.length > 0) throw new Error(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return value === '' ? { key, effect } : { key, value, effect };
}

/** parseTaints: taints to add (each needing an effect, unique by key and effect) and to remove. */
export function parseTaints(spec: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const s of spec) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(s);
    if (t.effect === '') throw new Error(`invalid taint spec: ${s}`);
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    }
    add.push(t);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint): boolean => a.key === b.key && a.effect === b.effect;

/** checkIfTaintsAlreadyExists: the keys of new taints already on the node with the same effect. */
export function alreadyExisting(old: Taint[], add: Taint[]): string {
  return add.flatMap((t) => old.filter((o) => matches(t, o)).map(() => t.key)).join(',');
}

/** reorganizeTaints: the node's new taints and what to call the change. */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { operation: string; taints: Taint[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errs: Error[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect === '' ? t.key !== r.key : !matches(r, t)));
    removed = taints.length !== before;
    if (!removed) errs.push(new Error(`taint ${JSON.stringify(taintString(r))} not found`));
  }
  if (errs.length > 0) throw new Aggregate(errs);
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints };
}
