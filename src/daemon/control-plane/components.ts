// What the control-plane node's static pods run: kube-controller-manager and kube-scheduler
// inside the daemon, each started from its manifest's flags.
import { CONTROLLERS, DISABLED_BY_DEFAULT } from '../../controllers/index.js';
import { startControllerManager } from '../../controllers/manager.js';
import { startSchedulerFromKubeconfig } from '../../scheduler/index.js';
import { CONTROLLER_MANAGER_FLAGS, SCHEDULER_FLAGS } from './flags.js';
import type { ComponentSpec } from './supervisor.js';
import { controllerManagerBanner, schedulerBanner } from './banners.js';

export interface ComponentEnv {
  now: () => number;
  log: (m: string) => void;
  /** The control-plane node's name (leader election identities are <host>_<uuid>). */
  host: string;
  /** The cluster's Kubernetes version (v1.32.4), as the components print it. */
  version: string;
}

export function controllerManagerSpec(env: ComponentEnv): ComponentSpec {
  return {
    name: 'kube-controller-manager',
    statusName: 'controller-manager',
    healthPort: 10257,
    manifest: 'etc/kubernetes/manifests/kube-controller-manager.yaml',
    flags: CONTROLLER_MANAGER_FLAGS,
    banner: (at, flags, inNode) => controllerManagerBanner(at, env.version, flags, inNode),
    start: async (flags, log) => {
      if (!flags.kubeconfig) throw new Error('kube-controller-manager: --kubeconfig is required to reach the apiserver');
      return startControllerManager({ kubeconfig: flags.kubeconfig, flags, defs: CONTROLLERS, disabledByDefault: DISABLED_BY_DEFAULT, now: env.now, log, host: env.host });
    },
  };
}

export function schedulerSpec(env: ComponentEnv): ComponentSpec {
  return {
    name: 'kube-scheduler',
    statusName: 'scheduler',
    healthPort: 10259,
    manifest: 'etc/kubernetes/manifests/kube-scheduler.yaml',
    flags: SCHEDULER_FLAGS,
    banner: (at, flags) => schedulerBanner(at, env.version, flags),
    start: async (flags, log) => {
      if (!flags.kubeconfig) throw new Error('kube-scheduler: --kubeconfig is required to reach the apiserver');
      return startSchedulerFromKubeconfig({ kubeconfig: flags.kubeconfig, flags, now: env.now, log, host: env.host });
    },
  };
}
