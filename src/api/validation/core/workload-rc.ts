// ReplicationController (ValidateReplicationController[Update]) and core Event basics.
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, invalid, notSupported, required } from '../field.js';
import { has, obj, optNum, str, strMap } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { mapAsSelector } from '../selector.js';
import { validatePodTemplateSpec } from '../pod/template.js';

function rcSpec(rc: KObject): FieldError[] {
  const spec = obj(rc.spec);
  const errs: FieldError[] = [];
  const minReady = optNum(spec.minReadySeconds) ?? 0;
  if (minReady < 0) errs.push(invalid('spec.minReadySeconds', minReady, 'must be greater than or equal to 0'));
  const selector = strMap(spec.selector);
  if (mapAsSelector(selector).empty) errs.push(required('spec.selector'));
  const replicas = optNum(spec.replicas) ?? 0;
  if (replicas < 0) errs.push(invalid('spec.replicas', replicas, 'must be greater than or equal to 0'));
  if (!has(spec, 'template')) return [...errs, required('spec.template')];
  const tmpl = obj(spec.template);
  const labels = strMap(obj(tmpl.metadata).labels);
  const sel = mapAsSelector(selector);
  if (!sel.empty && !sel.matches(labels)) errs.push(invalid('spec.template.metadata.labels', labels ?? null, '`selector` does not match template `labels`'));
  errs.push(...validatePodTemplateSpec(tmpl, 'spec.template'));
  const rp = str(obj(tmpl.spec).restartPolicy);
  if (rp !== 'Always') errs.push(notSupported(child('spec.template.spec', 'restartPolicy'), rp, ['Always']));
  if (has(obj(tmpl.spec), 'activeDeadlineSeconds')) errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  return errs;
}

export function validateReplicationController(rc: KObject, old?: KObject): FieldError[] {
  const meta = old ? validateCoreObjectMetaUpdate(rc.metadata, old.metadata) : validateCoreObjectMeta(rc.metadata, true, nameIsDNSSubdomain);
  return [...meta, ...rcSpec(rc)];
}

/** core Event: metadata and the involved object's namespace. */
export function validateEvent(ev: KObject, old?: KObject): FieldError[] {
  const errs = old ? validateCoreObjectMetaUpdate(ev.metadata, old.metadata) : validateCoreObjectMeta(ev.metadata, true, nameIsDNSSubdomain);
  const involvedNs = str(obj(ev.involvedObject).namespace);
  if (involvedNs && involvedNs !== str(ev.metadata.namespace)) errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
  return errs;
}
