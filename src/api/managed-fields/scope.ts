// What the field manager of one endpoint knows: the kind's schema and empty object, its
// group/version, the subresource, the fields that endpoint resets (not owned through it), and the
// time of the request.
import { FieldSet } from './field-set.js';
import { fieldPE } from './path-element.js';
import { OPENAPI_SCHEMA, rootType } from './schema-openapi.js';
import type { Typed } from './updater.js';
import type { JsonObject } from './values.js';
import { zeroObject } from './zero-object.js';

export interface FieldManagerScope {
  readonly typed: Typed;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** group/version (`apps/v1`, `v1`). */
  readonly apiVersion: string;
  /** '' for the resource itself. */
  readonly subresource: string;
  /** RFC 3339, seconds; undefined where upstream records no time (updates through /scale). */
  readonly now: string | undefined;
  zero(): JsonObject;
}

export interface ScopeInput {
  group: string;
  version: string;
  kind: string;
  subresource: string;
  /** The resource has a status subresource: the main resource resets status, /status the spec. */
  statusSubresource: boolean;
  /** The endpoint's strategy's reset fields as dotted paths, where they are other than the above. */
  reset?: readonly string[];
  now: string;
}

const STATUS = FieldSet.of([fieldPE('status')]);
const SPEC = FieldSet.of([fieldPE('spec')]);

/** GetResetFields of the strategies: as given, else in their common shape. */
function resetFields(i: ScopeInput): FieldSet | undefined {
  if (i.reset) return FieldSet.of(...i.reset.map((p) => p.split('.').map(fieldPE)));
  if (i.subresource === 'status') return SPEC;
  if (i.subresource === '' && i.statusSubresource) return STATUS;
  return undefined;
}

export function fieldManagerScope(i: ScopeInput): FieldManagerScope {
  const reset = resetFields(i);
  return {
    typed: { schema: OPENAPI_SCHEMA, type: rootType(i.group, i.version, i.kind), ignore: reset ? (s) => s.recursiveDifference(reset) : (s) => s },
    group: i.group,
    version: i.version,
    kind: i.kind,
    apiVersion: i.group ? `${i.group}/${i.version}` : i.version,
    subresource: i.subresource,
    now: i.subresource === 'scale' ? undefined : i.now,
    zero: () => zeroObject(i.group, i.version, i.kind),
  };
}
