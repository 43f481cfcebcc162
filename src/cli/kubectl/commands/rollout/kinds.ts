// apps.GroupKindElement.Accept: the workload kinds kubectl's polymorphic helpers know, by group
// and kind, and how a GroupKind prints (`Deployment.apps`, `{apps Foo}` for an unknown one).
export type WorkloadKind = 'DaemonSet' | 'Deployment' | 'Job' | 'Pod' | 'ReplicaSet' | 'ReplicationController' | 'StatefulSet' | 'CronJob';

const KINDS: [WorkloadKind, string[]][] = [
  ['DaemonSet', ['apps', 'extensions']],
  ['Deployment', ['apps', 'extensions']],
  ['Job', ['batch']],
  ['Pod', ['', 'core']],
  ['ReplicaSet', ['apps', 'extensions']],
  ['ReplicationController', ['', 'core']],
  ['StatefulSet', ['apps']],
  ['CronJob', ['batch']],
];

/** schema.GroupKind's String(). */
export const groupKindString = (group: string, kind: string): string => (group === '' ? kind : `${kind}.${group}`);

/** Accept: the kind, or the visitor's error for kinds it has no method for. */
export function visitKind(group: string, kind: string): WorkloadKind {
  const hit = KINDS.find(([k, groups]) => k === kind && groups.includes(group));
  if (!hit) throw new Error(`no visitor method exists for {${group} ${kind}}`);
  return hit[0];
}
