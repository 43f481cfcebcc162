// The resources an established CustomResourceDefinition serves: one descriptor per served version,
// named by status.acceptedNames, stored at /registry/<group>/<plural>/ in the storage version
// (conversion strategy None: only apiVersion changes between versions).
import type { FieldError, KObject } from '../types.js';
import { resource, scaleSub, statusSub, type ResourceDescriptor } from '../resources/types.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/meta.js';
import { nameIsDNSSubdomain } from '../validation/namefuncs.js';
import { dedupeFieldErrors } from '../validation/field.js';
import { customColumns, type PrinterColumn } from './columns.js';
import type { JSONSchemaProps } from './schema.js';
import { applySchemaDefaults, prune } from './structural.js';
import { validateValue } from './validate-schema.js';
import { hasRules, validateRules } from './validate-rules.js';
import { celReady } from '../cel/cel.js';
import { invalid } from '../validation/field.js';
import type { ScaleSpec } from './scale.js';

export interface CrdNames {
  plural?: string;
  singular?: string;
  kind?: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

export interface CrdVersion {
  name?: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: JSONSchemaProps };
  subresources?: { status?: object; scale?: ScaleSpec };
  additionalPrinterColumns?: PrinterColumn[];
}

export interface CrdSpec {
  group?: string;
  names?: CrdNames;
  scope?: string;
  versions?: CrdVersion[];
}

export interface CrdStatus {
  conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[];
  acceptedNames?: CrdNames;
  storedVersions?: string[];
}

export const crdSpec = (crd: KObject): CrdSpec => (crd.spec ?? {}) as CrdSpec;
export const crdStatus = (crd: KObject): CrdStatus => (crd.status ?? {}) as CrdStatus;

export function conditionTrue(crd: KObject, type: string): boolean {
  return (crdStatus(crd).conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

const BLOCKING = new Set(['NotSupported', 'Required', 'TooLong', 'TooMany', 'TypeInvalid']);

/** The schema's CEL rules, once the object passed the other checks (strategy.go's hasBlockingErr). */
async function withRules(errs: FieldError[], schema: JSONSchemaProps, obj: KObject, old: KObject | undefined): Promise<FieldError[]> {
  if (errs.some((e) => BLOCKING.has(e.type))) {
    return [...errs, invalid('<nil>', 'null', 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation')];
  }
  await celReady();
  return [...errs, ...validateRules('', schema, obj, old, old !== undefined)];
}

function versionDescriptor(spec: CrdSpec, names: CrdNames, v: CrdVersion, storageVersion: string): ResourceDescriptor {
  const group = spec.group!;
  const schema: JSONSchemaProps = v.schema?.openAPIV3Schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const rules = hasRules(schema);
  const namespaced = spec.scope === 'Namespaced';
  const hasStatus = v.subresources?.status !== undefined;
  const scale = v.subresources?.scale;
  const withVersion = (obj: KObject, version: string): KObject => ({ ...obj, apiVersion: `${group}/${version}` });
  return resource({
    group,
    version: v.name!,
    kind: names.kind!,
    plural: names.plural!,
    singular: names.singular ?? names.kind!.toLowerCase(),
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    namespaced,
    storagePrefix: `${group}/${names.plural}`,
    subresources: { ...(hasStatus ? statusSub(names.kind!) : {}), ...(scale ? scaleSub() : {}) },
    statusSubresource: hasStatus,
    tracksGeneration: true,
    // Read back as upstream's decoder reads it: in the version asked for, pruned and defaulted
    // (a default on an absent status shows on every read).
    codec: {
      toStorage: (o) => withVersion(o, storageVersion),
      fromStorage: (o) => {
        const out = withVersion(o, v.name!);
        prune(schema, out as unknown as Record<string, unknown>);
        applySchemaDefaults(schema, out);
        return out;
      },
    },
    prepareForCreate(obj) {
      if (hasStatus) delete obj.status;
    },
    custom: {
      prune: (obj) => prune(schema, obj as unknown as Record<string, unknown>),
      defaults: (obj) => applySchemaDefaults(schema, obj),
      validate(obj, old) {
        const meta = validateObjectMeta(obj.metadata, namespaced, nameIsDNSSubdomain);
        if (old) meta.push(...validateObjectMetaUpdate(obj.metadata, old.metadata));
        const errs = dedupeFieldErrors([...meta, ...validateValue('', schema, obj)]);
        return rules ? withRules(errs, schema, obj, old) : errs;
      },
      columns: customColumns(v.additionalPrinterColumns),
      schema: schema as Record<string, unknown>,
      ...(scale ? { scale } : {}),
    },
  });
}

/** The descriptors of an established CRD, in the order of its versions. */
export function descriptorsOf(crd: KObject): ResourceDescriptor[] {
  const spec = crdSpec(crd);
  const names = crdStatus(crd).acceptedNames ?? {};
  if (!spec.group || !names.plural || !names.kind || !conditionTrue(crd, 'Established')) return [];
  const storage = (spec.versions ?? []).find((v) => v.storage)?.name;
  if (!storage) return [];
  return (spec.versions ?? []).filter((v) => v.served && v.name).map((v) => versionDescriptor(spec, names, v, storage));
}
