// storage.k8s.io StorageClass (ValidateStorageClass[Update]).
import type { FieldError, KObject } from '../../types.js';
import { forbidden, index, invalid, notSupported, required, tooLong } from '../field.js';
import { has, obj, objs, str } from '../json.js';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isQualifiedName } from '../names.js';
import { validateNodeSelectorTerm } from '../pod/affinity.js';

const MAX_PARAMS = 512;
const MAX_PARAMS_SIZE = 256 * 1024;

function parameters(params: Record<string, unknown>): FieldError[] {
  const entries = Object.entries(params);
  if (entries.length > MAX_PARAMS) return [tooLong('parameters', MAX_PARAMS)];
  const errs: FieldError[] = entries.filter(([k]) => !k).map(([k]) => invalid('parameters', k, 'field can not be empty.'));
  const size = entries.reduce((n, [k, v]) => n + k.length + str(v).length, 0);
  if (size > MAX_PARAMS_SIZE) errs.push(tooLong('parameters', MAX_PARAMS_SIZE));
  return errs;
}

function storageClassFields(sc: KObject): FieldError[] {
  const prov = str(sc.provisioner);
  const errs = prov ? isQualifiedName(prov.toLowerCase()).map((m) => invalid('provisioner', prov.toLowerCase(), m)) : [required('provisioner')];
  errs.push(...parameters(obj(sc.parameters)));
  const policy = str(sc.reclaimPolicy);
  if (policy && policy !== 'Delete' && policy !== 'Retain') errs.push(notSupported('reclaimPolicy', policy, ['Delete', 'Retain']));
  const mode = sc.volumeBindingMode;
  if (mode === undefined) errs.push(required('volumeBindingMode'));
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(str(mode))) errs.push(notSupported('volumeBindingMode', str(mode), ['Immediate', 'WaitForFirstConsumer']));
  objs(sc.allowedTopologies).forEach((t, i) => errs.push(...validateNodeSelectorTerm({ matchExpressions: objs(t.matchLabelExpressions).map((e) => ({ ...e, operator: 'In' })) }, index('allowedTopologies', i))));
  return errs;
}

export function validateStorageClass(sc: KObject, old?: KObject): FieldError[] {
  if (!old) return [...validateCoreObjectMeta(sc.metadata, false, nameIsDNSSubdomain), ...storageClassFields(sc)];
  const errs = validateCoreObjectMetaUpdate(sc.metadata, old.metadata);
  if (JSON.stringify(obj(sc.parameters)) !== JSON.stringify(obj(old.parameters))) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (str(sc.provisioner) !== str(old.provisioner)) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (has(sc, 'reclaimPolicy') && str(sc.reclaimPolicy) !== str(old.reclaimPolicy)) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  return [...errs, ...validateImmutableField(sc.volumeBindingMode, old.volumeBindingMode, 'volumeBindingMode')];
}
