// controller.RealPodControl: create and delete an owner's pods, recording the events
// `SuccessfulCreate "Created pod: x"`, `FailedCreate "Error creating: …"`,
// `SuccessfulDelete "Deleted pod: x"` and `FailedDelete "Error deleting: …"` on the owner.
import type { Client, Obj } from '../../client/types.js';
import { isNotFound } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import type { EventRecorder } from '../framework/events.js';

export interface PodControl {
  client: Client;
  recorder: EventRecorder;
}

/** Creates pod in owner's namespace; returns the created pod. */
export async function createPod(c: PodControl, owner: Obj, pod: Obj): Promise<Obj> {
  try {
    const made = await c.client.create(REFS.pods, owner.metadata.namespace ?? '', pod);
    c.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name}`);
    return made;
  } catch (err) {
    c.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${(err as Error).message}`);
    throw err;
  }
}

/** Deletes the named pod; a pod already gone is reported as NotFound without an event. */
export async function deletePod(c: PodControl, owner: Obj, name: string): Promise<void> {
  try {
    await c.client.delete(REFS.pods, owner.metadata.namespace ?? '', name);
    c.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  } catch (err) {
    if (!isNotFound(err)) c.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${(err as Error).message}`);
    throw err;
  }
}

/** Runs fn over items in batches of 1, 2, 4… (controller.SlowStartInitialBatchSize), stopping after a failing batch. */
export async function slowStart<T>(items: T[], fn: (item: T) => Promise<void>): Promise<{ done: number; error?: unknown }> {
  let done = 0;
  for (let size = 1, pos = 0; pos < items.length; pos += size, size *= 2) {
    const results = await Promise.allSettled(items.slice(pos, pos + size).map(fn));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    done += results.filter((r) => r.status === 'fulfilled').length;
    if (failed) return { done, error: failed.reason };
  }
  return { done };
}
