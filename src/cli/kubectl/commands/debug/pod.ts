// The pods debug builds and changes, as JSON the way kubectl's Go structs encode them
// (core/v1.Pod through the type tables), the visits over their containers that podutils makes,
// and the strategic-merge metadata the ephemeral container's patch is computed with.
import type { Obj } from '../../../../client/types.js';
import type { Lookup, PatchMeta } from '../apply/patch/meta.js';
import { typedObject } from '../create/go-typed.js';
import { fieldMeta, schemaForKind, type TypeMeta } from '../workload/patch-schema.js';

export type Json = Record<string, unknown>;

export interface SecurityContext {
  privileged?: boolean;
  runAsNonRoot?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type: string };
  [k: string]: unknown;
}

export interface EnvVar {
  name: string;
  value: string;
}

export interface DebugContainer {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  imagePullPolicy?: string;
  stdin?: boolean;
  tty?: boolean;
  terminationMessagePolicy?: string;
  securityContext?: SecurityContext;
  volumeMounts?: Json[];
  targetContainerName?: string;
  [k: string]: unknown;
}

export interface DebugPodSpec {
  containers: DebugContainer[];
  initContainers?: DebugContainer[];
  ephemeralContainers?: DebugContainer[];
  volumes?: Json[];
  nodeName?: string;
  shareProcessNamespace?: boolean;
  [k: string]: unknown;
}

export interface DebugPod extends Obj {
  metadata: Obj['metadata'] & { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: DebugPodSpec;
}

/** The object as a *corev1.Pod holds it (unknown fields dropped), deep-copied. */
export function podOf(obj: Obj): DebugPod {
  const typed = typedObject({ ...obj, apiVersion: 'v1', kind: 'Pod' }) as DebugPod;
  return JSON.parse(JSON.stringify(typed)) as DebugPod;
}

/** podutils.VisitContainers with AllContainers (init, regular, ephemeral): the first named one. */
export function findContainer(p: DebugPod, name: string): DebugContainer | undefined {
  const s = p.spec;
  return [...(s.initContainers ?? []), ...s.containers, ...(s.ephemeralContainers ?? [])].find((c) => c.name === name);
}

/** containerNameToRef: every container's name, init and ephemeral ones included. */
export function containerNames(p: DebugPod): Set<string> {
  const s = p.spec;
  return new Set([...s.containers, ...(s.initContainers ?? []), ...(s.ephemeralContainers ?? [])].map((c) => c.name));
}

const NO_META: PatchMeta = { strategies: [], mergeKey: '' };

/** The patchStrategy/patchMergeKey tags of k8s.io/api as strategicpatch reads them from a struct. */
class StructLookup implements Lookup {
  constructor(private readonly meta: TypeMeta) {}

  forStruct(key: string): { schema: Lookup; meta: PatchMeta } {
    return { schema: new StructLookup(fieldMeta(this.meta, key).sub), meta: NO_META };
  }

  forSlice(key: string): { schema: Lookup; meta: PatchMeta } {
    const { meta, sub } = fieldMeta(this.meta, key);
    return { schema: new StructLookup(sub), meta: meta.key ? { strategies: ['merge'], mergeKey: meta.key } : NO_META };
  }

  name(): string {
    return 'Struct';
  }
}

export const POD_LOOKUP: Lookup = new StructLookup(schemaForKind('Pod'));
