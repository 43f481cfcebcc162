// What an idle container of each image uses, as `kubectl top` shows it on a kubeadm v1.32 node
// (2 vCPU, 4 GiB): steady CPU in millicores and working-set memory. Figures follow what
// metrics-server reports for these images at rest (nginx ~1m/3-4Mi, busybox sleep 0m/<1Mi,
// mysql 8 ~6m/~390Mi, the control plane's static pods as a fresh kubeadm control plane shows
// them). Each container then varies around its image's figures by a stable per-container factor.

export interface Profile {
  /** Steady CPU, millicores (fractions allowed: 0.6 shows as 1m, kubectl rounds up). */
  milliCpu: number;
  /** Working set, MiB. */
  memoryMi: number;
}

/** By image repository; a tag-specific entry (`repo:tag`) wins over the repository's. */
export const IMAGE_PROFILES: Readonly<Record<string, Profile>> = {
  'docker.io/library/nginx': { milliCpu: 0.6, memoryMi: 3.6 },
  'docker.io/library/nginx:1.14.2': { milliCpu: 0.4, memoryMi: 2.3 },
  'docker.io/library/httpd': { milliCpu: 0.8, memoryMi: 6.4 },
  'docker.io/library/redis': { milliCpu: 1.7, memoryMi: 3.3 },
  'docker.io/library/mysql': { milliCpu: 5.6, memoryMi: 388 },
  'docker.io/library/mysql:5.7': { milliCpu: 3.8, memoryMi: 204 },
  'docker.io/library/postgres': { milliCpu: 1.2, memoryMi: 24 },
  'docker.io/library/memcached': { milliCpu: 0.5, memoryMi: 2.1 },
  'registry.k8s.io/coredns/coredns': { milliCpu: 2.4, memoryMi: 13.2 },
  'registry.k8s.io/etcd': { milliCpu: 21, memoryMi: 46 },
  'registry.k8s.io/kube-apiserver': { milliCpu: 42, memoryMi: 262 },
  'registry.k8s.io/kube-controller-manager': { milliCpu: 13, memoryMi: 49 },
  'registry.k8s.io/kube-scheduler': { milliCpu: 2.8, memoryMi: 21 },
  'registry.k8s.io/kube-proxy': { milliCpu: 0.9, memoryMi: 14.5 },
  'registry.k8s.io/metrics-server/metrics-server': { milliCpu: 3.6, memoryMi: 18.6 },
  'registry.k8s.io/pause': { milliCpu: 0, memoryMi: 0.3 },
};

/** A process the simulated shell runs, by program name (the shell's own loop when none matches). */
export const PROGRAM_PROFILES: Readonly<Record<string, Profile>> = {
  sh: { milliCpu: 0, memoryMi: 0.45 },
  bash: { milliCpu: 0, memoryMi: 1.1 },
  python: { milliCpu: 0.3, memoryMi: 11.5 },
  python3: { milliCpu: 0.3, memoryMi: 11.5 },
  node: { milliCpu: 0.5, memoryMi: 38 },
};

/** What a node's own daemons use besides its pods (kubelet, containerd, systemd, the kernel's working set). */
export const NODE_SYSTEM: Profile = { milliCpu: 24, memoryMi: 548 };

/** A busy loop (`while true; do :; done`) takes a whole core unless its CPU limit holds it back. */
export const BUSY_LOOP_MILLI_CPU = 1000;
