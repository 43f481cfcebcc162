// The kernel's OOM killer on a container's cgroup: a process that wants more memory than its
// memory limit is killed (SIGKILL, exit 137) as soon as it has touched that much, and the runtime
// reports the exit as OOMKilled (with memory.oom.group the whole container goes, pid 1 included).
import type { Timers } from '../../controllers/framework/queue.js';
import type { ContainerSpec, Pod } from '../pod-spec.js';
import type { LaunchSpec, SimProcess } from '../runtime/process.js';
import { runUsage } from './run-usage.js';

/** How long a process takes to allocate past its limit. */
export const OOM_AFTER_MS = 150;

/** The process, killed for memory when its usage exceeds its limit; its exitReason says so. */
export function oomKiller(proc: SimProcess, usage: { oomKilled: boolean }, timers: Timers): SimProcess {
  if (!usage.oomKilled) return proc;
  let reason: string | undefined;
  const handle = timers.setTimeout(() => {
    reason = 'OOMKilled';
    proc.signal('SIGKILL');
  }, OOM_AFTER_MS);
  void proc.exited.then(() => timers.clearTimeout(handle));
  // Everything else (stdin, output, rootfs…) is the process's own.
  return new Proxy(proc, {
    get(target, prop) {
      if (prop === 'exitReason') return reason ?? target.exitReason;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** What launch() gave, with the OOM killer on it when the container's memory exceeds its limit. */
export function withOomKiller<P extends SimProcess | { startError: string }>(launched: P, pod: Pod, spec: ContainerSpec, launch: LaunchSpec, timers: Timers): P | SimProcess {
  if ('startError' in launched) return launched;
  return oomKiller(launched, runUsage(pod, spec, launch), timers);
}
