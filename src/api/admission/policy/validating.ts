// The ValidatingAdmissionPolicy plugin (apiserver's policy/validating dispatcher and validator):
// each policy whose matchConstraints match the request, through each of its bindings whose
// matchResources match, once per param the binding selects: matchConditions, then every
// validation's CEL expression. A false one is a violation with its message (messageExpression,
// message, or "failed expression: …") that the binding's validationActions turn into the denial
// (Deny, the first one wins), a warning (Warn) or nothing here (Audit); an error follows the
// policy's failurePolicy.
import type { AdmissionPlugin, AdmissionRequest } from '../../registry/admission.js';
import type { ObjectStorage } from '../../storage/storage.js';
import type { KObject } from '../../types.js';
import type { ResourceDescriptor } from '../../resources/types.js';
import { Mirror, MirrorGroup } from '../../storage/mirror.js';
import { findByKind } from '../../resources/index.js';
import { namespace as namespaceResource } from '../../resources/namespace.js';
import { validatingAdmissionPolicy } from '../../resources/validatingadmissionpolicy.js';
import { validatingAdmissionPolicyBinding } from '../../resources/validatingadmissionpolicybinding.js';
import { forbidden, notFound, StatusError, type Status } from '../../errors.js';
import { fromLabelSelector, matchesLabels } from '../../selectors/labels.js';
import { isExempt, matchesResources, requestNamespace, type LabelSelectorJson, type MatchResources } from '../webhook/match.js';
import { admissionReview } from '../webhook/review.js';
import { CelError, celReady, evaluate, lazyVariables, toCel, type Activation } from '../../cel/cel.js';

interface Expression { name: string; expression: string }
interface Validation { expression: string; message?: string; messageExpression?: string; reason?: string }

interface PolicySpec {
  failurePolicy?: 'Fail' | 'Ignore';
  paramKind?: { apiVersion?: string; kind?: string };
  matchConstraints?: MatchResources;
  validations?: Validation[];
  matchConditions?: Expression[];
  variables?: Expression[];
}

interface BindingSpec {
  policyName?: string;
  paramRef?: { name?: string; namespace?: string; selector?: LabelSelectorJson; parameterNotFoundAction?: 'Allow' | 'Deny' };
  matchResources?: MatchResources;
  validationActions?: ('Deny' | 'Warn' | 'Audit')[];
}

const specOf = <T>(o: KObject): T => (o.spec ?? {}) as T;
const byName = (a: KObject, b: KObject): number => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0);

interface Decision { message: string; reason?: string }
interface Denied extends Decision { policy: string; binding?: string }

/** Why a binding or policy cannot be applied (the dispatcher's configuration errors). */
class ConfigError extends Error {}

export class PolicySource extends MirrorGroup {
  private readonly policies: Mirror;
  private readonly bindings: Mirror;
  constructor(private readonly storage: ObjectStorage, private readonly kinds: () => readonly ResourceDescriptor[]) {
    const policies = new Mirror(storage, validatingAdmissionPolicy);
    const bindings = new Mirror(storage, validatingAdmissionPolicyBinding);
    super([policies, bindings]);
    this.policies = policies;
    this.bindings = bindings;
  }
  /** Each policy (name order) with its bindings (name order). */
  hooks(): { policy: KObject; bindings: KObject[] }[] {
    const bindings = this.bindings.all().sort(byName);
    return this.policies.all().sort(byName).map((policy) => ({ policy, bindings: bindings.filter((b) => specOf<BindingSpec>(b).policyName === policy.metadata.name) }))
      .filter((h) => h.bindings.length > 0);
  }
  async namespace(name: string): Promise<KObject | undefined> {
    return this.storage.tryGet(namespaceResource, undefined, name);
  }
  /** generic.CollectParams: the params a binding selects ([undefined] when the policy takes none). */
  async params(kind: PolicySpec['paramKind'], ref: BindingSpec['paramRef'], requestNs: string): Promise<(KObject | undefined)[]> {
    if (!kind || !ref) return [undefined];
    const [group, version] = (kind.apiVersion ?? '').includes('/') ? kind.apiVersion!.split('/') as [string, string] : ['', kind.apiVersion ?? ''];
    const d = findByKind(group, version, kind.kind ?? '', this.kinds());
    // ParamKind.String(), as gogo-protobuf generates it
    if (!d) throw new ConfigError(`paramKind kind \`&ParamKind{APIVersion:${kind.apiVersion ?? ''},Kind:${kind.kind ?? ''},}\` not known`);
    let ns: string | undefined;
    if (d.namespaced) {
      ns = ref.namespace || requestNs;
      if (!ns) throw new ConfigError('cannot use namespaced paramRef in policy binding that matches cluster-scoped resources');
    } else if (ref.namespace) throw new ConfigError('paramRef.namespace must not be provided for a cluster-scoped `paramKind`');
    let params: KObject[];
    if (ref.name) {
      const p = await this.storage.tryGet(d, ns, ref.name);
      params = p ? [p] : [];
    } else if (ref.selector) {
      const sel = fromLabelSelector(ref.selector);
      params = (await this.storage.list(d, ns)).items.filter((o) => matchesLabels(sel, o.metadata.labels ?? {}));
    } else throw new ConfigError('one of name or selector must be provided');
    if (params.length === 0 && ref.parameterNotFoundAction === 'Deny') throw new ConfigError('no params found for policy binding with `Deny` parameterNotFoundAction');
    return params.map((p) => ({ ...p, apiVersion: kind.apiVersion, kind: kind.kind }) as KObject);
  }
}

/** A match that names a namespace that is not there is the request's 404. */
async function matches(mr: MatchResources | undefined, req: AdmissionRequest, source: PolicySource): Promise<boolean> {
  if (!mr) return true;
  const m = await matchesResources(mr, req, async (n) => {
    const ns = await source.namespace(n);
    return ns ? ns.metadata.labels ?? {} : undefined;
  });
  if ('error' in m) throw notFound({ group: '', resource: 'namespaces' }, m.namespace);
  return m.call;
}

/** The validator: the violations of one policy for one param (errors as violations under Fail). */
function validate(spec: PolicySpec, ctx: Activation): Decision[] {
  const fail = spec.failurePolicy !== 'Ignore';
  const onError = (err: unknown): Decision[] => (fail ? [{ message: (err as Error).message }] : []);
  const full: Activation = { ...ctx };
  full.variables = lazyVariables(spec.variables ?? [], full);
  for (const c of spec.matchConditions ?? []) {
    try {
      if (evaluate(c.expression, full) !== true) return [];
    } catch (err) {
      return onError(err instanceof CelError ? err : new CelError(String(err), String(err)));
    }
  }
  const out: Decision[] = [];
  for (const v of spec.validations ?? []) {
    let ok: unknown;
    try {
      ok = evaluate(v.expression, full);
    } catch (err) {
      out.push(...onError(err));
      continue;
    }
    if (ok === true) continue;
    let message = '';
    if (v.messageExpression) {
      try {
        const m = evaluate(v.messageExpression, full);
        if (typeof m === 'string' && !m.includes('\n')) message = m.trim();
      } catch {
        // a failing messageExpression falls back to the message
      }
    }
    if (!message && v.message) message = v.message.trim();
    if (!message) message = `failed expression: ${v.expression.trim()}`;
    out.push({ message, reason: v.reason || 'Invalid' });
  }
  return out;
}

const REASON_CODES: Record<string, number> = { Unauthorized: 401, Forbidden: 403, RequestEntityTooLarge: 413, Invalid: 422 };

/** The denial: admission.NewForbidden's status with the decision's reason and its code, the message as a cause. */
function deniedError(req: AdmissionRequest, d: Denied): StatusError {
  const message = d.binding !== undefined
    ? `ValidatingAdmissionPolicy '${d.policy}' with binding '${d.binding}' denied request: ${d.message}`
    : `ValidatingAdmissionPolicy '${d.policy}' denied request: ${d.message}`;
  const name = req.name || req.obj?.metadata.name || req.obj?.metadata.generateName || 'Unknown';
  const base = forbidden({ group: req.d.group, resource: req.d.plural }, name, message).status;
  const reason = d.reason || 'Invalid';
  const status: Status = { ...base, reason, code: REASON_CODES[reason] ?? 400, details: { ...base.details, causes: [{ message }] } };
  return new StatusError(status);
}

export function validatingPolicies(source: PolicySource): AdmissionPlugin {
  return {
    name: 'ValidatingAdmissionPolicy',
    connect: true,
    async validate(req) {
      if (isExempt(req)) return;
      const denied: Denied[] = [];
      const warn = (w: string): void => void (req.ctx.warnings.includes(w) || req.ctx.warnings.push(w));
      for (const { policy, bindings } of source.hooks()) {
        const spec = specOf<PolicySpec>(policy);
        const policyName = policy.metadata.name!;
        const configError = (err: unknown, binding?: string): void => {
          if (spec.failurePolicy === 'Ignore') return;
          denied.push({ policy: policyName, binding, message: `failed to configure ${binding === undefined ? 'policy' : 'binding'}: ${(err as Error).message}` });
        };
        if (!(await matches(spec.matchConstraints ?? {}, req, source))) continue;
        for (const b of bindings) {
          const bspec = specOf<BindingSpec>(b);
          const bindingName = b.metadata.name!;
          if (!(await matches(bspec.matchResources, req, source))) continue;
          let params: (KObject | undefined)[];
          try {
            params = await source.params(spec.paramKind, bspec.paramRef, requestNamespace(req));
          } catch (err) {
            if (!(err instanceof ConfigError)) throw err;
            configError(err, bindingName);
            continue;
          }
          const nsName = req.d.group === '' && req.d.kind === 'Namespace' ? '' : requestNamespace(req);
          const ns = nsName ? await source.namespace(nsName) : undefined;
          await celReady();
          for (const param of params) {
            const ctx: Activation = {
              object: toCel(req.op === 'DELETE' ? null : req.obj ?? null),
              oldObject: toCel(req.op === 'CREATE' ? null : req.old ?? null),
              params: toCel(param ?? null),
              request: toCel(admissionReview(req, '').request),
              namespaceObject: toCel(ns ?? null),
            };
            for (const d of validate(spec, ctx)) {
              for (const action of bspec.validationActions ?? []) {
                if (action === 'Deny') denied.push({ ...d, policy: policyName, binding: bindingName });
                if (action === 'Warn') warn(`Validation failed for ValidatingAdmissionPolicy '${policyName}' with binding '${bindingName}': ${d.message}`);
              }
            }
          }
        }
      }
      if (denied.length) throw deniedError(req, denied[0]!);
    },
  };
}
