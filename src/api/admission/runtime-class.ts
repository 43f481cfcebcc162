// RuntimeClass admission (plugin/pkg/admission/runtimeclass): a new pod naming a RuntimeClass
// gets its overhead and its scheduling constraints (node selector, tolerations); a class that
// does not exist, a conflicting node selector or an overhead the class does not define rejects it.
import type { AdmissionPlugin, AdmissionRequest } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import type { KObject } from '../types.js';
import { runtimeClass } from '../resources/runtimeclass.js';
import { forbidden } from '../errors.js';
import { listsEqual, readResourceList } from '../quantity/resource-list.js';

interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

interface PodSpec {
  runtimeClassName?: string;
  overhead?: Record<string, unknown>;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
}

interface RuntimeClassJson {
  overhead?: { podFixed?: Record<string, unknown> };
  scheduling?: { nodeSelector?: Record<string, string>; tolerations?: Toleration[] };
}

const sameToleration = (a: Toleration, b: Toleration): boolean =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') &&
  (a.effect ?? '') === (b.effect ?? '') && a.tolerationSeconds === b.tolerationSeconds;

/** Whether ss tolerates everything t does (pkg/util/tolerations isSuperset). */
function isSuperset(ss: Toleration, t: Toleration): boolean {
  if (sameToleration(ss, t)) return true;
  if ((t.key ?? '') !== (ss.key ?? '') && ((ss.key ?? '') !== '' || ss.operator !== 'Exists')) return false;
  if ((t.effect ?? '') !== (ss.effect ?? '') && (ss.effect ?? '') !== '') return false;
  if (ss.effect === 'NoExecute' && ss.tolerationSeconds !== undefined) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds > ss.tolerationSeconds) return false;
  }
  if (ss.operator === undefined || ss.operator === '' || ss.operator === 'Equal') return t.operator === 'Equal' && (t.value ?? '') === (ss.value ?? '');
  return ss.operator === 'Exists';
}

/** MergeTolerations: both lists, in order, without those another one already covers. */
export function mergeTolerations(first: Toleration[], second: Toleration[]): Toleration[] {
  const all = [...first, ...second];
  const merged: Toleration[] = [];
  all.forEach((t, i) => {
    if (merged.some((m) => isSuperset(m, t))) return;
    if (all.slice(i + 1).some((later) => !sameToleration(t, later) && isSuperset(later, t))) return;
    merged.push(t);
  });
  return merged;
}

/** apiequality.Semantic on two ResourceLists: nil and empty alike, quantities by value. */
const sameOverhead = (a: unknown, b: unknown): boolean => listsEqual(readResourceList(a), readResourceList(b));

export function runtimeClassAdmission(storage: ObjectStorage): AdmissionPlugin {
  const applies = (req: AdmissionRequest): req is AdmissionRequest & { obj: KObject } =>
    req.op === 'CREATE' && req.d.plural === 'pods' && req.d.group === '' && req.subresource === '' && req.obj !== undefined;
  const reject = (req: AdmissionRequest, why: string) => forbidden({ group: '', resource: 'pods' }, req.name, why);

  async function classOf(req: AdmissionRequest, spec: PodSpec): Promise<RuntimeClassJson | undefined> {
    if (spec.runtimeClassName === undefined) return undefined;
    const rc = await storage.tryGet(runtimeClass, undefined, spec.runtimeClassName);
    if (!rc) throw reject(req, `pod rejected: RuntimeClass ${JSON.stringify(spec.runtimeClassName)} not found`);
    return rc as RuntimeClassJson;
  }

  return {
    name: 'RuntimeClass',
    async admit(req) {
      if (!applies(req)) return;
      const spec = (req.obj.spec ??= {}) as PodSpec;
      const rc = await classOf(req, spec);
      if (rc?.overhead !== undefined) {
        if (spec.overhead !== undefined && !sameOverhead(rc.overhead.podFixed, spec.overhead)) {
          throw reject(req, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
        }
        if (rc.overhead.podFixed === undefined) delete spec.overhead;
        else spec.overhead = structuredClone(rc.overhead.podFixed);
      }
      const scheduling = rc?.scheduling;
      if (scheduling === undefined) return;
      const selector = spec.nodeSelector;
      if (selector === undefined) {
        if (scheduling.nodeSelector !== undefined) spec.nodeSelector = { ...scheduling.nodeSelector };
      } else {
        for (const [k, v] of Object.entries(scheduling.nodeSelector ?? {})) {
          const podValue = selector[k];
          if (podValue !== undefined && podValue !== v) throw reject(req, `conflict: runtimeClass.scheduling.nodeSelector[${k}] = ${v}; pod.spec.nodeSelector[${k}] = ${podValue}`);
          selector[k] = v;
        }
      }
      const merged = mergeTolerations(spec.tolerations ?? [], scheduling.tolerations ?? []);
      if (merged.length > 0) spec.tolerations = merged;
      else delete spec.tolerations;
    },
    async validate(req) {
      if (!applies(req)) return;
      const spec = (req.obj.spec ?? {}) as PodSpec;
      const rc = await classOf(req, spec);
      if (rc?.overhead !== undefined) {
        if (!sameOverhead(rc.overhead.podFixed, spec.overhead)) throw reject(req, "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead");
      } else if (spec.overhead !== undefined) {
        throw reject(req, 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead');
      }
    },
  };
}
