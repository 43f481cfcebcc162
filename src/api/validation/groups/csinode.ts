// storage.k8s.io CSINode (ValidateCSINode[Update]); the strategy allows long node IDs (256 bytes).
import type { FieldError, KObject } from '../../types.js';
import { child, duplicate, index, invalid, required, type Path } from '../field.js';
import { GoLiteral, goQuote, goStringSlice } from '../govalue.js';
import { objs, str, strList, type JsonObject } from '../json.js';
import { validateCoreObjectMeta, validateImmutableField } from '../meta.js';
import { nameIsDNSSubdomain } from '../namefuncs.js';
import { isQualifiedName } from '../names.js';
import { validateCSIDriverName } from './csidriver.js';

const NODE_ID_MAX = 256;

function nodeID(id: string, fld: Path): FieldError[] {
  const errs: FieldError[] = id ? [] : [required(fld)];
  if (id.length > NODE_ID_MAX) errs.push(invalid(fld, id, `must be ${NODE_ID_MAX} characters or less`));
  return errs;
}

function driver(d: JsonObject, names: Set<string>, fld: Path): FieldError[] {
  const name = str(d.name);
  const errs = [...validateCSIDriverName(name, child(fld, 'name')), ...nodeID(str(d.nodeID), child(fld, 'nodeID'))];
  const count = (d.allocatable as { count?: unknown } | undefined)?.count;
  if (typeof count === 'number' && count < 0) errs.push(invalid(child(fld, 'allocatable', 'count'), count, 'must be greater than or equal to 0'));
  if (names.has(name)) errs.push(duplicate(child(fld, 'name'), name));
  names.add(name);
  const keys = new Set<string>();
  for (const k of strList(d.topologyKeys) ?? []) {
    if (!k) errs.push(required(fld));
    if (keys.has(k)) errs.push(duplicate(fld, k));
    keys.add(k);
    errs.push(...isQualifiedName(k).map((m) => invalid(fld, k, m)));
  }
  return errs;
}

/** %#v of a storage.CSINodeDriver (a set allocatable prints as a pointer, whose address Go makes up). */
function goDriver(d: JsonObject): GoLiteral {
  const alloc = d.allocatable ? '(*storage.VolumeNodeResources)(0xc000000000)' : '(*storage.VolumeNodeResources)(nil)';
  return new GoLiteral(`storage.CSINodeDriver{Name:${goQuote(str(d.name))}, NodeID:${goQuote(str(d.nodeID))}, TopologyKeys:${goStringSlice(strList(d.topologyKeys))}, Allocatable:${alloc}}`);
}

export function validateCSINode(node: KObject, old?: KObject): FieldError[] {
  const drivers = objs((node.spec as { drivers?: unknown } | undefined)?.drivers);
  const names = new Set<string>();
  const errs = [...validateCoreObjectMeta(node.metadata, false, nameIsDNSSubdomain)];
  drivers.forEach((d, i) => errs.push(...driver(d, names, index('spec.drivers', i))));
  if (!old) return errs;
  for (const o of objs((old.spec as { drivers?: unknown } | undefined)?.drivers)) {
    for (const d of drivers.filter((n) => str(n.name) === str(o.name))) errs.push(...validateImmutableField(d, o, 'spec.drivers', goDriver(d)));
  }
  return errs;
}
