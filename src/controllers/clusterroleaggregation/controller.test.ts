import { describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { bootstrapClusterRoles } from '../../api/rbac/policy/bootstrap.js';
import { fakeEnv } from '../framework/testing.js';
import { aggregatedRules, ClusterRoleAggregationController, type ClusterRole } from './controller.js';

const TO_VIEW = { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' };
const rule = (resource: string, verbs = ['get', 'list', 'watch']) => ({ apiGroups: [''], resources: [resource], verbs });

describe('clusterrole-aggregation', () => {
  it('leaves the bootstrap aggregated roles as the apiserver seeds them (a fixed point)', () => {
    const all = bootstrapClusterRoles() as unknown as ClusterRole[];
    for (const name of ['admin', 'edit', 'view']) {
      const role = all.find((r) => r.metadata.name === name)!;
      expect(aggregatedRules(role, all), name).toEqual(role.rules);
    }
  });

  it('adds the rules of a role labelled aggregate-to-view, in name order, each once, and removes them with it', async () => {
    const { fake, ctx } = fakeEnv();
    const view: ClusterRole = { metadata: { name: 'view' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: TO_VIEW }] }, rules: [] };
    fake.seed(REFS.clusterroles,
      view,
      { metadata: { name: 'system:aggregate-to-view', labels: TO_VIEW }, rules: [rule('pods')] },
      { metadata: { name: 'system:aggregated-metrics-reader', labels: TO_VIEW }, rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }, { verbs: ['get', 'list', 'watch'], resources: ['pods'], apiGroups: [''] }] },
      { metadata: { name: 'unrelated' }, rules: [rule('secrets')] });
    const c = new ClusterRoleAggregationController(ctx);
    await ctx.informers.start();
    await c.reconcile('view');
    const got = fake.peek(REFS.clusterroles, '', 'view') as ClusterRole;
    expect(got.rules).toEqual([rule('pods'), { apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }]);
    await fake.delete(REFS.clusterroles, '', 'system:aggregated-metrics-reader');
    await new Promise((r) => setImmediate(r));
    await c.reconcile('view');
    expect((fake.peek(REFS.clusterroles, '', 'view') as ClusterRole).rules).toEqual([rule('pods')]);
  });
});
