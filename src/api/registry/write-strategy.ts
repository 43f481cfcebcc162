// What an update takes from the request and what it keeps from the stored object, per resource
// and per endpoint: upstream v1.32's strategies decide it in PrepareForUpdate. A write through
// the resource itself keeps the stored status (and, for a CSR, its spec); a write through /status
// keeps the spec and, for some resources, part of the metadata; a custom resource's /status keeps
// everything but status. Each row names the upstream strategy it comes from.
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';

/** The endpoints that write the whole object under their own strategy. */
export type WriteEndpoint = 'main' | 'status' | 'approval' | 'finalize';

/** ObjectMeta fields a strategy resets to the stored values. */
type MetaField = 'labels' | 'annotations' | 'finalizers' | 'ownerReferences' | 'deletionTimestamp';

interface WriteRule {
  /** Kept from the stored object: `rest` is every top-level field but metadata and status. */
  keep: readonly ('rest' | 'status')[];
  /** Metadata kept from the stored object; the rest of metadata comes from the request. */
  keepMeta: readonly MetaField[];
  /** A change of annotations bumps generation as a spec change does (a deployment's, copied to its ReplicaSets). */
  annotationsBumpGeneration?: boolean;
  /** The stored object whole, with only status and managedFields from the request. */
  statusOnly?: boolean;
  /** GetResetFields: the dotted paths the endpoint's field manager never records as owned. */
  reset: readonly string[];
  /** The strategy's own adjustments after the merge; now is RFC 3339. */
  adjust?(obj: KObject, old: KObject, now: string): void;
}

/** metav1.ResetObjectMetaForStatus (apimachinery pkg/apis/meta/v1/helpers.go). */
const RESET_OBJECT_META_FOR_STATUS: readonly MetaField[] = ['deletionTimestamp', 'labels', 'annotations', 'finalizers', 'ownerReferences'];

/** `newObj.Status = oldObj.Status`: main strategies with a status subresource (and a namespace's /finalize). */
const KEEP_STATUS: WriteRule = { keep: ['status'], keepMeta: [], reset: ['status'] };
/** `newObj.Spec = oldObj.Spec` and nothing else: most status strategies. */
const KEEP_SPEC: WriteRule = { keep: ['rest'], keepMeta: [], reset: ['spec'] };

type Obj = Record<string, unknown>;
type Condition = { type?: string; status?: string; lastUpdateTime?: string; lastTransitionTime?: string };
const section = (o: KObject, k: 'status'): Obj => (o[k] ?? {}) as Obj;
const conditionsOf = (o: KObject): Condition[] => (section(o, 'status').conditions ?? []) as Condition[];

/** podStatusStrategy: a status without qosClass keeps the stored one (older kubelets dropped it). */
function backfillQosClass(obj: KObject, old: KObject): void {
  const qos = section(old, 'status').qosClass;
  if (obj.status && !(obj.status as Obj).qosClass && qos) obj.status = { ...(obj.status as Obj), qosClass: qos };
}

/** nodeStatusStrategy: status.config is dropped unless the stored node has one. */
function dropUnusedNodeConfig(obj: KObject, old: KObject): void {
  if (obj.status && section(old, 'status').config === undefined && (obj.status as Obj).config !== undefined) {
    const { config: _c, ...rest } = obj.status as Obj;
    obj.status = rest;
  }
}

/** persistentvolumeStatusStrategy: a phase change stamps lastPhaseTransitionTime unless the client set a new one. */
function phaseTransitionTime(obj: KObject, old: KObject, now: string): void {
  const [was, is] = [section(old, 'status'), section(obj, 'status')];
  if (was.phase === is.phase && is.lastPhaseTransitionTime === undefined) {
    if (was.lastPhaseTransitionTime !== undefined) obj.status = { ...is, lastPhaseTransitionTime: was.lastPhaseTransitionTime };
  } else if (was.phase !== is.phase && (is.lastPhaseTransitionTime === undefined || is.lastPhaseTransitionTime === was.lastPhaseTransitionTime)) {
    obj.status = { ...is, lastPhaseTransitionTime: now };
  }
}

/** populateConditionTimestamps: missing lastUpdateTime is now; missing lastTransitionTime is the stored one for the same type and status, else now. */
function conditionTimestamps(conditions: Condition[], old: KObject, now: string): Condition[] {
  return conditions.map((c) => {
    const stored = conditionsOf(old).find((o) => o.type === c.type && o.status === c.status && o.lastTransitionTime)?.lastTransitionTime;
    return { ...c, lastUpdateTime: c.lastUpdateTime || now, lastTransitionTime: c.lastTransitionTime || stored || now };
  });
}

/** csrStatusStrategy: the stored Approved/Denied conditions stay as they were (when as many are sent). */
function csrStatus(obj: KObject, old: KObject, now: string): void {
  const sent = (obj.status as Obj | undefined)?.conditions as Condition[] | undefined;
  if (!sent) return;
  const next = [...sent];
  for (const type of ['Approved', 'Denied']) {
    const was = conditionsOf(old).filter((c) => c.type === type);
    const at = next.flatMap((c, i) => (c.type === type ? [i] : []));
    if (was.length === at.length) at.forEach((i, n) => (next[i] = was[n]!));
  }
  obj.status = { ...(obj.status as Obj), conditions: conditionTimestamps(next, old, now) };
}

/** csrApprovalStrategy: only status.conditions come from the request. */
function csrApproval(obj: KObject, old: KObject, now: string): void {
  const conditions = (obj.status as Obj | undefined)?.conditions as Condition[] | undefined;
  const status: Obj = { ...section(old, 'status') };
  if (conditions) status.conditions = conditionTimestamps(conditions, old, now);
  else delete status.conditions;
  obj.status = status;
}

/** apiextensions-apiserver pkg/registry/customresource/status_strategy.go. */
const CUSTOM_STATUS: WriteRule = { keep: ['rest'], keepMeta: [], reset: ['spec'], statusOnly: true };

/** `new.ObjectMeta = old.ObjectMeta` (managedFields kept) and `new.Spec = old.Spec`: flowcontrol's status strategies. */
const KEEP_ALL_BUT_STATUS: WriteRule = { keep: ['rest'], keepMeta: [], reset: ['metadata', 'spec'], statusOnly: true };

type Rules = Partial<Record<WriteEndpoint, WriteRule>>;

/**
 * Keyed by group/resource. Not listed: the default, KEEP_STATUS for the resource and KEEP_SPEC for
 * /status — services, persistentvolumeclaims, replicationcontrollers,
 * resourcequotas (pkg/registry/core/<resource>/strategy.go), replicasets, statefulsets,
 * daemonsets (pkg/registry/apps/...), jobs, cronjobs (pkg/registry/batch/...),
 * horizontalpodautoscalers, poddisruptionbudgets, ingresses, and the resource side of
 * customresourcedefinitions and apiservices.
 */
const STRATEGIES: Record<string, Rules> = {
  // pkg/registry/core/pod/strategy.go podStatusStrategy: spec, deletionTimestamp (set to nil, then
  // restored by BeforeUpdate) and ownerReferences; labels, annotations and finalizers pass.
  '/pods': { status: { keep: ['rest'], keepMeta: ['deletionTimestamp', 'ownerReferences'], reset: ['spec', 'metadata.deletionTimestamp', 'metadata.ownerReferences'], adjust: backfillQosClass } },
  // pkg/registry/core/persistentvolume/strategy.go persistentvolumeStatusStrategy.
  '/persistentvolumes': { status: { ...KEEP_SPEC, adjust: phaseTransitionTime } },
  // pkg/registry/apps/deployment/strategy.go: deploymentStatusStrategy keeps spec and labels;
  // deploymentStrategy bumps generation on an annotation change too.
  'apps/deployments': {
    main: { ...KEEP_STATUS, annotationsBumpGeneration: true },
    status: { keep: ['rest'], keepMeta: ['labels'], reset: ['spec', 'metadata.labels'] },
  },
  // pkg/registry/core/node/strategy.go nodeStatusStrategy: spec; status.config only once in use.
  '/nodes': { status: { ...KEEP_SPEC, adjust: dropUnusedNodeConfig } },
  // pkg/registry/storage/volumeattachment/strategy.go volumeAttachmentStatusStrategy.
  'storage.k8s.io/volumeattachments': { status: { keep: ['rest'], keepMeta: RESET_OBJECT_META_FOR_STATUS, reset: ['metadata', 'spec'] } },
  // kube-aggregator pkg/registry/apiservice/strategy.go apiServerStatusStrategy.
  'apiregistration.k8s.io/apiservices': { status: { keep: ['rest'], keepMeta: ['labels', 'annotations', 'finalizers', 'ownerReferences'], reset: ['spec', 'metadata'] } },
  // apiextensions-apiserver pkg/registry/customresourcedefinition/strategy.go statusStrategy: its
  // ResetObjectMetaForStatus(new, new) resets no metadata, but its reset fields name all of it.
  'apiextensions.k8s.io/customresourcedefinitions': { status: { ...KEEP_SPEC, reset: ['metadata', 'spec'] } },
  // pkg/registry/core/namespace/strategy.go: the resource keeps spec.finalizers (a namespace's whole
  // spec) and status; /finalize (namespaceFinalizeStrategy) keeps only status.
  '/namespaces': { main: { keep: ['rest', 'status'], keepMeta: [], reset: ['status'] } },
  // pkg/registry/flowcontrol/{flowschema,prioritylevelconfiguration}/strategy.go status strategies.
  'flowcontrol.apiserver.k8s.io/flowschemas': { status: KEEP_ALL_BUT_STATUS },
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations': { status: KEEP_ALL_BUT_STATUS },
  // pkg/registry/admissionregistration/validatingadmissionpolicy/strategy.go: spec, then ResetObjectMetaForStatus.
  'admissionregistration.k8s.io/validatingadmissionpolicies': { status: { keep: ['rest'], keepMeta: RESET_OBJECT_META_FOR_STATUS, reset: ['metadata', 'spec'] } },
  // pkg/registry/certificates/certificates/strategy.go: the resource keeps spec and status
  // ("immutable after creation except via subresources"); /status and /approval their parts.
  'certificates.k8s.io/certificatesigningrequests': {
    main: { keep: ['rest', 'status'], keepMeta: [], reset: ['spec', 'status'] },
    status: { ...KEEP_SPEC, reset: ['spec', 'status.conditions'], adjust: csrStatus },
    approval: { ...KEEP_SPEC, reset: ['spec', 'status.certificate'], adjust: csrApproval },
  },
};

export function writeRule(d: ResourceDescriptor, endpoint: WriteEndpoint): WriteRule {
  if (d.custom && endpoint !== 'main') return CUSTOM_STATUS;
  const rules = STRATEGIES[`${d.group}/${d.plural}`];
  return rules?.[endpoint] ?? (endpoint === 'main' || endpoint === 'finalize' ? KEEP_STATUS : KEEP_SPEC);
}

/** The reset fields of a write through the endpoint; undefined where the kind has no status subresource. */
export function resetFieldsOf(d: ResourceDescriptor, endpoint: WriteEndpoint): readonly string[] | undefined {
  return d.statusSubresource ? writeRule(d, endpoint).reset : undefined;
}

const TYPE_META = new Set(['apiVersion', 'kind', 'metadata']);

/** The top-level key belongs to what the rule keeps from the stored object. */
const kept = (rule: WriteRule, key: string): boolean => (key === 'status' ? rule.keep.includes('status') : rule.keep.includes('rest'));

/** Values of base, overridden key by key, in base's key order then from's: a no-op write stays byte-identical. */
function overlay(base: Obj, from: Obj, take: (key: string) => boolean): Obj {
  const out: Obj = {};
  for (const k of new Set([...Object.keys(base), ...Object.keys(from)])) {
    const v = take(k) ? from[k] : base[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * The object an update through the endpoint stores, before the common metadata rules (stampUpdate):
 * generation never changes through a subresource, and managedFields always come from the request.
 */
export function mergeForEndpoint(d: ResourceDescriptor, obj: KObject, old: KObject, endpoint: WriteEndpoint, now: string): KObject {
  const rule = writeRule(d, endpoint);
  if (endpoint === 'main' || endpoint === 'finalize') {
    const out = { ...obj };
    for (const k of Object.keys(old)) if (!TYPE_META.has(k) && kept(rule, k)) out[k] = old[k];
    for (const k of Object.keys(obj)) if (!TYPE_META.has(k) && kept(rule, k) && !(k in old)) delete out[k];
    return out;
  }
  const keepMeta = new Set<string>(rule.keepMeta);
  const meta = rule.statusOnly
    ? overlay(old.metadata as Obj, obj.metadata as Obj, (k) => k === 'managedFields' || k === 'resourceVersion')
    : overlay(old.metadata as Obj, obj.metadata as Obj, (k) => !keepMeta.has(k) && k !== 'generation');
  const out = overlay(old as Obj, obj as Obj, (k) => TYPE_META.has(k) || !kept(rule, k)) as KObject;
  out.metadata = meta as KObject['metadata'];
  rule.adjust?.(out, old, now);
  return out;
}
