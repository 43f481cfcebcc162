// storage.k8s.io CSIDriver (ValidateCSIDriver[Update]) and core's ValidateCSIDriverName, which
// CSINode and VolumeAttachment use for driver names too.
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, index, invalid, notSupported, required, tooLong, type Path } from '../field.js';
import { GoLiteral, goQuote } from '../govalue.js';
import { has, obj, objs, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isDNS1123Subdomain } from '../names.js';

const FS_GROUP_POLICIES = ['File', 'None', 'ReadWriteOnceWithFSType'];
const LIFECYCLE_MODES = ['Persistent', 'Ephemeral'];
const MIN_TOKEN_SECONDS = 600;
const MAX_TOKEN_SECONDS = 2 ** 32;

/** core validation's ValidateCSIDriverName: required, at most 63 bytes, a DNS subdomain (lowercased). */
export function validateCSIDriverName(name: string, fld: Path): FieldError[] {
  const errs: FieldError[] = name ? [] : [required(fld)];
  if (name.length > 63) errs.push(tooLong(fld, 63));
  errs.push(...isDNS1123Subdomain(name.toLowerCase()).map((m) => invalid(fld, name, m)));
  return errs;
}

function tokenRequests(list: JsonObject[], fld: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const p = index(fld, i);
    const audience = str(t.audience);
    if (seen.has(audience)) {
      errs.push(duplicate(child(p, 'audience'), audience));
      return;
    }
    seen.add(audience);
    if (typeof t.expirationSeconds !== 'number') return;
    if (t.expirationSeconds < MIN_TOKEN_SECONDS) errs.push(invalid(child(p, 'expirationSeconds'), t.expirationSeconds, 'may not specify a duration less than 10 minutes'));
    if (t.expirationSeconds > MAX_TOKEN_SECONDS) errs.push(invalid(child(p, 'expirationSeconds'), t.expirationSeconds, 'may not specify a duration larger than 2^32 seconds'));
  });
  return errs;
}

function spec(s: JsonObject, fld: Path): FieldError[] {
  // Upstream's path for attachRequired is spec.attachedRequired.
  const errs = (['attachedRequired', 'podInfoOnMount', 'storageCapacity'] as const)
    .filter((f) => !has(s, f === 'attachedRequired' ? 'attachRequired' : f))
    .map((f) => required(child(fld, f)));
  const policy = s.fsGroupPolicy;
  if (has(s, 'fsGroupPolicy') && !FS_GROUP_POLICIES.includes(str(policy))) errs.push(notSupported(child(fld, 'fsGroupPolicy'), str(policy), FS_GROUP_POLICIES));
  errs.push(...tokenRequests(objs(s.tokenRequests), child(fld, 'tokenRequests')));
  for (const mode of strList(s.volumeLifecycleModes) ?? []) {
    if (!LIFECYCLE_MODES.includes(mode)) errs.push(notSupported(child(fld, 'volumeLifecycleModes'), mode, LIFECYCLE_MODES));
  }
  if (!has(s, 'seLinuxMount')) errs.push(required(child(fld, 'seLinuxMount')));
  return errs;
}

/** %#v of a []storage.VolumeLifecycleMode. */
const goModes = (v: unknown): GoLiteral => {
  const modes = strList(v);
  return new GoLiteral(modes ? `[]storage.VolumeLifecycleMode{${modes.map(goQuote).join(', ')}}` : '[]storage.VolumeLifecycleMode(nil)');
};

export function validateCSIDriver(driver: KObject, old?: KObject): FieldError[] {
  const s = obj(driver.spec);
  if (!old) return [...validateCoreObjectMeta(driver.metadata, false, nameIsDNSSubdomain), ...spec(s, 'spec')];
  const o = obj(old.spec);
  return [
    ...validateCoreObjectMetaUpdate(driver.metadata, old.metadata),
    ...spec(s, 'spec'),
    ...validateImmutableField(s.attachRequired ?? null, o.attachRequired ?? null, 'spec.attachedRequired'),
    ...validateImmutableField(s.volumeLifecycleModes ?? null, o.volumeLifecycleModes ?? null, 'spec.volumeLifecycleModes', goModes(s.volumeLifecycleModes)),
  ];
}
