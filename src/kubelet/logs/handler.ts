// The kubelet server's containerLogs endpoint (/containerLogs/<ns>/<pod>/<container>): the pod as
// this kubelet knows it, the container run its status names, then the CRI log streamed to the
// client. Failures are the HTTP answers the kubelet gives: 404 for an unknown pod or container,
// 400 with validateContainerLogStatus' message (the apiserver turns both into Status errors).
import type { Timers } from '../../controllers/framework/queue.js';
import type { Pod, PodStatus } from '../pod-spec.js';
import { containerLogPath } from '../runtime/cri-log.js';
import { logInstance } from './instance.js';
import { readOptions, type PodLogOptions } from './options.js';
import { readLogs } from './reader.js';

/** A pod this kubelet runs, with the status it last computed (upstream's status manager). */
export interface PodView {
  pod: Pod;
  status: PodStatus;
  /** Whether the container run with this runtime ID (no `containerd://`) is running. */
  isRunning(containerID: string): boolean;
}

export interface KubeletPods {
  byName(namespace: string, name: string): PodView | undefined;
}

export interface LogRequest {
  namespace: string;
  name: string;
  /** Empty: the pod's only container (the apiserver has checked the name). */
  container: string;
  options: PodLogOptions;
}

/** Where the log goes: start() sends the 200 headers; signal aborts when the client leaves. */
export interface LogSink {
  start(): void;
  write(chunk: Buffer): void;
  end(): void;
  signal: AbortSignal;
}

/** The kubelet's HTTP error answer: status code and plain-text body. */
export interface KubeletHttpError {
  code: number;
  message: string;
}

export interface LogsEnv {
  /** <node>/var/log/pods; without it there are no files and logs are empty. */
  podLogs?: string;
  pods: KubeletPods | undefined;
  now: () => number;
  timers: Timers;
  /** How often a follower looks for new lines (default 200 ms). */
  pollMs?: number;
  log?: (msg: string) => void;
}

const sleep = (env: LogsEnv, signal: AbortSignal) => new Promise<void>((resolve) => {
  const h = env.timers.setTimeout(done, env.pollMs ?? 200);
  signal.addEventListener('abort', done, { once: true });
  function done() {
    env.timers.clearTimeout(h);
    signal.removeEventListener('abort', done);
    resolve();
  }
});

/** Serves one containerLogs request; an error means nothing was written to the sink. */
export async function containerLogs(env: LogsEnv, req: LogRequest, sink: LogSink): Promise<KubeletHttpError | undefined> {
  const view = env.pods?.byName(req.namespace, req.name);
  if (!view) return { code: 404, message: `pod "${req.name}" does not exist` };
  const spec = view.pod.spec ?? {};
  const all = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...((spec as { ephemeralContainers?: { name: string }[] }).ephemeralContainers ?? [])];
  const container = req.container || spec.containers?.[0]?.name || '';
  if (!all.some((c) => c.name === container)) return { code: 404, message: `container "${container}" not found in pod "${req.name}"` };
  const run = logInstance(req.name, view.status, container, req.options.previous);
  if ('error' in run) return { code: 400, message: run.error };
  sink.start();
  const m = view.pod.metadata;
  const path = env.podLogs ? containerLogPath(env.podLogs, { ns: m.namespace ?? '', name: m.name ?? '', uid: m.uid ?? '' }, container, run.file) : '';
  const hooks = { running: () => view.isRunning(run.containerID), wait: () => sleep(env, sink.signal), signal: sink.signal };
  try {
    if (path) await readLogs(path, readOptions(req.options, env.now()), (b) => sink.write(b), hooks);
  } catch (err) {
    env.log?.(`containerLogs ${req.namespace}/${req.name}/${container}: ${(err as Error).message}`);
  } finally {
    sink.end();
  }
  return undefined;
}
