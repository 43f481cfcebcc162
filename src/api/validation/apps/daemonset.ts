// DaemonSet (ValidateDaemonSet[Spec|Update]).
import type { FieldError, KObject } from '../../types.js';
import { child, invalid, notSupported, required, type Path } from '../field.js';
import { goIntOrString, goLabelSelector, goQuote, goStruct } from '../govalue.js';
import { has, obj, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { validateLabelSelector } from '../selector.js';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, selectorMatchesTemplate, validatePositiveIntOrPercent, validateTemplateAlwaysRestart } from './common.js';

function rollingUpdate(ru: JsonObject, fld: Path): FieldError[] {
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, child(fld, 'maxUnavailable')), ...validatePositiveIntOrPercent(ru.maxSurge, child(fld, 'maxSurge'))];
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, child(fld, 'maxUnavailable')), ...notMoreThan100Percent(ru.maxSurge, child(fld, 'maxSurge')));
  const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const surge = intOrPercentValue(ru.maxSurge) !== 0;
  if (unavailable && surge) errs.push(invalid(child(fld, 'maxSurge'), goIntOrString(ru.maxSurge ?? 0), 'may not be set when maxUnavailable is non-zero'));
  if (!unavailable && !surge) errs.push(required(child(fld, 'maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function updateStrategy(spec: JsonObject, fld: Path): FieldError[] {
  const s = obj(spec.updateStrategy);
  const type = str(s.type);
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') return has(s, 'rollingUpdate') ? rollingUpdate(obj(s.rollingUpdate), child(fld, 'rollingUpdate')) : [required(child(fld, 'rollingUpdate'))];
  const ru = has(s, 'rollingUpdate') ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)';
  return [notSupported(fld, goStruct('apps.DaemonSetUpdateStrategy', [['Type', goQuote(type)], ['RollingUpdate', ru]]), ['RollingUpdate', 'OnDelete'])];
}

function daemonSetSpec(spec: JsonObject): FieldError[] {
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  errs.push(...selectorMatchesTemplate(spec, 'spec').errs);
  const sel = obj(spec.selector);
  if (has(spec, 'selector') && !Object.keys(obj(sel.matchLabels)).length && !(Array.isArray(sel.matchExpressions) && sel.matchExpressions.length)) {
    errs.push(invalid('spec.selector', goLabelSelector(sel), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validateTemplateAlwaysRestart(spec, 'spec', 'DaemonSet'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...updateStrategy(spec, 'spec.updateStrategy'));
  if (has(spec, 'revisionHistoryLimit')) errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export function validateDaemonSet(ds: KObject, old?: KObject): FieldError[] {
  const spec = obj(ds.spec);
  if (!old) return [...validateCoreObjectMeta(ds.metadata, true, nameIsDNSSubdomain), ...daemonSetSpec(spec)];
  const errs = [...validateCoreObjectMetaUpdate(ds.metadata, old.metadata), ...daemonSetSpec(spec)];
  return [...errs, ...validateImmutableField(spec.selector, obj(old.spec).selector, 'spec.selector', goLabelSelector(spec.selector))];
}
