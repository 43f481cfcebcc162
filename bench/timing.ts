// Small timing helpers shared by the benchmarks.
import { spawnSync } from 'node:child_process';

export async function rate(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await op(i);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return n / secs;
}

/** Operations per second with `depth` requests in flight at once (a `check perf`-style load). */
export async function pipelinedRate(n: number, depth: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) await op(next++);
  };
  await Promise.all(Array.from({ length: depth }, worker));
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Median wall time of a command, in ms, over runs (after one warm-up). */
export function wallMs(cmd: string, args: string[], runs = 15, env: NodeJS.ProcessEnv = process.env): number {
  spawnSync(cmd, args, { env });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(cmd, args, { env, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function report(rows: [string, string][]): void {
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(w)}  ${v}\n`);
}
