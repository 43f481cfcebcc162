// kubectl auth reconcile -f FILE: for every rbac/v1 Role, ClusterRole, RoleBinding and
// ClusterRoleBinding read (other kinds are skipped, logged at -v=1; the v1alpha1/v1beta1 RBAC
// kinds are refused), the missing object is created (with its namespace), the missing rules or
// subjects added, the extra ones removed when asked; each object is printed, then what it took.
import type { RestClient } from '../../../../../client/rest.js';
import type { Ctx } from '../../../context.js';
import { klog } from '../../../klog.js';
import { reportable } from '../../mutate/aggregate.js';
import { reconcileBinding } from './binding.js';
import { rbacClient, type RbacKind } from './client.js';
import { completeReconcile, type ReconcileOptions } from './options.js';
import { ResultPrinter, type Outcome } from './print.js';
import { reconcileRole } from './role.js';
import { goPointerType } from './scheme.js';
import { visitLocal, type LocalInfo } from './visit.js';

const RBAC_V1 = 'rbac.authorization.k8s.io/v1';
const RBAC_KINDS: readonly string[] = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'];
const OLD_RBAC = ['rbac.authorization.k8s.io/v1alpha1', 'rbac.authorization.k8s.io/v1beta1'];

async function reconcileOne(rest: RestClient, o: ReconcileOptions, kind: RbacKind, info: LocalInfo): Promise<Outcome> {
  const client = rbacClient(rest, kind);
  const common = { expected: info.object, confirm: !o.dryRun, client };
  if (kind === 'Role' || kind === 'ClusterRole') {
    const r = await reconcileRole({ ...common, removeExtraPermissions: o.removeExtraPermissions });
    return { object: r.role, operation: r.operation, protected: r.protected, missingRules: r.missingRules, extraRules: r.extraRules };
  }
  const r = await reconcileBinding({ ...common, removeExtraSubjects: o.removeExtraSubjects });
  return { object: r.binding, operation: r.operation, protected: r.protected, missingSubjects: r.missingSubjects, extraSubjects: r.extraSubjects };
}

/** The kind to reconcile; undefined for an object to skip. */
function rbacKind(ctx: Ctx, o: ReconcileOptions, info: LocalInfo): RbacKind | undefined {
  const { apiVersion, kind } = info.object;
  if (apiVersion === RBAC_V1 && kind !== undefined && RBAC_KINDS.includes(kind)) return kind as RbacKind;
  if (OLD_RBAC.includes(apiVersion ?? '') && kind !== undefined && RBAC_KINDS.includes(kind)) {
    throw new Error(`only rbac.authorization.k8s.io/v1 is supported: not ${goPointerType(apiVersion ?? '', kind)}`);
  }
  if (o.verbosity >= 1) {
    const t = info.typeMeta;
    klog(ctx.io.stderr, 'I', 'reconcile.go:279', `skipping &v1.TypeMeta{Kind:${JSON.stringify(t.kind)}, APIVersion:${JSON.stringify(t.apiVersion)}}`);
  }
  return undefined;
}

export async function run(ctx: Ctx): Promise<number> {
  const o = await completeReconcile(ctx);
  const rest = await ctx.factory.client();
  const printer = new ResultPrinter(o.printer, o);
  const err = await visitLocal(ctx.io, o.visit, async (info) => {
    const kind = rbacKind(ctx, o, info);
    if (kind === undefined) return;
    printer.print(ctx.io, await reconcileOne(rest, o, kind, info));
  });
  if (err) throw reportable(err);
  return 0;
}
