// pods/ephemeralcontainers updates (ValidatePodEphemeralContainersUpdate): debug containers may be
// added, but an existing one may be neither removed nor changed.
import type { FieldError } from '../../types.js';
import { forbidden, key } from '../field.js';
import { objs, semanticEqual, str, type JsonObject } from '../json.js';
import { structDiff } from './diff.js';

const PATH = 'spec.ephemeralContainers';

export function validateEphemeralContainersUpdate(newSpec: JsonObject, oldSpec: JsonObject): FieldError[] {
  const now = new Map(objs(newSpec.ephemeralContainers).map((c) => [str(c.name), c]));
  const errs: FieldError[] = [];
  for (const old of objs(oldSpec.ephemeralContainers)) {
    const name = str(old.name);
    const cur = now.get(name);
    if (!cur) errs.push(forbidden(PATH, `existing ephemeral containers "${name}" may not be removed\n`));
    else if (!semanticEqual(cur, old)) {
      errs.push(forbidden(key(PATH, name), `existing ephemeral containers "${name}" may not be changed\n${structDiff('core.EphemeralContainer', old, cur)}`));
    }
  }
  return errs;
}
