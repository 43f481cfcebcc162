// The kubelet's events: core/v1 Events from `kubelet` on its node, about a pod or one of its
// containers (involvedObject.fieldPath `spec.containers{name}`, `spec.initContainers{name}`).
import type { Obj } from '../client/types.js';
import { CoreEventRecorder, type EventEntry, type EventType } from '../controllers/framework/events.js';

export class KubeletRecorder extends CoreEventRecorder {
  /** An event about a container of pod; fieldPath as GenerateContainerRef makes it. */
  container(pod: Obj, fieldPath: string, type: EventType, reason: string, message: string): void {
    this.event(pod, type, reason, message, fieldPath);
  }

  protected override first(obj: Obj, type: EventType, reason: string, message: string, fieldPath: string, now: number, entry: EventEntry, combined: boolean, count: number): Promise<void> {
    return this.create(obj, type, reason, message, fieldPath, now, entry, combined, count);
  }
}
