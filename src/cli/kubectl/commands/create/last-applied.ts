// util.CreateOrUpdateAnnotation: --save-config writes the object's own JSON (compact, Go field
// order, HTML-safe escapes, a final newline, the annotation itself left out) into
// kubectl.kubernetes.io/last-applied-configuration; an object that already carries the
// annotation has it refreshed even without the flag.
import type { Obj } from '../../../../client/types.js';
import { goCompactJson } from './go-json.js';
import { typedObject } from './go-typed.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function withAnnotations(obj: Obj, annotations: Record<string, string>): Obj {
  return { ...obj, metadata: { ...obj.metadata, annotations } };
}

/** The object with its last-applied annotation set or refreshed, as kubectl would send it. */
export function withLastApplied(obj: Obj, saveConfig: boolean): Obj {
  const current = obj.metadata.annotations ?? {};
  if (!saveConfig && !current[LAST_APPLIED]) return obj;
  const rest = { ...current };
  delete rest[LAST_APPLIED];
  const bare = withAnnotations(obj, rest);
  const encoded = `${goCompactJson(typedObject(bare) ?? bare)}\n`;
  return withAnnotations(obj, { ...rest, [LAST_APPLIED]: encoded });
}
