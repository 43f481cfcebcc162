// kubectl create rolebinding / clusterrolebinding NAME --clusterrole|--role=… [--user]
// [--group] [--serviceaccount=namespace:name]: subjects users first, then groups, then
// service accounts.
import type { Ctx, CommandModule } from '../../context.js';
import { completeCreate, nameFromArgs, requireFlags } from './options.js';
import { finishCreate } from './submit.js';

const RBAC = 'rbac.authorization.k8s.io';

export function subjects(ctx: Ctx): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const name of ctx.list('user')) out.push({ kind: 'User', apiGroup: RBAC, name });
  for (const name of ctx.list('group')) out.push({ kind: 'Group', apiGroup: RBAC, name });
  for (const sa of ctx.list('serviceaccount')) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[0] === '' || tokens[1] === '') throw new Error('serviceaccount must be <namespace>:<name>');
    out.push({ kind: 'ServiceAccount', namespace: tokens[0]!, name: tokens[1]! });
  }
  return out;
}

export const roleBinding: CommandModule = {
  async run(ctx: Ctx): Promise<number> {
    const name = nameFromArgs(ctx);
    const s = await completeCreate(ctx);
    const [role, clusterRole] = [ctx.str('role'), ctx.str('clusterrole')];
    if (name === '') throw new Error('name must be specified');
    if ((clusterRole === '') === (role === '')) throw new Error('exactly one of clusterrole or role must be specified');
    const roleRef = role !== '' ? { apiGroup: RBAC, kind: 'Role', name: role } : { apiGroup: RBAC, kind: 'ClusterRole', name: clusterRole };
    const obj = {
      apiVersion: `${RBAC}/v1`, kind: 'RoleBinding',
      metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) },
      roleRef, subjects: subjects(ctx),
    };
    return finishCreate(ctx, s, { group: RBAC, version: 'v1', resource: 'rolebindings', namespaced: true }, obj, { failPrefix: 'failed to create rolebinding: ' });
  },
};

export const clusterRoleBinding: CommandModule = {
  async run(ctx: Ctx): Promise<number> {
    requireFlags(ctx, ['clusterrole']);
    const name = nameFromArgs(ctx);
    const s = await completeCreate(ctx);
    const obj = {
      apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: { name },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: ctx.str('clusterrole') },
      subjects: subjects(ctx),
    };
    return finishCreate(ctx, s, { group: RBAC, version: 'v1', resource: 'clusterrolebindings', namespaced: false }, obj, { failPrefix: 'failed to create clusterrolebinding: ' });
  },
};
