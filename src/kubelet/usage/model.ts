// A container's resource usage as the runtime's cgroup would show it: CPU (nanocores) and
// working-set memory, derived from what its process is (the image's server, a shell script, a
// program like stress) and held to its limits: CPU is throttled at the CPU limit; memory beyond
// the memory limit is not given, the kernel's OOM killer ends the container instead.
import type { CatalogImage } from '../runtime/catalog.js';
import { BUSY_LOOP_MILLI_CPU, IMAGE_PROFILES, PROGRAM_PROFILES, type Profile } from './profiles.js';
import { stressLoad } from './stress.js';
import { parseQuantity } from '../../api/validation/quantity.js';

export interface UsageInput {
  image: CatalogImage;
  /** The command line the runtime started (entrypoint and args). */
  argv: string[];
  /** The container's resources.limits. */
  limits?: Record<string, unknown>;
  /** Names the container (namespace/pod/container): its stable variation around the image's figures. */
  seed: string;
}

export interface ContainerUsage {
  nanoCores: number;
  memoryBytes: number;
  /** The process wants more memory than its limit: the kernel kills it (OOMKilled). */
  oomKilled: boolean;
}

export interface UsageOptions {
  /** A number in [0, 1) per seed (default: a hash of it), so a container keeps its figures. */
  spread?: (seed: string) => number;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const PAGE = 4096;

/** FNV-1a of the seed, as a fraction. */
export function hashSpread(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return h / 2 ** 32;
}

/** A busy loop with nothing to wait on (no sleep, no read): a whole core. */
function isBusyLoop(script: string): boolean {
  return /\bwhile\s+(true|:)\s*;?\s*do\b/.test(script) && !/\b(sleep|read|nc|wget|curl|tail)\b/.test(script);
}

function imageProfile(image: CatalogImage): Profile | undefined {
  const tagged = image.tags.map((t) => IMAGE_PROFILES[`${image.repository}:${t}`]).find(Boolean);
  return tagged ?? IMAGE_PROFILES[image.repository];
}

/** What the process asks for, before limits and per-container variation. */
function demand(image: CatalogImage, argv: string[]): { load: Profile | { milliCpu: number; memoryBytes: number }; exact: boolean } {
  const args = argv.length > 1 && /entrypoint\.sh$/.test(argv[0] ?? '') ? argv.slice(1) : argv;
  const exe = base(args[0] ?? '');
  if (exe === 'stress') return { load: stressLoad(args.slice(1)), exact: true };
  const server = image.behaviour.program?.some((p) => base(p) === exe);
  if (server) return { load: imageProfile(image) ?? PROGRAM_PROFILES.sh!, exact: false };
  if (SHELLS.has(exe)) {
    const shell = image.behaviour.shell === 'bash' || exe === 'bash' ? PROGRAM_PROFILES.bash! : PROGRAM_PROFILES.sh!;
    const busy = args[1] === '-c' && isBusyLoop(args[2] ?? '');
    return { load: busy ? { ...shell, milliCpu: BUSY_LOOP_MILLI_CPU } : shell, exact: false };
  }
  return { load: PROGRAM_PROFILES[exe] ?? PROGRAM_PROFILES.sh!, exact: false };
}

function limitOf(limits: Record<string, unknown> | undefined, name: string): bigint | undefined {
  const v = limits?.[name];
  const q = typeof v === 'string' || typeof v === 'number' ? parseQuantity(String(v)) : undefined;
  return q ? q.nano : undefined;
}

/** The container's steady usage. */
export function containerUsage(input: UsageInput, o: UsageOptions = {}): ContainerUsage {
  const { load, exact } = demand(input.image, input.argv);
  const f = (o.spread ?? hashSpread)(input.seed);
  const cpuFactor = exact ? 1 : 0.75 + f * 0.5;
  const memFactor = exact ? 1 : 0.89 + f * 0.22;
  const wantBytes = 'memoryBytes' in load ? load.memoryBytes : load.memoryMi * 1024 * 1024 * memFactor;
  let nanoCores = Math.round(load.milliCpu * cpuFactor * 1_000_000);
  let memoryBytes = Math.max(PAGE, Math.round(wantBytes / PAGE) * PAGE);
  const cpuLimit = limitOf(input.limits, 'cpu');
  if (cpuLimit !== undefined && BigInt(nanoCores) > cpuLimit) nanoCores = Number(cpuLimit);
  const memLimit = limitOf(input.limits, 'memory');
  const oomKilled = memLimit !== undefined && BigInt(memoryBytes) * 1_000_000_000n > memLimit;
  if (oomKilled && memLimit !== undefined) memoryBytes = Number(memLimit / 1_000_000_000n);
  return { nanoCores, memoryBytes, oomKilled };
}
