// Which run of a container a log request reads: the kubelet's validateContainerLogStatus (the
// current run, the last terminated one, or an error in upstream's words), and the run's log file
// number. A run's file is named after the restartCount it was created with; the status counts
// the newest created run, so the run before it is one less, unless no newer run was created yet
// (waiting in CrashLoopBackOff or ImagePullBackOff after a restart).
import type { ContainerStatus, PodStatus } from '../pod-spec.js';

export type LogInstance = { containerID: string; file: number } | { error: string };

const bare = (id: string | undefined): string => (id ?? '').replace(/^[a-z]+:\/\//, '');

function statusOf(status: PodStatus, container: string): ContainerStatus | undefined {
  const lists = [status.containerStatuses, status.initContainerStatuses, status.ephemeralContainerStatuses as ContainerStatus[] | undefined];
  for (const l of lists) {
    const s = l?.find((x) => x.name === container);
    if (s) return s;
  }
  return undefined;
}

/** The waiting message for the most common pending failures, as upstream words them. */
function waitingError(container: string, pod: string, reason: string | undefined): string {
  const why = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason ?? '';
  return `container "${container}" in pod "${pod}" is waiting to start: ${why}`;
}

export function logInstance(pod: string, status: PodStatus, container: string, previous: boolean): LogInstance {
  const cs = statusOf(status, container);
  if (!cs) return { error: `container "${container}" in pod "${pod}" is not available` };
  const st = cs.state ?? {};
  const last = cs.lastState?.terminated;
  const restarts = cs.restartCount ?? 0;
  const current = { containerID: bare(st.terminated?.containerID ?? cs.containerID), file: restarts };
  const newer = Boolean(st.running) || Boolean(st.terminated?.containerID);
  const lastRun = last?.containerID ? { containerID: bare(last.containerID), file: Math.max(0, newer ? restarts - 1 : restarts) } : undefined;
  const terminated = `container "${container}" in pod "${pod}" is terminated`;
  if (previous) return lastRun ?? { error: `previous terminated container "${container}" in pod "${pod}" not found` };
  if (st.running) return { containerID: bare(cs.containerID), file: restarts };
  if (st.terminated) return st.terminated.containerID ? current : lastRun ?? { error: terminated };
  if (last) return lastRun ?? { error: terminated };
  if (st.waiting) return { error: waitingError(container, pod, st.waiting.reason) };
  return { error: `container "${container}" in pod "${pod}" is waiting to start - no logs yet` };
}
