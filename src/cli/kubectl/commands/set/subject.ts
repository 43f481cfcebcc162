// kubectl set subject (-f FILENAME | TYPE NAME) [--user] [--group] [--serviceaccount=ns:name]:
// SubjectOptions' Complete, Validate and Run — users, groups and service accounts (each sorted,
// duplicates dropped; a service account without a namespace in the current one) added to a
// RoleBinding's or ClusterRoleBinding's subjects unless already there; nothing added, nothing sent.
import type { Ctx } from '../../context.js';
import { aggregate, reportable } from '../mutate/aggregate.js';
import { dryRunStrategy, type DryRun } from '../mutate/dry-run.js';
import type { Info } from '../mutate/info.js';
import { list, rec, str, type Json } from '../workload/json-values.js';
import { calculatePatches } from '../workload/patches.js';
import { TypedPrinter } from '../workload/print.js';
import { sendPatches, setInfos } from './targets.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export interface Subject { kind: string; apiGroup?: string; name: string; namespace?: string }

/** The subjects the flags ask for, in the order kubectl adds them. */
export function wantedSubjects(users: string[], groups: string[], accounts: string[], namespace: string): Subject[] {
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return [
    ...sorted(users).map((name) => ({ kind: 'User', apiGroup: RBAC_GROUP, name })),
    ...sorted(groups).map((name) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name })),
    ...sorted(accounts).map((sa) => {
      const [ns = '', name = ''] = sa.split(':');
      return { kind: 'ServiceAccount', name, namespace: ns || namespace };
    }),
  ];
}

const same = (a: Json, b: Subject) => str(a.kind) === b.kind && str(a.apiGroup) === (b.apiGroup ?? '') && str(a.name) === b.name && str(a.namespace) === (b.namespace ?? '');

/** addSubjects: the existing subjects with the missing ones appended; false when none was missing. */
export function addSubjects(obj: Json, wanted: Subject[]): boolean {
  if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') throw new Error('setting subjects is only supported for RoleBinding/ClusterRoleBinding');
  const existing = list(obj.subjects).map(rec);
  const missing = wanted.filter((w) => !existing.some((e) => same(e, w)));
  if (missing.length === 0) return false;
  obj.subjects = [...existing, ...missing.map((m) => ({ ...m }) as Json)];
  return true;
}

function validate(ctx: Ctx, infos: Info[], local: boolean, dryRun: DryRun): void {
  if (local && dryRun === 'server') throw new Error('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (ctx.bool('all') && ctx.str('selector') !== '') throw new Error('cannot set --all and --selector at the same time');
  const [users, groups, accounts] = [ctx.list('user'), ctx.list('group'), ctx.list('serviceaccount')];
  if (users.length === 0 && groups.length === 0 && accounts.length === 0) throw new Error('you must specify at least one value of user, group or serviceaccount');
  for (const sa of accounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[1] === '') throw new Error('serviceaccount must be <namespace>:<name>');
    const clusterWide = infos.some((i) => (i.object as Json | undefined)?.kind === 'ClusterRoleBinding' || i.mapping?.kind === 'ClusterRoleBinding');
    if (clusterWide && tokens[0] === '') throw new Error('serviceaccount must be <namespace>:<name>, namespace must be specified');
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  const printer = TypedPrinter.of(ctx, dryRun, 'subjects updated');
  const { namespace, explicit } = await ctx.factory.namespace();
  const local = ctx.bool('local');
  const infos = await setInfos(ctx, { namespace, explicit, resources: ctx.args, local, all: ctx.bool('all'), selector: ctx.str('selector') });
  validate(ctx, infos, local, dryRun);
  const wanted = wantedSubjects(ctx.list('user'), ctx.list('group'), ctx.list('serviceaccount'), namespace);
  const errs: Error[] = [];
  const patches = calculatePatches(infos, (obj) => addSubjects(obj, wanted));
  await sendPatches(ctx, patches, { dryRun, local, printer, failure: 'failed to patch subjects to rolebinding: ' }, errs);
  const all = aggregate(errs);
  if (all) throw reportable(all);
  return 0;
}
