// The MutatingAdmissionWebhook and ValidatingAdmissionWebhook plugins (apiserver's webhook
// mutating/validating dispatchers): the configurations in name order, their webhooks in order;
// mutating ones one after another, each JSON patch applied to the object (those with
// reinvocationPolicy IfNeeded called once more when a later one changed it), validating ones all at
// once. A webhook that cannot be called fails the request (failurePolicy Fail, 500) or is skipped
// (Ignore); one that answers "not allowed" rejects it with its status.
import { randomUUID } from 'node:crypto';
import type { AdmissionPlugin, AdmissionRequest } from '../../registry/admission.js';
import type { ObjectStorage } from '../../storage/storage.js';
import type { KObject } from '../../types.js';
import { Mirror, MirrorGroup } from '../../storage/mirror.js';
import { mutatingWebhookConfiguration } from '../../resources/mutatingwebhookconfiguration.js';
import { validatingWebhookConfiguration } from '../../resources/validatingwebhookconfiguration.js';
import { namespace as namespaceResource } from '../../resources/namespace.js';
import { badRequest, forbidden, internalError, notFound, StatusError, type Status } from '../../errors.js';
import { celReady, evaluate, toCel } from '../../cel/cel.js';
import { applyJsonPatchOps } from '../../patch/json-patch.js';
import type { JsonMap } from '../../patch/values.js';
import { isExempt, shouldCall, type WebhookSpec } from './match.js';
import { admissionReview, REVIEW_VERSIONS, reviewVersion, verifyResponse, withTypeMeta, type ReviewResponse } from './review.js';
import { postReview, type ServiceResolver } from './client.js';

/** ErrCallingWebhook: the call itself failed (what failurePolicy decides about). */
class CallingError extends Error {
  constructor(hook: string, reason: string) {
    super(`failed calling webhook ${JSON.stringify(hook)}: ${reason}`);
  }
}

/** webhookerrors.ToStatusErr: a webhook's "not allowed", as the request's error. */
export function deniedError(hook: string, result: ReviewResponse['result']): StatusError {
  const r = result ?? {};
  const deniedBy = `admission webhook ${JSON.stringify(hook)} denied the request`;
  const message = r.message ? `${deniedBy}: ${r.message}` : r.reason ? `${deniedBy}: ${r.reason}` : `${deniedBy} without explanation`;
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: !r.code || r.code < 400 ? 400 : r.code };
  if (r.reason) status.reason = r.reason;
  if (r.details && typeof r.details === 'object') status.details = r.details as Status['details'];
  return new StatusError(status);
}

export interface WebhookOptions {
  resolveService: ServiceResolver;
  uid?: () => string;
}

/** The webhook configurations, kept current from the store (both kinds, each in name order). */
export class WebhookSource extends MirrorGroup {
  private readonly mutating: Mirror;
  private readonly validating: Mirror;
  constructor(private readonly storage: ObjectStorage) {
    const mutating = new Mirror(storage, mutatingWebhookConfiguration);
    const validating = new Mirror(storage, validatingWebhookConfiguration);
    super([mutating, validating]);
    this.mutating = mutating;
    this.validating = validating;
  }
  hooks(mutating: boolean): WebhookSpec[] {
    const configs = (mutating ? this.mutating : this.validating).all();
    configs.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
    return configs.flatMap((c) => ((c as { webhooks?: WebhookSpec[] }).webhooks ?? []));
  }
  async namespaceLabels(name: string): Promise<Record<string, string> | undefined> {
    const ns = await this.storage.tryGet(namespaceResource, undefined, name);
    return ns ? ns.metadata.labels ?? {} : undefined;
  }
}

const ignored = (hook: WebhookSpec): boolean => hook.failurePolicy === 'Ignore';

/**
 * A webhook's matchConditions (matchconditions.Matcher): any false skips it; otherwise errors fail
 * the request as forbidden (failurePolicy Fail) or skip it (Ignore).
 */
function conditionsMet(hook: WebhookSpec, req: AdmissionRequest): boolean {
  const conditions = hook.matchConditions ?? [];
  if (conditions.length === 0) return true;
  const ctx = {
    object: toCel(req.op === 'DELETE' ? null : req.obj ?? null),
    oldObject: toCel(req.op === 'CREATE' ? null : req.old ?? null),
    request: toCel(admissionReview(req, '').request),
  };
  const errors: string[] = [];
  for (const c of conditions) {
    try {
      if (evaluate(c.expression, ctx) === false) return false;
    } catch (err) {
      errors.push((err as Error).message);
    }
  }
  if (errors.length === 0) return true;
  if (ignored(hook)) return false;
  throw forbidden({ group: req.d.group, resource: req.d.plural }, req.name, errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`);
}

/** The hooks req goes to, in order; a namespace that is not there is the request's 404. */
async function matching(source: WebhookSource, mutating: boolean, req: AdmissionRequest): Promise<WebhookSpec[]> {
  if (isExempt(req)) return [];
  const out: WebhookSpec[] = [];
  for (const hook of source.hooks(mutating)) {
    const m = await shouldCall(hook, req, (n) => source.namespaceLabels(n));
    if ('error' in m) throw notFound({ group: '', resource: 'namespaces' }, m.namespace);
    if (m.call && (hook.matchConditions ?? []).length) await celReady();
    if (m.call && conditionsMet(hook, req)) out.push(hook);
  }
  return out;
}

/** One call: the verified answer, or why the call failed (CallingError) or was refused outright. */
async function call(hook: WebhookSpec, req: AdmissionRequest, mutating: boolean, o: WebhookOptions): Promise<ReviewResponse> {
  if (req.ctx.dryRun && hook.sideEffects === undefined) throw new CallingError(hook.name, 'Webhook SideEffects is nil');
  if (req.ctx.dryRun && hook.sideEffects !== 'None' && hook.sideEffects !== 'NoneOnDryRun') {
    throw badRequest(`admission webhook ${JSON.stringify(hook.name)} does not support dry run`);
  }
  const version = reviewVersion(hook.admissionReviewVersions);
  if (!version) throw new CallingError(hook.name, `could not create admission objects: webhook does not accept known AdmissionReview versions (${REVIEW_VERSIONS.join(', ')})`);
  const uid = (o.uid ?? randomUUID)();
  let answer: unknown;
  try {
    answer = await postReview(hook, admissionReview(req, uid, version), o.resolveService);
  } catch (err) {
    throw new CallingError(hook.name, `failed to call webhook: ${(err as Error).message}`);
  }
  let resp: ReviewResponse;
  try {
    resp = verifyResponse(uid, mutating, answer, version);
  } catch (err) {
    throw new CallingError(hook.name, `received invalid webhook response: ${(err as Error).message}`);
  }
  for (const w of resp.warnings ?? []) if (!req.ctx.warnings.includes(w)) req.ctx.warnings.push(w);
  if (!resp.allowed) throw deniedError(hook.name, resp.result);
  if (resp.patchType !== undefined && resp.patchType !== 'JSONPatch') throw new CallingError(hook.name, `unsupported patch type ${JSON.stringify(resp.patchType)}`);
  return resp;
}

/** A call's failure as the request's error, or undefined when failurePolicy Ignore lets it pass. */
function failure(hook: WebhookSpec, err: unknown): Error | undefined {
  if (err instanceof CallingError) return ignored(hook) ? undefined : internalError(err);
  return err as Error;
}

/** Replaces target's fields with source's (the registry holds on to the object it passed in). */
function replaceInPlace(target: KObject, source: KObject): void {
  for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k];
  Object.assign(target, source);
}

/** Applies a mutating webhook's answer to req.obj; true when the object changed. */
function applyPatch(hook: WebhookSpec, req: AdmissionRequest, resp: ReviewResponse): boolean {
  if (!resp.patch) return false;
  let ops: unknown;
  try {
    ops = JSON.parse(Buffer.from(resp.patch, 'base64').toString('utf8'));
  } catch (err) {
    throw internalError(err);
  }
  if (!Array.isArray(ops) || ops.length === 0) return false;
  if (!req.obj) throw internalError(new Error(`admission webhook ${JSON.stringify(hook.name)} attempted to modify the object, which is not supported for this operation`));
  // the object as the webhook was sent it, so a patch that changes nothing is no change
  const sent = withTypeMeta(req, req.obj)!;
  let patched: KObject;
  try {
    patched = applyJsonPatchOps(sent as unknown as JsonMap, ops as never) as unknown as KObject;
  } catch (err) {
    throw internalError(err);
  }
  replaceInPlace(req.obj, patched);
  return JSON.stringify(patched) !== JSON.stringify(sent);
}

export function mutatingWebhooks(source: WebhookSource, o: WebhookOptions): AdmissionPlugin {
  return {
    name: 'MutatingAdmissionWebhook',
    connect: true,
    async admit(req) {
      const hooks = await matching(source, true, req);
      const invokedIfNeeded: WebhookSpec[] = [];
      let reinvoke: WebhookSpec[] = [];
      const run = async (hook: WebhookSpec): Promise<boolean> => {
        try {
          return applyPatch(hook, req, await call(hook, req, true, o));
        } catch (err) {
          const e = failure(hook, err);
          if (e) throw e;
          return false;
        }
      };
      for (const hook of hooks) {
        const changed = await run(hook);
        if (changed) reinvoke = [...invokedIfNeeded];
        if (hook.reinvocationPolicy === 'IfNeeded') invokedIfNeeded.push(hook);
      }
      for (const hook of reinvoke) await run(hook);
    },
  };
}

export function validatingWebhooks(source: WebhookSource, o: WebhookOptions): AdmissionPlugin {
  return {
    name: 'ValidatingAdmissionWebhook',
    connect: true,
    async validate(req) {
      const hooks = await matching(source, false, req);
      const results = await Promise.all(hooks.map((hook) => call(hook, req, false, o).then(() => undefined, (err: unknown) => failure(hook, err))));
      const first = results.find((e) => e !== undefined);
      if (first) throw first;
    },
  };
}
