// The bridge between client-side and server-side apply for the manager `kubectl`: conflicts on
// fields the last-applied annotation set (and that still hold that value) do not stop the apply
// (lastAppliedManager), and an object that has the annotation gets it rewritten from the applied
// configuration (lastAppliedUpdater).
import { goJsonMarshal } from '../../printers/jsonpath/gojson.js';
import { compareValues } from './compare.js';
import type { FieldSet } from './field-set.js';
import type { FieldManagerScope } from './scope.js';
import { toFieldSet } from './to-field-set.js';
import { metaOf, type ObjectJson } from './track-update.js';
import { validateValue } from './validate.js';
import { isObject, type Json, type JsonObject } from './values.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The manager name these rules are for. */
export const KUBECTL = 'kubectl';

function lastApplied(o: ObjectJson): string | undefined {
  const ann = metaOf(o).annotations;
  const v = isObject(ann) ? ann[LAST_APPLIED] : undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** allowedConflictsFromLastApplied: undefined when the annotation is missing or unusable. */
export function allowedByLastApplied(scope: FieldManagerScope, live: ObjectJson): FieldSet | undefined {
  const text = lastApplied(live);
  if (text === undefined) return undefined;
  let obj: Json;
  try {
    obj = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  if (!isObject(obj) || obj.apiVersion !== scope.apiVersion) return undefined;
  const { schema, type } = scope.typed;
  if (validateValue(schema, type, obj) !== undefined) return undefined;
  const c = compareValues(schema, type, obj, live);
  return toFieldSet(schema, type, obj).difference(c.modified).difference(c.added).difference(c.removed);
}

/** buildLastApplied: the configuration without the annotation, as json.Encoder writes it. */
function buildLastApplied(config: ObjectJson): string {
  const copy = structuredClone(config);
  const meta = copy.metadata;
  if (isObject(meta) && isObject(meta.annotations)) delete meta.annotations[LAST_APPLIED];
  return `${goJsonMarshal(copy)}\n`;
}

/** lastAppliedUpdater: the object with its annotation replaced, when it has one. */
export function updateLastApplied(manager: string, result: ObjectJson, config: ObjectJson): ObjectJson {
  if (manager !== KUBECTL || lastApplied(result) === undefined) return result;
  const meta = metaOf(result);
  const annotations: JsonObject = { ...(meta.annotations as JsonObject), [LAST_APPLIED]: buildLastApplied(config) };
  return { ...result, metadata: { ...meta, annotations } };
}
