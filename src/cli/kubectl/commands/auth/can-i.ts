// kubectl auth can-i VERB TYPE[/NAME] | VERB /url, or --list: a SelfSubjectAccessReview (or
// RulesReview) answered by the server; `yes` exits 0, `no` exits 1.
import type { Ctx } from '../../context.js';
import { TransportError } from '../../../../client/transport-error.js';
import { NoResourceMatchError } from '../../discovery/mapper.js';
import { PrintedError } from '../../errors.js';
import { requestJson, TYPED_ACCEPT, TYPED_LIST } from '../../resource/request.js';
import { printRules, type RulesStatus } from './rules.js';

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];
const NON_RESOURCE_URL_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

/** WarningPrinter.Print */
const warn = (ctx: Ctx, msg: string): void => { ctx.io.stderr.write(`Warning: ${msg}\n`); };

interface Review { status?: { allowed?: boolean; reason?: string; evaluationError?: string } }

/** Names RBAC knows that no API serves: asked about without a warning. */
const NON_STANDARD = new Set(['users', 'groups']);

interface Target {
  group?: string;
  version?: string;
  resource: string;
}

/** CanIOptions.resourceFor: `*` as it is, else the type through discovery (lower-cased). */
async function resourceFor(ctx: Ctx, type: string): Promise<Target> {
  if (type === '*') return { resource: type };
  try {
    const mapper = await ctx.factory.mapper(2);
    const r = await mapper.resolve(type.toLowerCase());
    return { group: r.group, version: r.version, resource: r.resource };
  } catch (err) {
    // Discovery failed or knows no such type: warn, and ask about the type as given.
    if (!(err instanceof NoResourceMatchError) && !(err instanceof TransportError)) throw err;
    const lower = type.toLowerCase();
    const dot = lower.indexOf('.');
    if (!NON_STANDARD.has(lower)) {
      const what = dot < 0 ? `'${lower}'` : `'${lower.slice(0, dot)}' in group '${lower.slice(dot + 1)}'`;
      warn(ctx, `the server doesn't have a resource type ${what}\n`);
    }
    return { resource: type };
  }
}

/** isNamespaced, through the clientset's own (uncached) discovery: undefined when it cannot tell. */
async function isNamespaced(ctx: Ctx, t: Target): Promise<boolean | undefined> {
  if (t.resource === '*') return true;
  if (t.version === undefined) return undefined;
  const path = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  try {
    const list = await requestJson<{ resources?: { name: string; namespaced: boolean }[] }>(await ctx.factory.client(), 'GET', path, { ...TYPED_LIST, accept: TYPED_ACCEPT });
    return list.resources?.find((r) => r.name === t.resource)?.namespaced ?? false;
  } catch {
    return undefined;
  }
}

/** Validate's warnings for a resource check: not namespaced (unless -A), a verb RBAC does not know. */
async function resourceWarnings(ctx: Ctx, verb: string, t: Target): Promise<void> {
  if (ctx.bool('all-namespaces')) return;
  if ((await isNamespaced(ctx, t)) === false) {
    warn(ctx, t.group ? `resource '${t.resource}' is not namespace scoped in group '${t.group}'\n` : `resource '${t.resource}' is not namespace scoped\n`);
  }
  if (!RESOURCE_VERBS.includes(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`);
}

async function list(ctx: Ctx, namespace: string): Promise<number> {
  const client = await ctx.factory.client();
  const review = await requestJson<{ status?: RulesStatus }>(client, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    body: { kind: 'SelfSubjectRulesReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { namespace }, status: { resourceRules: null, nonResourceRules: null, incomplete: false } },
  });
  const status = review.status ?? {};
  if (status.incomplete) warn(ctx, `the list may be incomplete: ${status.evaluationError ?? ''}`);
  ctx.io.stdout.write(printRules(status, ctx.bool('no-headers')));
  return 0;
}

export async function run(ctx: Ctx): Promise<number> {
  // Complete
  if (ctx.bool('list')) {
    if (ctx.args.length > 0) throw new Error('list option must be specified with no arguments');
    if (ctx.bool('quiet') || ctx.bool('all-namespaces') || ctx.str('subresource') !== '') {
      throw new Error("list option can't be specified with neither quiet, all-namespaces nor subresource options");
    }
    return list(ctx, ctx.bool('all-namespaces') ? '' : (await ctx.factory.namespace()).namespace);
  }
  if (ctx.args.length !== 2) throw new PrintedError(`error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee '${ctx.commandPath} -h' for help and examples.`);
  const [verb, arg] = ctx.args as [string, string];
  const url = arg.startsWith('/') ? arg : undefined;
  const slash = arg.indexOf('/');
  const target = url === undefined ? await resourceFor(ctx, slash < 0 ? arg : arg.slice(0, slash)) : undefined;
  const name = url === undefined && slash >= 0 ? arg.slice(slash + 1) : '';
  const namespace = ctx.bool('all-namespaces') ? '' : (await ctx.factory.namespace()).namespace;
  // Validate
  const subresource = ctx.str('subresource');
  if (url !== undefined) {
    if (subresource !== '') throw new Error('--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_URL_VERBS.includes(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`);
  } else {
    await resourceWarnings(ctx, verb, target!);
  }
  if (ctx.bool('no-headers')) throw new Error('--no-headers cannot be set without --list specified');
  // RunAccessCheck
  const spec: Record<string, unknown> = url !== undefined
    ? { nonResourceAttributes: { path: url, verb } }
    : { resourceAttributes: { namespace, verb, ...(target!.group ? { group: target!.group } : {}), resource: target!.resource, ...(subresource ? { subresource } : {}), ...(name ? { name } : {}) } };
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
