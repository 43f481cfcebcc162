// The clusterrole-aggregation controller (--controllers=clusterrole-aggregation, service account
// clusterrole-aggregation-controller): a ClusterRole with an aggregationRule gets, as its rules,
// those of every other ClusterRole its selectors pick — selector by selector, roles in name order,
// each rule once (semantic equality) — written when they differ. A change to any ClusterRole
// requeues every aggregated one, so `aggregate-to-view` roles (metrics-server's) reach view.
// (Upstream applies server-side and falls back to an update when apply is not supported, as here.)
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import type { Informer } from '../framework/informer.js';
import { REFS } from '../../client/refs.js';
import type { Obj } from '../../client/types.js';
import { fromLabelSelector, matchesLabels } from '../../api/selectors/labels.js';

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
type Rule = Record<string, unknown>;
export type ClusterRole = Obj & { rules?: Rule[] | null; aggregationRule?: { clusterRoleSelectors?: Selector[] | null } | null };

/** JSON with sorted keys and empty lists as absent: apimachinery's semantic equality of rules. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The rules role's selectors aggregate from the other roles. */
export function aggregatedRules(role: ClusterRole, all: ClusterRole[]): Rule[] {
  const out: Rule[] = [];
  const seen = new Set<string>();
  for (const sel of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const req = fromLabelSelector(sel);
    const picked = all.filter((r) => matchesLabels(req, r.metadata.labels)).sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    for (const r of picked) {
      if (r.metadata.name === role.metadata.name) continue;
      for (const rule of r.rules ?? []) {
        const key = canonical(rule);
        if (!seen.has(key)) out.push(rule);
        seen.add(key);
      }
    }
  }
  return out;
}

export class ClusterRoleAggregationController implements Reconciler {
  readonly name = 'clusterrole-aggregation';
  readonly queue;
  private readonly roles: Informer<ClusterRole>;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.roles = ctx.informers.for<ClusterRole>(REFS.clusterroles);
    const all = () => {
      for (const r of this.roles.list()) if (r.aggregationRule) this.queue.add(r.metadata.name ?? '');
    };
    this.roles.on({ add: all, update: all, delete: all });
  }

  async reconcile(name: string): Promise<ReconcileResult> {
    const role = this.roles.getBy('', name);
    if (!role?.aggregationRule) return;
    const rules = aggregatedRules(role, this.roles.list());
    if (canonical(rules) === canonical(role.rules ?? [])) return;
    await this.ctx.client.update(REFS.clusterroles, { ...role, rules });
  }
}

export const clusterRoleAggregationController: ControllerDef = {
  name: 'clusterrole-aggregation',
  serviceAccount: 'clusterrole-aggregation-controller',
  workers: 5,
  create: (ctx) => new ClusterRoleAggregationController(ctx),
};
