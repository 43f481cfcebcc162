// node.k8s.io RuntimeClass (ValidateRuntimeClass[Update]): the handler is a DNS label and never
// changes; overhead is checked as a container's limits; scheduling's node selector as labels and
// its tolerations as a pod's, without duplicates.
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, index, invalid, type Path } from '../field.js';
import { GoLiteral, goQuote } from '../govalue.js';
import { has, isObject, obj, objs, optNum, str, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../namefuncs.js';
import { validateResourceRequirements } from '../pod/resources.js';
import { validateTolerations } from '../pod/scheduling.js';
import { validateLabels } from '../selector.js';

/** %#v of a core.Toleration (a set tolerationSeconds prints as a pointer, whose address Go makes up). */
function goToleration(t: JsonObject): GoLiteral {
  const seconds = optNum(t.tolerationSeconds) === undefined ? '(*int64)(nil)' : '(*int64)(0xc000000000)';
  const fields = ['key', 'operator', 'value', 'effect'].map((k) => `${k.charAt(0).toUpperCase()}${k.slice(1)}:${goQuote(str(t[k]))}`);
  return new GoLiteral(`core.Toleration{${fields.join(', ')}, TolerationSeconds:${seconds}}`);
}

function tolerations(list: unknown, fld: Path): FieldError[] {
  const errs = validateTolerations(list, fld);
  const seen = new Set<string>();
  objs(list).forEach((t, i) => {
    const k = JSON.stringify(['key', 'operator', 'value', 'effect'].map((f) => str(t[f])));
    if (seen.has(k)) errs.push(duplicate(index(fld, i), goToleration(t)));
    seen.add(k);
  });
  return errs;
}

function scheduling(s: JsonObject, fld: Path): FieldError[] {
  const errs = isObject(s.nodeSelector) ? validateLabels(s.nodeSelector, child(fld, 'nodeSelector')) : [];
  return [...errs, ...tolerations(s.tolerations, child(fld, 'tolerations'))];
}

function fields(rc: KObject): FieldError[] {
  const handler = str(rc.handler);
  const errs = nameIsDNSLabel(handler, false).map((m) => invalid('handler', handler, m));
  if (isObject(rc.overhead)) errs.push(...validateResourceRequirements({ limits: obj(rc.overhead).podFixed }, 'overhead'));
  if (has(rc, 'scheduling') && isObject(rc.scheduling)) errs.push(...scheduling(rc.scheduling, 'scheduling'));
  return errs;
}

export function validateRuntimeClass(rc: KObject, old?: KObject): FieldError[] {
  const errs = [...validateCoreObjectMeta(rc.metadata, false, nameIsDNSSubdomain), ...fields(rc)];
  if (!old) return errs;
  return [...errs, ...validateCoreObjectMetaUpdate(rc.metadata, old.metadata), ...validateImmutableField(str(rc.handler), str(old.handler), 'handler')];
}
