// kubectl run with --attach / -i: wait for the pod to run and be ready (or to have completed: then
// its log), attach to it as `kubectl attach` does (its log when the attach fails), then with
// --restart=Never or OnFailure wait for the pod to finish and exit with its container's code;
// --rm deletes what run created at the end, whatever happened.
import { ApiError, type Obj } from '../../../../client/types.js';
import { statusOf } from '../../../../client/rest.js';
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { objectPath } from '../../resource/paths.js';
import { requestJson } from '../../resource/request.js';
import { attachToPod, type AttachOptions } from '../attach.js';
import { POD_RESOURCE, findOrDefaultContainer, type Pod } from '../exec/pods.js';
import { untilWithSync } from '../rollout/until.js';
import { kindString } from '../mutate/info.js';
import type { ApiResource } from '../../discovery/mapper.js';

interface PodStatus {
  phase?: string;
  conditions?: { type: string; status: string }[];
  containerStatuses?: { state?: { terminated?: { exitCode: number; reason?: string; message?: string } } }[];
}

type RunPod = Pod & { status?: PodStatus };

/** What run created, for --rm. */
export interface Created {
  mapping: ApiResource;
  object: Obj;
}

const COMPLETED = new Error('pod ran to completion');

const podGone = (): Error => new ApiError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pods "" not found', reason: 'NotFound', details: { kind: 'pods' }, code: 404 });

/** waitForPod: the pod's state when cond holds (or throws COMPLETED with the pod seen). */
async function waitForPod(ctx: Ctx, ns: string, name: string, timeoutMs: number, cond: (p: RunPod) => boolean): Promise<{ pod: RunPod; completed: boolean }> {
  let seen: RunPod | undefined;
  const client = await ctx.factory.client();
  try {
    await untilWithSync(client, { mapping: POD_RESOURCE, namespace: ns, name }, timeoutMs, (o) => cond((seen = o as RunPod)), podGone);
  } catch (err) {
    if (err === COMPLETED && seen) return { pod: seen, completed: true };
    throw err;
  }
  return { pod: seen!, completed: false };
}

const finished = (p: RunPod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

function runningAndReady(p: RunPod): boolean {
  if (finished(p)) throw COMPLETED;
  return p.status?.phase === 'Running' && Boolean(p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

/** logOpts: the container's whole log on stdout. */
export async function printLog(ctx: Ctx, pod: RunPod, o: AttachOptions): Promise<void> {
  const c = findOrDefaultContainer(pod, o.container, o.quiet, (t) => ctx.io.stderr.write(t));
  const client = await ctx.factory.client();
  const res = await client.stream(`${objectPath(POD_RESOURCE, pod.metadata.namespace, pod.metadata.name ?? '', 'log')}?container=${encodeURIComponent(c.name)}`);
  const chunks: Buffer[] = [];
  for await (const chunk of res) {
    if ((res.statusCode ?? 0) < 300) ctx.io.stdout.write(chunk as Buffer);
    else chunks.push(chunk as Buffer);
  }
  if ((res.statusCode ?? 0) >= 300) throw new ApiError(statusOf({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
}

async function handleAttachPod(ctx: Ctx, ns: string, name: string, timeoutMs: number, o: AttachOptions): Promise<void> {
  const { pod } = await waitForPod(ctx, ns, name, timeoutMs, runningAndReady);
  if (finished(pod)) return printLog(ctx, pod, o);
  try {
    await attachToPod(ctx, pod, o);
  } catch (err) {
    if (err instanceof PrintedError) throw err;
    ctx.io.stderr.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${(err as Error).message}\n`);
    await printLog(ctx, pod, o);
  }
}

/** The pod's end as run reports it: nothing when it succeeded, else its container's exit code. */
function outcome(pod: RunPod): void {
  const id = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
  if (pod.status?.phase === 'Succeeded') return;
  if (pod.status?.phase !== 'Failed') throw new Error(`pod ${id} left in phase ${pod.status?.phase ?? ''}`);
  const t = pod.status.containerStatuses?.[0]?.state?.terminated;
  if (!t || t.exitCode === 0) throw new Error(`pod ${id} failed with unknown exit code`);
  const msg = `pod ${id} terminated (${t.reason ?? ''})\n${t.message ?? ''}`;
  throw new PrintedError(msg.endsWith('\n') ? msg : `${msg}\n`, t.exitCode);
}

/** removeCreatedObjects: DELETE each (not found is fine), `pod "x" deleted` unless quiet; errors are dropped. */
async function remove(ctx: Ctx, created: Created[], cascade: string, quiet: boolean): Promise<void> {
  const client = await ctx.factory.client();
  for (const c of created) {
    const name = c.object.metadata?.name ?? '';
    try {
      await requestJson(client, 'DELETE', objectPath(c.mapping, c.object.metadata?.namespace, name), { body: JSON.stringify({ propagationPolicy: cascade }) });
      if (!quiet) ctx.io.stdout.write(`${kindString(c.mapping)} "${name}" deleted\n`);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status.code !== 404) return;
    }
  }
}

export interface RunAttach extends AttachOptions {
  timeoutMs: number;
  restartPolicy: string;
  leaveStdinOpen: boolean;
  rm: boolean;
  cascade: string;
}

export async function attachToRun(ctx: Ctx, created: Created[], o: RunAttach): Promise<number> {
  const pod = created[0]!.object;
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  try {
    await handleAttachPod(ctx, ns, name, o.timeoutMs, o);
    if (o.leaveStdinOpen || (o.restartPolicy !== 'Never' && o.restartPolicy !== 'OnFailure')) return 0;
    const done = o.restartPolicy === 'OnFailure' ? (p: RunPod) => p.status?.phase === 'Succeeded' : finished;
    outcome((await waitForPod(ctx, ns, name, o.timeoutMs, done)).pod);
    return 0;
  } finally {
    if (o.rm) await remove(ctx, created, o.cascade, o.quiet);
  }
}
