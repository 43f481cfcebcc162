// autoscaling HorizontalPodAutoscaler (v2 shape; v1's targetCPUUtilizationPercentage too).
import type { FieldError, KObject } from '../../types.js';
import { child, forbidden, index, invalid, notSupported, required, type Path } from '../field.js';
import { has, obj, objs, optNum, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from '../meta.js';
import { nameIsDNSSubdomain, pathSegmentName } from '../namefuncs.js';
import { quantityOf } from '../quantity.js';

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, string> = { ContainerResource: 'containerResource', External: 'external', Object: 'object', Pods: 'pods', Resource: 'resource' };

function crossRef(ref: JsonObject, fld: Path): FieldError[] {
  return ['kind', 'name'].flatMap((f) => (str(ref[f]) ? pathSegmentName(str(ref[f]), false).map((m) => invalid(child(fld, f), str(ref[f]), m)) : [required(child(fld, f))]));
}

function target(t: JsonObject, fld: Path): FieldError[] {
  const type = str(t.type);
  const errs = type ? [] : [required(child(fld, 'type'), 'must specify a metric target type')];
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) errs.push(invalid(child(fld, 'type'), type, 'must be either Utilization, Value, or AverageValue'));
  for (const f of ['value', 'averageValue']) {
    const q = quantityOf(t[f]);
    if (q && q.nano <= 0n) errs.push(invalid(child(fld, f), str(t[f]), 'must be positive'));
  }
  const u = optNum(t.averageUtilization);
  if (u !== undefined && u < 1) errs.push(invalid(child(fld, 'averageUtilization'), u, 'must be greater than 0'));
  return errs;
}

function resourceSource(src: JsonObject, fld: Path): FieldError[] {
  const errs = str(src.name) ? [] : [required(child(fld, 'name'), 'must specify a resource name')];
  const t = obj(src.target);
  errs.push(...target(t, child(fld, 'target')));
  if (!has(t, 'averageUtilization') && !has(t, 'averageValue')) errs.push(required(child(fld, 'target', 'averageUtilization'), 'must set either a target raw value or a target utilization'));
  if (has(t, 'averageUtilization') && has(t, 'averageValue')) errs.push(forbidden(child(fld, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'));
  return errs;
}

function metric(m: JsonObject, fld: Path): FieldError[] {
  const type = str(m.type);
  const errs = type ? [] : [required(child(fld, 'type'), 'must specify a metric source type')];
  if (!METRIC_TYPES.includes(type)) errs.push(notSupported(child(fld, 'type'), type, METRIC_TYPES));
  const present = Object.values(SOURCE_FIELD).filter((f) => has(m, f));
  if (present[0] === 'resource' || present[0] === 'containerResource') errs.push(...resourceSource(obj(m[present[0]]), child(fld, present[0])));
  const expected = type.toLowerCase() === 'containerresource' ? 'containerResource' : type.toLowerCase();
  if (!present.includes(expected)) errs.push(required(child(fld, expected), 'must populate information for the given metric source'));
  if (present.length !== 1) for (const f of present.filter((f) => f !== expected)) errs.push(forbidden(child(fld, f), 'must populate the given metric source only'));
  return errs;
}

function hpaSpec(spec: JsonObject, v1: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const min = optNum(spec.minReplicas);
  const max = optNum(spec.maxReplicas) ?? 0;
  if (min !== undefined && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (min !== undefined && max < min) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...crossRef(obj(spec.scaleTargetRef), 'spec.scaleTargetRef'));
  if (v1) {
    const u = optNum(spec.targetCPUUtilizationPercentage);
    if (u !== undefined && u < 1) errs.push(invalid('spec.metrics[0].resource.target.averageUtilization', u, 'must be greater than 0'));
    return errs;
  }
  objs(spec.metrics).forEach((m, i) => errs.push(...metric(m, index('spec.metrics', i))));
  return errs;
}

export function validateHorizontalPodAutoscaler(hpa: KObject, old?: KObject): FieldError[] {
  const v1 = str(hpa.apiVersion) === 'autoscaling/v1';
  const meta = old ? validateCoreObjectMetaUpdate(hpa.metadata, old.metadata) : validateCoreObjectMeta(hpa.metadata, true, nameIsDNSSubdomain);
  return [...meta, ...hpaSpec(obj(hpa.spec), v1)];
}
