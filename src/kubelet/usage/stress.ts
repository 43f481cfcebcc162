// The stress(1) load generator (polinux/stress, stress 1.0.4): what its hogs ask for. `--cpu N`
// spins N workers; `--vm N` workers each malloc `--vm-bytes` (default 256M, suffixes b/k/m/g in
// powers of 1024) and touch it over and over, or hold it and sleep when `--vm-hang` is given.
// The working set is the workers' memory plus stress's own (as the kubernetes.io memory task shows:
// `--vm-bytes 150M` reads 162900Ki from metrics-server).

export interface StressLoad {
  milliCpu: number;
  memoryBytes: number;
}

/** stress's own working set beside its vm workers' allocations. */
const BASE_BYTES = 9300 * 1024;
/** A worker's page-touching speed, bytes per second, for the CPU a hung vm worker spends. */
const TOUCH_BYTES_PER_S = 4 * 1024 ** 3;

const SHORT: Readonly<Record<string, string>> = { '-c': '--cpu', '-i': '--io', '-m': '--vm', '-d': '--hdd', '-t': '--timeout' };

/** atoll_b: a count with an optional b/k/m/g suffix in powers of 1024. */
export function stressBytes(text: string): number {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(text);
  if (!m) return 0;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase()] ?? 1;
  return Number(m[1]) * unit;
}

/** The options stress was started with (`--vm 1`, `--vm=1`, `-m 1`). */
export function stressOptions(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = SHORT[a] ?? (eq > 0 ? a.slice(0, eq) : a);
    if (!name.startsWith('--')) continue;
    if (eq > 0) out.set(name, a.slice(eq + 1));
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) out.set(name, args[++i]!);
    else out.set(name, '');
  }
  return out;
}

export function stressLoad(args: string[]): StressLoad {
  const o = stressOptions(args);
  const count = (k: string) => Math.max(0, Number(o.get(k) ?? 0) || 0);
  const vm = count('--vm');
  const bytes = o.has('--vm-bytes') ? stressBytes(o.get('--vm-bytes') ?? '') : 256 * 1024 ** 2;
  const hang = o.has('--vm-hang') ? Number(o.get('--vm-hang')) || 0 : undefined;
  const touch = bytes / TOUCH_BYTES_PER_S;
  const perVm = hang === undefined ? 1000 : hang === 0 ? 0 : (1000 * touch) / (touch + hang);
  return {
    milliCpu: count('--cpu') * 1000 + count('--io') * 20 + count('--hdd') * 150 + vm * perVm,
    memoryBytes: vm > 0 ? BASE_BYTES + vm * bytes : 700 * 1024,
  };
}
