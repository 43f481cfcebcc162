// Deployment and ReplicaSet (ValidateDeployment[Spec|Update], ValidateReplicaSet[Spec|Update]).
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, notSupported, required, type Path } from '../field.js';
import { goIntOrString, goLabelSelector, goQuote, goStruct } from '../govalue.js';
import { has, obj, optNum, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, selectorMatchesTemplate, validatePositiveIntOrPercent, validateRequiredSelector, validateTemplateAlwaysRestart } from './common.js';

function rollingUpdate(ru: JsonObject, fld: Path): FieldError[] {
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, child(fld, 'maxUnavailable')), ...validatePositiveIntOrPercent(ru.maxSurge, child(fld, 'maxSurge'))];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(child(fld, 'maxUnavailable'), goIntOrString(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
  }
  return [...errs, ...notMoreThan100Percent(ru.maxUnavailable, child(fld, 'maxUnavailable'))];
}

function strategy(spec: JsonObject, fld: Path): FieldError[] {
  const s = obj(spec.strategy);
  const type = str(s.type);
  if (type === 'Recreate') return has(s, 'rollingUpdate') ? [forbidden(child(fld, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  if (type === 'RollingUpdate') {
    return has(s, 'rollingUpdate') ? rollingUpdate(obj(s.rollingUpdate), child(fld, 'rollingUpdate')) : [required(child(fld, 'rollingUpdate'), 'this should be defaulted and never be nil')];
  }
  const ru = has(s, 'rollingUpdate') ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)';
  return [notSupported(fld, goStruct('apps.DeploymentStrategy', [['Type', goQuote(type)], ['RollingUpdate', ru]]), ['Recreate', 'RollingUpdate'])];
}

/** Selector and template, as ReplicaSet and Deployment share them (ValidatePodTemplateSpecForReplicaSet). */
function selectorAndTemplate(spec: JsonObject): FieldError[] {
  const errs = validateRequiredSelector(spec, 'spec.selector', 'deployment');
  const match = selectorMatchesTemplate(spec, 'spec');
  if (!match.ok) return [...errs, invalid('spec.selector', goLabelSelector(spec.selector), 'invalid label selector')];
  return [...errs, ...match.errs, ...validateTemplateAlwaysRestart(spec, 'spec', 'ReplicaSet')];
}

function deploymentSpec(spec: JsonObject): FieldError[] {
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...selectorAndTemplate(spec)];
  errs.push(...strategy(spec, 'spec.strategy'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (has(spec, 'revisionHistoryLimit')) errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const pds = optNum(spec.progressDeadlineSeconds);
  if (pds !== undefined) {
    errs.push(...nonNegative(pds, 'spec.progressDeadlineSeconds'));
    if (pds <= (optNum(spec.minReadySeconds) ?? 0)) errs.push(invalid('spec.progressDeadlineSeconds', pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateDeployment(d: KObject, old?: KObject): FieldError[] {
  const spec = obj(d.spec);
  if (!old) return [...validateCoreObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...deploymentSpec(spec)];
  const errs = [...validateCoreObjectMetaUpdate(d.metadata, old.metadata), ...deploymentSpec(spec)];
  return [...errs, ...validateImmutableField(spec.selector, obj(old.spec).selector, 'spec.selector', goLabelSelector(spec.selector))];
}

function replicaSetSpec(spec: JsonObject): FieldError[] {
  return [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...selectorAndTemplate(spec)];
}

export function validateReplicaSet(rs: KObject, old?: KObject): FieldError[] {
  const spec = obj(rs.spec);
  if (!old) return [...validateCoreObjectMeta(rs.metadata, true, nameIsDNSSubdomain), ...replicaSetSpec(spec)];
  const errs = [...validateCoreObjectMetaUpdate(rs.metadata, old.metadata), ...replicaSetSpec(spec)];
  return [...errs, ...validateImmutableField(spec.selector, obj(old.spec).selector, 'spec.selector', goLabelSelector(spec.selector))];
}
