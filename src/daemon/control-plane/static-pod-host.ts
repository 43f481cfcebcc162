// What the control-plane node's kubelet asks the daemon about the static pods it runs itself:
// etcd and kube-apiserver run for as long as the daemon does (since it started), the
// controller-manager and the scheduler as their supervisor says; each one's output per run.
import type { ComponentLine, ComponentRun, StaticPodHost } from '../../kubelet/static-pods/types.js';
import type { StaticPodSupervisor } from './supervisor.js';

/** Static pods the daemon serves from its start: their manifests are read once, at start. */
export const DAEMON_COMPONENTS = ['etcd', 'kube-apiserver'];

export function controlPlaneHost(supervisor: StaticPodSupervisor, startedAt: number): StaticPodHost {
  return {
    status(name: string): ComponentRun | undefined {
      if (DAEMON_COMPONENTS.includes(name)) return { state: 'running', attempts: 1, startedAt };
      return supervisor.status(name);
    },
    output(name: string, attempt: number): readonly ComponentLine[] {
      return supervisor.outputs.lines(name, attempt);
    },
  };
}
