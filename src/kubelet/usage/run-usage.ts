// The usage of one container run, from what the kubelet starts it with: the pod's container spec
// (its limits) and the launch (image and command line). The runtime records it with the run
// (what crictl stats and the resource metrics endpoint report).
import type { ContainerSpec, Pod } from '../pod-spec.js';
import type { LaunchSpec } from '../runtime/process.js';
import type { Usage } from '../cri/state.js';
import { containerUsage, type ContainerUsage } from './model.js';

/** The container's resources.limits (the spec type leaves resources to the apiserver's shape). */
export function limitsOf(spec: ContainerSpec): Record<string, unknown> | undefined {
  return (spec as { resources?: { limits?: Record<string, unknown> } }).resources?.limits;
}

export function runUsage(pod: Pod, spec: ContainerSpec, launch: Pick<LaunchSpec, 'image' | 'argv'>): ContainerUsage {
  const limits = limitsOf(spec);
  const seed = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}/${spec.name}`;
  return containerUsage({ image: launch.image, argv: launch.argv, seed, ...(limits ? { limits } : {}) });
}

/** The figures the runtime keeps for the run. */
export function runtimeUsage(pod: Pod, spec: ContainerSpec, launch: Pick<LaunchSpec, 'image' | 'argv'>): Usage {
  const u = runUsage(pod, spec, launch);
  return { nanoCores: u.nanoCores, memoryBytes: u.memoryBytes };
}
