// Priority admission: a pod's priority from its PriorityClass (or the global default, or 0).
import type { AdmissionPlugin } from '../registry/admission.js';
import type { ObjectStorage } from '../storage/storage.js';
import { priorityClass } from '../resources/priorityclass.js';
import { forbidden } from '../errors.js';

interface PodSpec { priorityClassName?: string; priority?: number; preemptionPolicy?: string }

export function priorityAdmission(storage: ObjectStorage): AdmissionPlugin {
  return {
    name: 'Priority',
    async admit(req) {
      if (req.op !== 'CREATE' || req.d.plural !== 'pods' || req.d.group !== '' || !req.obj) return;
      const spec = (req.obj.spec ??= {}) as PodSpec;
      let pc: { value?: number; preemptionPolicy?: string; globalDefault?: boolean } | undefined;
      if (spec.priorityClassName) {
        pc = (await storage.tryGet(priorityClass, undefined, spec.priorityClassName)) as typeof pc;
        if (!pc) throw forbidden({ group: '', resource: 'pods' }, req.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
      } else {
        const all = await storage.list(priorityClass, undefined);
        const def = all.items.find((p) => (p as { globalDefault?: boolean }).globalDefault);
        if (def) {
          pc = def as typeof pc;
          spec.priorityClassName = def.metadata.name!;
        }
      }
      spec.priority = pc?.value ?? 0;
      spec.preemptionPolicy = pc?.preemptionPolicy ?? spec.preemptionPolicy ?? 'PreemptLowerPriority';
    },
  };
}
