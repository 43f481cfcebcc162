// kubectl create role NAME --verb=… --resource=… [--resource-name=…]: needs discovery even with
// --dry-run=client, to resolve each resource to its group.
import type { Ctx } from '../../context.js';
import { completeCreate, nameFromArgs } from './options.js';
import { RuleMapper } from './rbac-resources.js';
import { policyRules, ruleFlags, validateResources, VALID_RESOURCE_VERBS } from './rbac-rules.js';
import { finishCreate } from './submit.js';

export async function run(ctx: Ctx): Promise<number> {
  const name = nameFromArgs(ctx);
  const { verbs, resources, resourceNames } = ruleFlags(ctx);
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  if (verbs.length === 0) throw new Error('at least one verb must be specified');
  for (const v of verbs) {
    if (!VALID_RESOURCE_VERBS.includes(v)) ctx.io.stderr.write(`Warning: '${v}' is not a standard resource verb\n`);
  }
  if (resources.length === 0) throw new Error('at least one resource must be specified');
  const mapper = new RuleMapper(ctx);
  await validateResources(mapper, verbs, resources);
  const rules = await policyRules(mapper, verbs, resources, resourceNames, []);
  const obj = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name, ...(s.explicitNs ? { namespace: s.namespace } : {}) }, rules };
  return finishCreate(ctx, s, { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', namespaced: true }, obj);
}
