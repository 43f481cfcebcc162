// debug's handleAttachPod: watch the pod until the debug container runs or has ended (its
// waiting messages as warnings), then attach to it as `kubectl attach` does — or, when it has
// ended or the attach fails, print its log.
import { ApiError, type Obj } from '../../../../client/types.js';
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { attachToPod, type AttachOptions } from '../attach.js';
import { POD_RESOURCE, type Pod } from '../exec/pods.js';
import { untilWithSync } from '../rollout/until.js';
import { printLog } from '../run/attach.js';

interface ContainerStatus {
  name: string;
  state?: { running?: object; terminated?: { exitCode: number }; waiting?: { message?: string } };
}

type StatusPod = Pod & {
  status?: { phase?: string; initContainerStatuses?: ContainerStatus[]; containerStatuses?: ContainerStatus[]; ephemeralContainerStatuses?: ContainerStatus[] };
};

export interface DebugAttach {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

function statusOf(p: StatusPod, name: string): ContainerStatus | undefined {
  const s = p.status ?? {};
  return [...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? []), ...(s.ephemeralContainerStatuses ?? [])].find((c) => c.name === name);
}

const podGone = (): Error => new ApiError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pods "" not found', reason: 'NotFound', details: { kind: 'pods' }, code: 404 });

/** waitForContainer: no timeout, as upstream's. */
async function waitForContainer(ctx: Ctx, pod: Obj, name: string, quiet: boolean): Promise<StatusPod> {
  let seen: StatusPod | undefined;
  const cond = (o: Obj): boolean => {
    const s = statusOf((seen = o as StatusPod), name);
    if (!s) return false;
    if (s.state?.running || s.state?.terminated) return true;
    const message = s.state?.waiting?.message ?? '';
    if (!quiet && message !== '') ctx.io.stderr.write(`Warning: container ${name}: ${message}\n`);
    return false;
  };
  const info = { mapping: POD_RESOURCE, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' };
  await untilWithSync(await ctx.factory.client(), info, 0, cond, podGone);
  return seen!;
}

/** The attach of `kubectl attach` on a pod already found, refusing a completed one as AttachOptions.Run does. */
async function attach(ctx: Ctx, pod: StatusPod, o: AttachOptions): Promise<void> {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot attach a container in a completed pod; current phase is ${phase}`);
  await attachToPod(ctx, pod, o);
}

export async function attachToDebugContainer(ctx: Ctx, created: Obj, container: string, a: DebugAttach): Promise<void> {
  const pod = await waitForContainer(ctx, created, container, a.quiet);
  const o: AttachOptions = { ...a, container, commandName: 'kubectl attach' };
  if (statusOf(pod, container)?.state?.terminated) return printLog(ctx, pod, o);
  try {
    await attach(ctx, pod, o);
  } catch (err) {
    if (err instanceof PrintedError) throw err;
    ctx.io.stderr.write(`warning: couldn't attach to pod/${pod.metadata.name ?? ''}, falling back to streaming logs: ${(err as Error).message}\n`);
    await printLog(ctx, pod, o);
  }
}
