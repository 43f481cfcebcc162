// Resource usage the simulated runtime reports (cgroup figures in containerd): steady memory and
// a CPU counter that grows at a fixed rate per container, so two samples give a stable CPU %.
import type * as T from '../../client/cri/types.js';
import type { ContainerEntry, SandboxEntry } from './state.js';

const u64 = (n: bigint | number): T.UInt64Value => ({ value: String(typeof n === 'bigint' ? n : Math.round(n)) });

/** A stable small number from an ID, for per-container figures. */
function seed(id: string): number {
  return parseInt(id.slice(0, 6), 16) || 1;
}

/** Working-set bytes: the recorded figure, else 2–18 MB picked by the ID. */
export function memoryBytes(c: ContainerEntry): number {
  return c.usage?.memoryBytes ?? 2_000_000 + (seed(c.id) % 16_000) * 1000;
}

/** CPU rate in nanocores: the recorded one, else 0–2 millicores by the ID. */
function nanoCores(c: ContainerEntry): number {
  return c.usage?.nanoCores ?? (seed(c.id) % 3) * 1_000_000;
}

export function containerStats(c: ContainerEntry, nowNs: bigint): T.ContainerStats {
  const ts = String(nowNs);
  const cores = nanoCores(c);
  const used = c.startedAt > 0n ? ((nowNs - c.startedAt) * BigInt(cores)) / 1_000_000_000n : 0n;
  const mem = memoryBytes(c);
  return {
    attributes: { id: c.id, metadata: { name: c.name, attempt: c.attempt }, labels: { ...c.labels }, annotations: { ...c.annotations } },
    cpu: { timestamp: ts, usageCoreNanoSeconds: u64(used), usageNanoCores: u64(cores) },
    memory: { timestamp: ts, workingSetBytes: u64(mem), availableBytes: u64(0), usageBytes: u64(mem), rssBytes: u64(Math.round(mem * 0.8)), pageFaults: u64(0), majorPageFaults: u64(0) },
    writableLayer: { timestamp: ts, fsId: { mountpoint: '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs' }, usedBytes: u64(c.usage?.diskBytes ?? 16384 - (seed(c.id) % 2) * 4096), inodesUsed: u64(c.usage?.inodes ?? 9 + (seed(c.id) % 9)) },
    swap: { timestamp: ts, swapAvailableBytes: u64(0), swapUsageBytes: u64(0) },
  };
}

export function sandboxStats(s: SandboxEntry, containers: ContainerEntry[], nowNs: bigint): T.PodSandboxStats {
  const ts = String(nowNs);
  const stats = containers.map((c) => containerStats(c, nowNs));
  const sum = (f: (x: T.ContainerStats) => T.UInt64Value | null | undefined): bigint => stats.reduce((a, x) => a + BigInt(f(x)?.value ?? '0'), 0n);
  const pauseMem = BigInt(s.usage?.memoryBytes ?? 330_000);
  const pauseCores = BigInt(s.usage?.nanoCores ?? 0);
  const pauseCpu = s.createdAt > 0n ? ((nowNs - s.createdAt) * pauseCores) / 1_000_000_000n : 0n;
  return {
    attributes: { id: s.id, metadata: { name: s.name, uid: s.uid, namespace: s.namespace, attempt: s.attempt }, labels: { ...s.labels }, annotations: { ...s.annotations } },
    linux: {
      cpu: { timestamp: ts, usageCoreNanoSeconds: u64(sum((x) => x.cpu?.usageCoreNanoSeconds) + pauseCpu), usageNanoCores: u64(sum((x) => x.cpu?.usageNanoCores) + pauseCores) },
      memory: { timestamp: ts, workingSetBytes: u64(sum((x) => x.memory?.workingSetBytes) + pauseMem), availableBytes: u64(0), usageBytes: u64(sum((x) => x.memory?.usageBytes) + pauseMem), rssBytes: u64(0), pageFaults: u64(0), majorPageFaults: u64(0) },
      network: { timestamp: ts, defaultInterface: { name: 'eth0', rxBytes: u64(0), rxErrors: u64(0), txBytes: u64(0), txErrors: u64(0) }, interfaces: [] },
      process: { timestamp: ts, processCount: u64(containers.length + 1) },
      containers: stats,
    },
    windows: null,
  };
}
