// Starting one container of a pod (kuberuntime's startContainer): image, environment, create
// (log file <restartCount>.log), start. Each failure leaves the container waiting with upstream's
// reason and message and the `Failed` event `Error: <reason or message>`.
import { randomBytes } from 'node:crypto';
import type { Client } from '../client/types.js';
import type { Timers } from '../controllers/framework/queue.js';
import type { Backoff } from './backoff.js';
import type { ContainerRecord } from './container-record.js';
import { ConfigError, containerEnv } from './env.js';
import type { KubeletRecorder } from './events.js';
import { ensureImage } from './image-pull.js';
import type { ContainerSpec, Pod } from './pod-spec.js';
import { containerLogPath, CriLogWriter } from './runtime/cri-log.js';
import type { ImageStore } from './runtime/image-store.js';
import type { CatalogImage } from './runtime/catalog.js';
import type { ImageRef } from './runtime/image-ref.js';
import { effectiveArgv, launch, type LaunchSpec } from './runtime/process.js';
import type { PodVolumes } from './volumes/pod-volumes.js';
import { VolumeError } from './volumes/types.js';
import type { MountConfig } from 'just-bash';
import type { MemoryRuntime } from './cri/memory-runtime.js';
import { recordContainer, recordStart } from './cri/kubelet-records.js';
import { networkFor } from './network/node-network.js';
import { containerNet, timerSleep } from './network/container.js';
import { withOomKiller } from './usage/oom.js';

export interface StartContext {
  client: Client;
  node: string;
  hostIP: string;
  podIP: string;
  pod: Pod;
  store: ImageStore;
  pullBackoff: Backoff;
  recorder: KubeletRecorder;
  timers: Timers;
  now: () => number;
  podLogs?: string;
  volumes: PodVolumes;
  log: (msg: string) => void;
  /** Asks for another sync at a time (a back-off's end). */
  wakeAt(ms: number): void;
  /** The container's process ended. */
  exited(r: ContainerRecord, code: number): void;
  /** The node's runtime (what crictl sees) and the pod's sandbox in it. */
  runtime?: MemoryRuntime;
  sandboxId?: string;
}

export const newContainerId = (): string => randomBytes(32).toString('hex');

export const fieldPathOf = (c: ContainerSpec, init: boolean, ephemeral = false): string => `spec.${ephemeral ? 'ephemeralContainers' : init ? 'initContainers' : 'containers'}{${c.name}}`;

type Prepared = { image: CatalogImage; ref: ImageRef; imageID: string; env: Record<string, string>; mounts: MountConfig[] };

/** Starts c; resolves when it runs, or waits with the reason it could not. */
export async function startContainer(ctx: StartContext, c: ContainerSpec, r: ContainerRecord, resume = false): Promise<void> {
  delete r.retryAt;
  const ready = await prepare(ctx, c, r, resume);
  if (ready) run(ctx, c, r, ready, resume);
}

/** Leaves r waiting with reason and the `Failed` event, to be tried again at retryAt. */
function fail(ctx: StartContext, c: ContainerSpec, r: ContainerRecord, reason: string, message: string, retryAt?: number): undefined {
  if (r.terminated) r.lastTerminated = r.terminated;
  delete r.terminated;
  r.waiting = { reason, message };
  r.retryAt = retryAt ?? Number.POSITIVE_INFINITY;
  ctx.recorder.container(ctx.pod, fieldPathOf(c, r.init, r.ephemeral), 'Warning', 'Failed', `Error: ${reason === 'CreateContainerConfigError' ? message : reason}`);
  if (retryAt !== undefined) ctx.wakeAt(retryAt);
  return undefined;
}

/** The image (pulled as the policy says) and the environment. */
async function prepare(ctx: StartContext, c: ContainerSpec, r: ContainerRecord, resume: boolean): Promise<Prepared | undefined> {
  const pull = { pod: ctx.pod, fieldPath: fieldPathOf(c, r.init, r.ephemeral), store: ctx.store, backoff: ctx.pullBackoff, now: ctx.now };
  const img = resume && r.image ? await ensureImage({ ...pull, recorder: quiet(ctx.recorder) }, { ...c, imagePullPolicy: 'IfNotPresent' })
    : await ensureImage({ ...pull, recorder: ctx.recorder }, c);
  if (!img.ok) return fail(ctx, c, r, img.reason, img.message, img.retryAt);
  const warn = (m: string) => ctx.log(`kubelet ${ctx.node}: ${ctx.pod.metadata.namespace}/${ctx.pod.metadata.name}: ${m}`);
  const envCtx = { client: ctx.client, pod: ctx.pod, podIP: ctx.podIP, hostIP: ctx.hostIP, nodeName: ctx.node, warn };
  let mounts: MountConfig[];
  try {
    mounts = await ctx.volumes.mounts(envCtx, c);
  } catch (err) {
    if (!(err instanceof VolumeError)) throw err;
    return mountFailed(ctx, r, err.message);
  }
  try {
    const env = await containerEnv(envCtx, img.image.env ?? [], c.envFrom, c.env);
    return { image: img.image, ref: img.ref, imageID: img.imageID, env, mounts };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return fail(ctx, c, r, 'CreateContainerConfigError', err.message, ctx.now() + 10_000);
  }
}

/** A volume could not be set up: the pod stays ContainerCreating with `FailedMount`, retried later. */
function mountFailed(ctx: StartContext, r: ContainerRecord, message: string): undefined {
  if (!r.created) r.waiting = { reason: 'ContainerCreating' };
  r.retryAt = ctx.now() + 10_000;
  ctx.recorder.event(ctx.pod, 'Warning', 'FailedMount', message);
  ctx.wakeAt(r.retryAt);
  return undefined;
}

/** Creates the container (its log file, Created) and starts its process (Started, or StartError). */
function run(ctx: StartContext, c: ContainerSpec, r: ContainerRecord, p: Prepared, resume: boolean): void {
  const fieldPath = fieldPathOf(c, r.init, r.ephemeral);
  if (r.created && !resume) {
    if (r.terminated) r.lastTerminated = r.terminated;
    r.restartCount += 1;
  }
  const id = resume && r.running ? r.running.containerID : newContainerId();
  Object.assign(r, { created: true, image: p.ref.full, imageID: p.imageID });
  const pod = { ns: ctx.pod.metadata.namespace ?? '', name: ctx.pod.metadata.name ?? '', uid: ctx.pod.metadata.uid ?? '' };
  const log = new CriLogWriter(ctx.podLogs ? containerLogPath(ctx.podLogs, pod, c.name, r.restartCount) : undefined, ctx.now);
  if (!resume) ctx.recorder.container(ctx.pod, fieldPath, 'Normal', 'Created', `Created container: ${c.name}`);
  const hostname = ctx.pod.spec?.hostname ?? pod.name;
  const env = { HOSTNAME: hostname, HOME: '/root', ...p.env };
  const spec: LaunchSpec = { argv: effectiveArgv(p.image, c.command, c.args), env, workingDir: c.workingDir ?? p.image.workingDir ?? '/', image: p.image, podIP: ctx.podIP, hostname, resume, mounts: p.mounts, ...(c.stdin ? { stdin: { once: Boolean(c.stdinOnce), tty: Boolean(c.tty) } } : {}) };
  const adoptedAt = resume && r.running ? r.running.startedAt : undefined;
  if (ctx.runtime && ctx.sandboxId) recordContainer(ctx.runtime, { id, sandboxId: ctx.sandboxId, pod: ctx.pod, spec: c, attempt: r.restartCount, imageID: p.image.imageId, launch: spec, ...(adoptedAt !== undefined ? { startedAtMs: adoptedAt } : {}) });
  const net = networkFor(ctx.client);
  const names = net?.podNames(ctx.pod, ctx.podIP);
  const tools = net ? containerNet(net, p.image, { namespace: pod.ns, podIP: ctx.podIP, ...names }, timerSleep(ctx.timers)) : undefined;
  const proc = withOomKiller(launch(spec, { out: (s, t) => log.write(s, t), now: ctx.now, timers: ctx.timers, ...(tools ? { commands: tools.commands, files: tools.files } : {}) }), ctx.pod, c, spec, ctx.timers);
  delete r.waiting;
  if ('startError' in proc) {
    ctx.runtime?.exited(id, 128, 'StartError', proc.startError);
    delete r.running;
    r.terminated = { exitCode: 128, reason: 'StartError', message: proc.startError, startedAt: 0, finishedAt: ctx.now(), containerID: id };
    ctx.recorder.container(ctx.pod, fieldPath, 'Warning', 'Failed', `Error: ${proc.startError}`);
    return;
  }
  delete r.terminated;
  if (ctx.runtime) recordStart(ctx.runtime, id, proc, adoptedAt);
  r.running = { startedAt: adoptedAt ?? ctx.now(), containerID: id };
  Object.assign(r, { process: proc, log, launch: spec, ...(names ? { names } : {}) });
  if (!resume) ctx.recorder.container(ctx.pod, fieldPath, 'Normal', 'Started', `Started container ${c.name}`);
  void proc.exited.then((code) => {
    log.close();
    ctx.runtime?.exited(id, code, proc.exitReason);
    ctx.exited(r, code);
  });
}

/** A recorder that drops events: an adopted container's image check is not news. */
function quiet(rec: KubeletRecorder): KubeletRecorder {
  return new Proxy(rec, { get: (t, p) => (p === 'container' ? () => {} : Reflect.get(t, p)) });
}
