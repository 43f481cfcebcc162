// What the apiserver knows about one resource: its names (as discovery publishes them), where it
// lives in the store, its subresources, and the hooks of its strategy (create/update preparation,
// selectable fields). Defaulting and validation are keyed by qualified kind in ../defaulting and
// ../validation; Table columns live in printers/columns/<kind>.ts.
import type { FieldError, KObject, UserInfo } from '../types.js';
import type { ColumnSet } from '../../printers/columns/types.js';

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export const STANDARD_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export interface SubresourceSpec {
  kind: string;
  verbs: Verb[];
  /** The subresource's object lives in another group/version (autoscaling/v1 Scale, policy/v1 Eviction). */
  group?: string;
  version?: string;
}

export interface StrategyContext {
  now: string;
  /** Who creates or updates the object (a CSR records its requestor). */
  user: UserInfo;
}

/** What a custom resource's CRD decides (src/api/crd): its schema's pruning, defaults and checks, its Table. */
export interface CustomBehaviour {
  /** Drops the fields the schema does not declare, in place; returns their paths. */
  prune(obj: KObject): string[];
  /** Fills in the schema's defaults, in place. */
  defaults(obj: KObject): void;
  /** The strategy's validation (metadata, schema and its CEL rules); old is set on update. */
  validate(obj: KObject, old: KObject | undefined): FieldError[] | Promise<FieldError[]>;
  columns: ColumnSet;
  /** The scale subresource's paths, when the version has one. */
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  /** The version's openAPIV3Schema, as the CRD gives it. */
  schema: Record<string, unknown>;
}

export interface ResourceDescriptor {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  verbs: Verb[];
  /** The key prefix under /registry/ (upstream's, e.g. `services/specs`, `minions`). */
  storagePrefix: string;
  subresources: Record<string, SubresourceSpec>;
  /** Resources with a status subresource ignore status on update and everything else on /status. */
  statusSubresource: boolean;
  /** metadata.generation is kept and bumped on spec changes (upstream strategies that track it). */
  tracksGeneration: boolean;
  /** Versions that share another version's storage convert on the way in and out. */
  codec?: { toStorage(obj: KObject): KObject; fromStorage(obj: KObject): KObject };
  /** Create-only virtual resources (reviews, bindings) are never stored. */
  virtual?: boolean;
  prepareForCreate?(obj: KObject, ctx: StrategyContext): void;
  prepareForUpdate?(obj: KObject, old: KObject, ctx: StrategyContext): void;
  /** A finalizer every delete adds (a CRD's cleanup), so that a controller finishes it. */
  deleteFinalizer?: string;
  /** What a delete does to the object it marks as deleting (a CRD's Terminating condition). */
  prepareForDelete?(obj: KObject, ctx: Pick<StrategyContext, 'now'>): void;
  /** Set for custom resources, whose rules come from their CustomResourceDefinition. */
  custom?: CustomBehaviour;
  /** Field selector values beyond metadata.name / metadata.namespace. */
  selectableFields?(obj: KObject): Record<string, string>;
}

export const statusSub = (kind: string): Record<string, SubresourceSpec> => ({ status: { kind, verbs: ['get', 'patch', 'update'] } });

export const scaleSub = (): Record<string, SubresourceSpec> => ({ scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] } });

type Base = Pick<ResourceDescriptor, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'> & Partial<ResourceDescriptor>;

/** A descriptor with upstream's usual defaults filled in. */
export function resource(d: Base): ResourceDescriptor {
  return {
    singular: d.kind.toLowerCase(),
    shortNames: [],
    categories: [],
    verbs: STANDARD_VERBS,
    storagePrefix: d.plural,
    subresources: {},
    statusSubresource: false,
    tracksGeneration: false,
    ...d,
  };
}

export const groupVersion = (d: { group: string; version: string }): string => (d.group ? `${d.group}/${d.version}` : d.version);

/** `Pod`, `Deployment.apps`: the qualified kind upstream prints in Invalid messages. */
export const qualifiedKind = (d: { group: string; kind: string }): string => (d.group ? `${d.kind}.${d.group}` : d.kind);
