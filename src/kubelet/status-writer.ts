// The pod worker's status manager: the status built from the container records goes through
// pods/status when it differs from what the API holds (retried on Conflict with the pod read
// again), or, for a static pod, to its mirror pod. The last computed status is kept, written or
// not, as upstream's status manager cache is.
import { isConflict, isNotFound, type Client } from '../client/types.js';
import { REFS } from '../client/refs.js';
import type { Pod, PodStatus } from './pod-spec.js';
import { buildStatus, type StatusInput } from './pod-status.js';

/** A static pod's worker: its status goes to the mirror pod, and it is not deleted through the API. */
export interface StaticHooks {
  report(status: PodStatus): Promise<void>;
}

export class StatusWriter {
  private lastWritten = '';
  /** The status as last computed. */
  computed: PodStatus | undefined;

  constructor(private readonly client: Client, private readonly staticHooks?: StaticHooks) {}

  /** Writes pod's status; the pod to keep (a static pod keeps its own status, for transition times). */
  async write(pod: Pod, input: Omit<StatusInput, 'pod'>): Promise<Pod> {
    if (this.staticHooks) return this.reportStatic(pod, buildStatus({ ...input, pod }));
    let current = pod;
    for (let attempt = 0; attempt < 3; attempt++) {
      const status = buildStatus({ ...input, pod: current });
      this.computed = status;
      const json = JSON.stringify(status);
      // What the API holds: what this worker wrote last (the informer's copy may not have it yet).
      if (json === (attempt === 0 && this.lastWritten ? this.lastWritten : JSON.stringify(current.status))) return pod;
      try {
        await this.client.update(REFS.pods, { ...current, status }, { subresource: 'status' });
        this.lastWritten = json;
        return pod;
      } catch (err) {
        if (isNotFound(err)) return pod;
        if (!isConflict(err)) throw err;
        current = await this.client.get<Pod>(REFS.pods, current.metadata.namespace ?? '', current.metadata.name ?? '');
      }
    }
    return pod;
  }

  private async reportStatic(pod: Pod, status: PodStatus): Promise<Pod> {
    this.computed = status;
    const json = JSON.stringify(status);
    if (json === this.lastWritten) return pod;
    this.lastWritten = json;
    await this.staticHooks?.report(status);
    return { ...pod, status };
  }
}
