// Two rules every write applies to the managers after computing ownership: metadata the server
// sets itself is owned by nobody (stripMetaManager), and at most 10 update managers are kept —
// the oldest are merged into one `ancient-changes` entry per version (capManagersManager).
import { FieldSet } from './field-set.js';
import type { Managed } from './managed.js';
import { managerIdentifier } from './managed.js';
import { fieldPE } from './path-element.js';

export const MAX_UPDATE_MANAGERS = 10;

const STRIP = FieldSet.of(
  [fieldPE('apiVersion')],
  [fieldPE('kind')],
  [fieldPE('metadata')],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => [fieldPE('metadata'), fieldPE(f)]),
);

/** stripFields: the manager loses the server-set metadata; an entry left empty goes. */
export function stripMeta(m: Managed, manager: string): void {
  const v = m.fields.get(manager);
  if (!v) return;
  const set = v.set.difference(STRIP);
  if (set.empty()) m.fields.delete(manager);
  else m.fields.set(manager, { ...v, set });
}

const seconds = (t: string | undefined): number => (t ? Math.floor(Date.parse(t) / 1000) || 0 : 0);

function oldestFirst(m: Managed): string[] {
  const updaters = [...m.fields].filter(([, v]) => !v.applied).map(([id]) => id);
  return updaters.sort((a, b) => seconds(m.times.get(a)) - seconds(m.times.get(b)) || (a < b ? -1 : a > b ? 1 : 0));
}

/** capUpdateManagers: merges the oldest update entries into version buckets. */
export function capUpdateManagers(m: Managed, max = MAX_UPDATE_MANAGERS): void {
  const updaters = oldestFirst(m);
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const manager = updaters[i]!;
    const v = m.fields.get(manager)!;
    const bucket = managerIdentifier({ manager: 'ancient-changes', operation: 'Update', apiVersion: v.apiVersion });
    const first = firstOfVersion.get(v.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(v.apiVersion, manager);
      continue;
    }
    if (!m.fields.has(bucket)) {
      m.fields.set(bucket, m.fields.get(first)!);
      m.fields.delete(first);
    }
    m.fields.set(bucket, { set: v.set.union(m.fields.get(bucket)!.set), apiVersion: v.apiVersion, applied: v.applied });
    m.fields.delete(manager);
    m.times.set(bucket, m.times.get(manager));
    length--;
  }
}
