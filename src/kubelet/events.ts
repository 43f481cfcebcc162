// The kubelet's events: core/v1 Events from `kubelet` on its node, about a pod or one of its
// containers (involvedObject.fieldPath `spec.containers{name}`, `spec.initContainers{name}`).
import type { Obj } from '../client/types.js';
import { REFS } from '../client/refs.js';
import { CoreEventRecorder, eventName, involvedObject, rfc3339, type EventType } from '../controllers/framework/events.js';

export class KubeletRecorder extends CoreEventRecorder {
  /** An event about a container of pod; fieldPath as GenerateContainerRef makes it. */
  container(pod: Obj, fieldPath: string, type: EventType, reason: string, message: string): void {
    this.event(pod, type, reason, message, fieldPath);
  }

  protected override async first(obj: Obj, type: EventType, reason: string, message: string, fieldPath: string, now: number, entry: { name: string }): Promise<void> {
    const ns = obj.metadata.namespace || 'default';
    const involved = { ...involvedObject(obj), ...(fieldPath ? { fieldPath } : {}) };
    const ev = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name: eventName(obj, now), namespace: ns },
      involvedObject: involved, reason, message, source: { component: 'kubelet', host: this.o.host ?? '' },
      firstTimestamp: rfc3339(now), lastTimestamp: rfc3339(now), count: 1, type,
      eventTime: null, reportingComponent: 'kubelet', reportingInstance: this.o.host ?? '',
    };
    const made = await this.client.create(REFS.events, ns, ev);
    entry.name = made.metadata.name ?? '';
  }
}
