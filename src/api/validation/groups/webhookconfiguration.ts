// admissionregistration.k8s.io Mutating/ValidatingWebhookConfiguration
// (Validate{Mutating,Validating}WebhookConfiguration[Update]). On update, the stricter v1 rules
// (no side effects, a recognised AdmissionReview version, unique names) apply only when the old
// object already met them, as upstream relaxes them for objects stored by older versions.
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, index, invalid, notSupported, required, type Path } from '../field.js';
import { isObject, obj, objs, optNum, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isDNS1035Label, isDNS1123Subdomain } from '../names.js';
import { validateLabelSelector } from '../selector.js';
import { FAILURE_POLICIES, MATCH_POLICIES, validateClientConfig, validateMatchConditions, validateRuleWithOperations } from './admission-rules.js';

const SIDE_EFFECTS = ['None', 'NoneOnDryRun', 'Some', 'Unknown'];
const NO_SIDE_EFFECTS = ['None', 'NoneOnDryRun'];
const REINVOCATION = ['IfNeeded', 'Never'];
const REVIEW_VERSIONS = ['v1', 'v1beta1'];

interface Options {
  noSideEffects: boolean;
  recognisedVersion: boolean;
  uniqueNames: boolean;
  matchConditions: boolean;
}

/** utilvalidation.IsFullyQualifiedName. */
function fullyQualifiedName(name: string, fld: Path): FieldError[] {
  if (!name) return [required(fld)];
  const msgs = isDNS1123Subdomain(name);
  if (msgs.length) return [invalid(fld, name, msgs.join(','))];
  return name.split('.').length < 3 ? [invalid(fld, name, 'should be a domain with at least three segments separated by dots')] : [];
}

function policies(hook: JsonObject, fld: Path, opts: Options): FieldError[] {
  const errs: FieldError[] = [];
  const failure = hook.failurePolicy;
  if (failure != null && !FAILURE_POLICIES.includes(str(failure))) errs.push(notSupported(child(fld, 'failurePolicy'), str(failure), FAILURE_POLICIES));
  const match = hook.matchPolicy;
  if (match != null && !MATCH_POLICIES.includes(str(match))) errs.push(notSupported(child(fld, 'matchPolicy'), str(match), MATCH_POLICIES));
  const allowed = opts.noSideEffects ? NO_SIDE_EFFECTS : SIDE_EFFECTS;
  if (hook.sideEffects == null) errs.push(required(child(fld, 'sideEffects'), `must specify one of ${allowed.join(', ')}`));
  else if (!allowed.includes(str(hook.sideEffects))) errs.push(notSupported(child(fld, 'sideEffects'), str(hook.sideEffects), allowed));
  const timeout = optNum(hook.timeoutSeconds);
  if (timeout !== undefined && (timeout > 30 || timeout < 1)) errs.push(invalid(child(fld, 'timeoutSeconds'), timeout, 'the timeout value must be between 1 and 30 seconds'));
  return errs;
}

function webhook(hook: JsonObject, mutating: boolean, fld: Path, opts: Options): FieldError[] {
  const errs = fullyQualifiedName(str(hook.name), child(fld, 'name'));
  objs(hook.rules).forEach((r, i) => errs.push(...validateRuleWithOperations(r, index(child(fld, 'rules'), i))));
  errs.push(...policies(hook, fld, opts));
  for (const s of ['namespaceSelector', 'objectSelector']) if (isObject(hook[s])) errs.push(...validateLabelSelector(hook[s], child(fld, s)));
  const reinvocation = hook.reinvocationPolicy;
  if (mutating && reinvocation != null && !REINVOCATION.includes(str(reinvocation))) errs.push(notSupported(child(fld, 'reinvocationPolicy'), str(reinvocation), REINVOCATION));
  errs.push(...validateClientConfig(obj(hook.clientConfig), child(fld, 'clientConfig')));
  if (opts.matchConditions) errs.push(...validateMatchConditions(hook.matchConditions, child(fld, 'matchConditions')));
  return errs;
}

function reviewVersions(versions: string[], requireKnown: boolean, fld: Path): FieldError[] {
  if (!versions.length) return [required(fld, `must specify one of ${REVIEW_VERSIONS.join(', ')}`)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v)) return void errs.push(invalid(index(fld, i), v, 'duplicate version'));
    seen.add(v);
    errs.push(...isDNS1035Label(v).map((m) => invalid(index(fld, i), v, m)));
  });
  if (requireKnown && !versions.some((v) => REVIEW_VERSIONS.includes(v))) errs.push(invalid(fld, versions, `must include at least one of ${REVIEW_VERSIONS.join(', ')}`));
  return errs;
}

function configuration(c: KObject, mutating: boolean, opts: Options): FieldError[] {
  const errs = validateCoreObjectMeta(c.metadata, false, nameIsDNSSubdomain);
  const names = new Set<string>();
  objs(c.webhooks).forEach((hook, i) => {
    const p = index('webhooks', i);
    errs.push(...webhook(hook, mutating, p, opts), ...reviewVersions(strList(hook.admissionReviewVersions) ?? [], opts.recognisedVersion, child(p, 'admissionReviewVersions')));
    const name = str(hook.name);
    if (opts.uniqueNames && name) {
      if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      names.add(name);
    }
  });
  return errs;
}

const STRICT: Options = { noSideEffects: true, recognisedVersion: true, uniqueNames: true, matchConditions: true };

/** The options of an update: each strict rule only if the old webhooks all met it. */
function updateOptions(c: KObject, old: KObject): Options {
  const hooks = objs(old.webhooks);
  const names = hooks.map((h) => str(h.name));
  const sameConditions = objs(c.webhooks).length === hooks.length && objs(c.webhooks).every((h, i) => JSON.stringify(h.matchConditions ?? null) === JSON.stringify(hooks[i]!.matchConditions ?? null));
  return {
    noSideEffects: hooks.every((h) => NO_SIDE_EFFECTS.includes(str(h.sideEffects))),
    recognisedVersion: hooks.every((h) => { const v = strList(h.admissionReviewVersions) ?? []; return !v.length || v.some((x) => REVIEW_VERSIONS.includes(x)); }),
    uniqueNames: new Set(names).size === names.length,
    matchConditions: !sameConditions,
  };
}

const validator = (mutating: boolean) => (c: KObject, old?: KObject): FieldError[] => configuration(c, mutating, old ? updateOptions(c, old) : STRICT);

export const validateMutatingWebhookConfiguration = validator(true);
export const validateValidatingWebhookConfiguration = validator(false);
