// EnsureImageExists as the kubelet's image manager does it: pull per imagePullPolicy, events
// Pulling/Pulled/Failed/BackOff with upstream's wording, and the image pull back-off.
import type { Backoff } from './backoff.js';
import type { KubeletRecorder } from './events.js';
import type { ContainerSpec, Pod } from './pod-spec.js';
import type { CatalogImage } from './runtime/catalog.js';
import { parseImageRef, type ImageRef } from './runtime/image-ref.js';
import type { ImageStore } from './runtime/image-store.js';
import { goDuration } from '../client/go-duration.js';

/** When a sync that failed to pull is repeated (kubelet's worker back-off is 10 s with jitter). */
export const ERROR_RESYNC_MS = 5_000;

export type PullOutcome =
  | { ok: true; image: CatalogImage; ref: ImageRef; imageID: string }
  | { ok: false; reason: string; message: string; retryAt?: number };

export interface PullContext {
  pod: Pod;
  fieldPath: string;
  store: ImageStore;
  backoff: Backoff;
  recorder: KubeletRecorder;
  now: () => number;
}

/** The pull policy the API defaults: Always for :latest or no tag, else IfNotPresent. */
export function pullPolicy(c: ContainerSpec, ref: ImageRef): string {
  return c.imagePullPolicy ?? (ref.digest || (ref.tag && ref.tag !== 'latest') ? 'IfNotPresent' : 'Always');
}

export async function ensureImage(ctx: PullContext, c: ContainerSpec): Promise<PullOutcome> {
  const name = c.image ?? '';
  const ev = (type: 'Normal' | 'Warning', reason: string, msg: string) => ctx.recorder.container(ctx.pod, ctx.fieldPath, type, reason, msg);
  const ref = parseImageRef(name);
  if ('error' in ref) {
    const msg = `Failed to apply default image tag "${name}": couldn't parse image reference "${name}": ${ref.error}`;
    ev('Warning', 'InspectFailed', msg);
    return { ok: false, reason: 'InvalidImageName', message: msg };
  }
  const policy = pullPolicy(c, ref);
  const present = ctx.store.imageFor(ref);
  if (present && policy !== 'Always') {
    ev('Normal', 'Pulled', `Container image "${name}" already present on machine`);
    return { ok: true, image: present, ref, imageID: `${ref.repository}@${present.digest}` };
  }
  if (policy === 'Never') {
    const msg = `Container image "${name}" is not present with pull policy of Never`;
    ev('Warning', 'ErrImageNeverPull', msg);
    return { ok: false, reason: 'ErrImageNeverPull', message: msg };
  }
  const key = `${ctx.pod.metadata.uid}_${name}`;
  if (ctx.backoff.isInBackOffSinceUpdate(key, ctx.now())) {
    const msg = `Back-off pulling image "${name}"`;
    ev('Normal', 'BackOff', msg);
    return { ok: false, reason: 'ImagePullBackOff', message: msg, retryAt: ctx.backoff.untilUpdate(key) };
  }
  ev('Normal', 'Pulling', `Pulling image "${name}"`);
  const res = await ctx.store.pull(ref);
  if (!res.ok) {
    ev('Warning', 'Failed', `Failed to pull image "${name}": ${res.message}`);
    ctx.backoff.next(key, ctx.now());
    // The pod worker syncs again a few seconds after a failed sync; by then the back-off holds.
    return { ok: false, reason: 'ErrImagePull', message: res.message, retryAt: ctx.now() + Math.min(ERROR_RESYNC_MS, ctx.backoff.get(key)) };
  }
  const took = goDuration(res.ms);
  ev('Normal', 'Pulled', `Successfully pulled image "${name}" in ${took} (${took} including waiting). Image size: ${res.image.size} bytes.`);
  return { ok: true, image: res.image, ref, imageID: `${ref.repository}@${res.image.digest}` };
}

