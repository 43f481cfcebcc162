// kubectl create clusterrole NAME --verb=… [--resource=…] [--resource-name=…]
// [--non-resource-url=…] | --aggregation-rule=key=value,…: discovery only for --resource.
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { completeCreate, nameFromArgs } from './options.js';
import { RuleMapper } from './rbac-resources.js';
import { policyRules, ruleFlags, unique, validateResources, VALID_RESOURCE_VERBS, type ResourceOption } from './rbac-rules.js';
import { finishCreate } from './submit.js';

const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** cliflag.MapStringString: `k=v,k2=v2`; a malformed pair is a flag error cobra reports. */
function aggregationRule(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = ctx.str('aggregation-rule');
  for (const pair of raw.split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    if (eq < 0) {
      throw new PrintedError(`Error: invalid argument ${JSON.stringify(raw)} for "--aggregation-rule" flag: malformed pair, expect string=string\nSee '${ctx.commandPath} --help' for usage.`);
    }
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

function checkNonResourceUrls(verbs: string[], urls: string[]): void {
  for (const v of verbs) {
    if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new Error(`invalid verb: '${v}' for nonResourceURL`);
  }
  for (const url of urls) {
    if (url === '*') continue;
    if (!url.startsWith('/')) throw new Error('nonResourceURL should start with /');
    if (url.slice(0, -1).includes('*')) throw new Error("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
}

interface Flags {
  verbs: string[];
  resources: ResourceOption[];
  resourceNames: string[];
  urls: string[];
  aggregation: Record<string, string>;
}

async function validate(ctx: Ctx, mapper: RuleMapper, f: Flags): Promise<void> {
  if (Object.keys(f.aggregation).length > 0) {
    if (f.urls.length > 0 || f.verbs.length > 0 || f.resources.length > 0 || f.resourceNames.length > 0) {
      throw new Error('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
    }
    return;
  }
  if (f.verbs.length === 0) throw new Error('at least one verb must be specified');
  if (f.resources.length === 0 && f.urls.length === 0) throw new Error('one of resource or nonResourceURL must be specified');
  if (f.resources.length > 0) {
    for (const v of f.verbs) {
      if (!VALID_RESOURCE_VERBS.includes(v)) ctx.io.stderr.write(`Warning: '${v}' is not a standard resource verb\n`);
    }
    await validateResources(mapper, f.verbs, f.resources);
  }
  if (f.urls.length > 0) checkNonResourceUrls(f.verbs, f.urls);
}

export async function run(ctx: Ctx): Promise<number> {
  const aggregation = aggregationRule(ctx);
  const urls = unique(ctx.list('non-resource-url'));
  const name = nameFromArgs(ctx);
  const f: Flags = { ...ruleFlags(ctx), urls, aggregation };
  const s = await completeCreate(ctx);
  if (name === '') throw new Error('name must be specified');
  const mapper = new RuleMapper(ctx);
  await validate(ctx, mapper, f);
  const obj = Object.keys(aggregation).length === 0
    ? { rules: await policyRules(mapper, f.verbs, f.resources, f.resourceNames, urls) }
    : { aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] } };
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, ...obj };
  return finishCreate(ctx, s, { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', namespaced: false }, role);
}
