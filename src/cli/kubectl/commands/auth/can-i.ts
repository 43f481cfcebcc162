// kubectl auth can-i VERB TYPE[/NAME] | VERB /url, or --list: a SelfSubjectAccessReview (or
// RulesReview) answered by the server; `yes` exits 0, `no` exits 1.
import type { Ctx } from '../../context.js';
import { TransportError } from '../../../../client/transport-error.js';
import { NoResourceMatchError } from '../../discovery/mapper.js';
import { PrintedError } from '../../errors.js';
import { requestJson } from '../../resource/request.js';
import { printRules, type RulesStatus } from './rules.js';

const KNOWN_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];

interface Review { status?: { allowed?: boolean; reason?: string; evaluationError?: string } }

/** Names RBAC knows that no API serves: asked about without a warning. */
const NON_STANDARD = new Set(['users', 'groups']);

/** CanIOptions.resourceFor: `*` as it is, else the type through discovery (lower-cased). */
async function resourceAttributes(ctx: Ctx, typeArg: string): Promise<Record<string, string>> {
  const slash = typeArg.indexOf('/');
  const [type, name] = slash < 0 ? [typeArg, ''] : [typeArg.slice(0, slash), typeArg.slice(slash + 1)];
  const named: Record<string, string> = name ? { name } : {};
  if (type === '*') return { resource: type, ...named };
  try {
    const mapper = await ctx.factory.mapper(2);
    const r = await mapper.resolve(type.toLowerCase());
    return { group: r.group, resource: r.resource, ...named };
  } catch (err) {
    // Discovery failed or knows no such type: warn, and ask about the type as given.
    if (!(err instanceof NoResourceMatchError) && !(err instanceof TransportError)) throw err;
    const lower = type.toLowerCase();
    const dot = lower.indexOf('.');
    if (!NON_STANDARD.has(lower)) {
      const what = dot < 0 ? `'${lower}'` : `'${lower.slice(0, dot)}' in group '${lower.slice(dot + 1)}'`;
      ctx.io.stderr.write(`Warning: the server doesn't have a resource type ${what}\n\n`);
    }
    return { resource: type, ...named };
  }
}

async function list(ctx: Ctx, namespace: string): Promise<number> {
  const client = await ctx.factory.client();
  const review = await requestJson<{ status?: RulesStatus }>(client, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    body: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { namespace }, status: { resourceRules: null, nonResourceRules: null, incomplete: false } },
  });
  const status = review.status ?? {};
  if (status.incomplete) ctx.io.stderr.write(`warning: the list may be incomplete: ${status.evaluationError ?? ''}\n`);
  ctx.io.stdout.write(printRules(status, ctx.bool('no-headers')));
  return 0;
}

export async function run(ctx: Ctx): Promise<number> {
  const namespace = ctx.bool('all-namespaces') ? '' : (await ctx.factory.namespace()).namespace;
  if (ctx.bool('list')) {
    if (ctx.args.length > 0) throw new Error('list option must be specified with no arguments');
    return list(ctx, namespace);
  }
  if (ctx.args.length !== 2) throw new PrintedError(`error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${ctx.commandPath} -h' for help and examples.`);
  const [verb, target] = ctx.args as [string, string];
  if (!KNOWN_VERBS.includes(verb)) ctx.io.stderr.write(`Warning: verb '${verb}' is not a known verb\n\n`);
  const spec: Record<string, unknown> = target.startsWith('/')
    ? { nonResourceAttributes: { path: target, verb } }
    : { resourceAttributes: { namespace, verb, ...(await resourceAttributes(ctx, target)), ...(ctx.str('subresource') ? { subresource: ctx.str('subresource') } : {}) } };
  const client = await ctx.factory.client();
  const review = await requestJson<Review>(client, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    body: { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status: { allowed: false } },
  });
  const s = review.status ?? {};
  if (ctx.bool('quiet')) return s.allowed ? 0 : 1;
  if (s.allowed) { ctx.io.stdout.write('yes\n'); return 0; }
  ctx.io.stdout.write(`no${s.reason ? ` - ${s.reason}` : ''}${s.evaluationError ? ` - ${s.evaluationError}` : ''}\n`);
  return 1;
}
