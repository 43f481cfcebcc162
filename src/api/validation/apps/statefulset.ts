// StatefulSet (ValidateStatefulSet[Spec|Update]). Upstream does not validate the pod spec of
// a StatefulSet's template beyond labels and annotations; neither do we.
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, notSupported, required, type Path } from '../field.js';
import { GoLiteral, goIntOrString, goLabelSelector } from '../govalue.js';
import { has, obj, semanticEqual, str, type JsonObject } from '../json.js';
import { validateAnnotations, validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSLabel } from '../namefuncs.js';
import { validateLabels } from '../selector.js';
import { validatePodSpecificAnnotations } from '../pod/annotations.js';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, selectorMatchesTemplate, validatePositiveIntOrPercent, validateRequiredSelector } from './common.js';

const RETENTION = ['Retain', 'Delete'];

function updateStrategy(spec: JsonObject, fld: Path): FieldError[] {
  const s = obj(spec.updateStrategy);
  const type = str(s.type);
  if (!type) return [required(fld)];
  if (type === 'OnDelete') return has(s, 'rollingUpdate') ? [invalid(child(fld, 'rollingUpdate'), new GoLiteral('&apps.RollingUpdateStatefulSetStrategy{...}'), "only allowed for updateStrategy 'RollingUpdate'")] : [];
  if (type !== 'RollingUpdate') return [invalid(fld, new GoLiteral(`apps.StatefulSetUpdateStrategy{Type:"${type}", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`), "must be 'RollingUpdate' or 'OnDelete'")];
  if (!has(s, 'rollingUpdate')) return [];
  const ru = obj(s.rollingUpdate);
  const p = child(fld, 'rollingUpdate');
  const errs = nonNegative(ru.partition, child(p, 'partition'));
  if (has(ru, 'maxUnavailable')) {
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, child(p, 'maxUnavailable')));
    if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(child(p, 'maxUnavailable'), goIntOrString(ru.maxUnavailable), 'cannot be 0'));
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, child(p, 'maxUnavailable')));
  }
  return errs;
}

function templateForStatefulSet(spec: JsonObject): FieldError[] {
  const match = selectorMatchesTemplate(spec, 'spec');
  if (!match.ok) return [invalid('spec.selector', goLabelSelector(spec.selector), '')];
  const tmpl = obj(spec.template);
  const meta = obj(tmpl.metadata);
  return [...match.errs, ...validateLabels(obj(meta.labels), 'spec.template.labels'), ...validateAnnotations(obj(meta.annotations), 'spec.template.annotations'), ...validatePodSpecificAnnotations(meta.annotations, obj(tmpl.spec), 'spec.template.annotations')];
}

function statefulSetSpec(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = str(spec.podManagementPolicy);
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...updateStrategy(spec, 'spec.updateStrategy'));
  const policy = obj(spec.persistentVolumeClaimRetentionPolicy);
  if (has(spec, 'persistentVolumeClaimRetentionPolicy')) for (const f of ['whenDeleted', 'whenScaled']) if (!RETENTION.includes(str(policy[f]))) errs.push(notSupported(child('spec.persistentVolumeClaimRetentionPolicy', f), str(policy[f]), RETENTION));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (has(spec, 'ordinals')) errs.push(...nonNegative(obj(spec.ordinals).start, 'spec.ordinals.start'));
  errs.push(...validateRequiredSelector(spec, 'spec.selector', 'statefulset'), ...templateForStatefulSet(spec));
  const tspec = obj(obj(spec.template).spec);
  if (str(tspec.restartPolicy) !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', str(tspec.restartPolicy), ['Always']));
  if (has(tspec, 'activeDeadlineSeconds')) errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  return errs;
}

const MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

export function validateStatefulSet(ss: KObject, old?: KObject): FieldError[] {
  const spec = obj(ss.spec);
  if (!old) return [...validateCoreObjectMeta(ss.metadata, true, nameIsDNSLabel), ...statefulSetSpec(spec)];
  const errs = [...validateCoreObjectMetaUpdate(ss.metadata, old.metadata), ...statefulSetSpec(spec)];
  const strip = (s: JsonObject): JsonObject => Object.fromEntries(Object.entries(s).filter(([k]) => !MUTABLE.includes(k)));
  if (!semanticEqual(strip(spec), strip(obj(old.spec)))) {
    errs.push(forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
  }
  return errs;
}
