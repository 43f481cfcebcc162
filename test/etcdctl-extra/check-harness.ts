// Running `etcdctl check ...` for the check tests: the real etcdctl and ours (a child process
// bundled from src, so no `npm run build` is needed), both in a session of their own so neither
// has a controlling terminal (pb.v1 then draws its bar without a bar: width 0), with only PATH,
// HOME and ETCDCTL_API set. Our etcd may run in the test process: nothing here blocks.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChild } from '../support/build-child.js';
import { afterAll, beforeAll } from 'vitest';
import { REAL_ETCDCTL, startOurs, startReal, type Endpoint } from '../support/etcd-pair.js';

export interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface Clients {
  real: string[];
  ours: string[];
  dir: string;
  cleanup(): void;
}

/** The argv prefixes of both clients; ours is bundled once into a temporary launcher. */
export async function clients(): Promise<Clients> {
  const dir = mkdtempSync(join(tmpdir(), 'etcdctl-check-'));
  const bundle = await buildChild('src/cli/etcdctl/main.ts');
  const launcher = join(dir, 'etcdctl.mjs');
  writeFileSync(launcher, `const m = await import(${JSON.stringify(bundle)});\nprocess.exit(await m.main(process.argv.slice(2)));\n`);
  return {
    real: [REAL_ETCDCTL],
    ours: [process.execPath, launcher],
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(bundle, { force: true });
    },
  };
}

export interface ExecOptions {
  /** kill the process group after this long */
  killAfterMs?: number;
  /** kill the process group once stdout contains this */
  killWhen?: string;
}

/** Runs a client to its end, or until it is killed as `o` says (code null then). */
export function exec(cmd: string[], args: string[], cwd: string, o: ExecOptions = {}): Promise<Run> {
  const child = spawn(cmd[0]!, [...cmd.slice(1), ...args], {
    cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: cwd, LANG: 'C.UTF-8', ETCDCTL_API: '3' },
  });
  const kill = (): void => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const timer = o.killAfterMs === undefined ? undefined : setTimeout(kill, o.killAfterMs);
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (o.killWhen !== undefined && stdout.includes(o.killWhen)) kill();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

/** What varies between runs of the same command: log timestamps, client ids, ports. */
export function mask(text: string, ports: number[]): string {
  let out = text
    .replace(/"ts":"[^"]+"/g, '"ts":"<TS>"')
    .replace(/client-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'client-<UUID>');
  for (const p of ports) out = out.split(String(p)).join('<PORT>');
  return out;
}

export interface BarRun {
  /** stdout before the bar */
  head: string;
  /** every line the bar drew, without its `\r` (and the last one without its newline) */
  frames: string[];
  /** Finish drew its last line and the newline */
  finished: boolean;
  /** the command's own lines, wherever they fell between the bar's redraws */
  tail: string[];
}

/** A redraw: counters, percent, then the time left, or Finish's elapsed time and newline. */
const FRAME = /^ \d+ \/ \d+ +\d+\.\d\d%(?: \d\dm\d\ds| [0-9hms]+\n)?/;

/**
 * Splits a check's stdout into the text before its bar, the bar's redraws and the command's lines.
 * The bar redraws from its own goroutine: lines the command prints while it still runs (or after
 * its Finish) land between two redraws, glued to the end of the earlier one.
 */
export function splitBar(stdout: string): BarRun {
  const first = stdout.indexOf('\r');
  if (first < 0) return { head: stdout, frames: [], finished: false, tail: stdout.split('\n').filter((l) => l !== '') };
  const frames: string[] = [];
  let rest = '';
  let finished = false;
  for (const segment of stdout.slice(first + 1).split('\r')) {
    const m = FRAME.exec(segment)?.[0] ?? '';
    if (m.endsWith('\n')) finished = true;
    frames.push(m.replace(/\n$/, ''));
    rest += segment.slice(m.length);
  }
  return { head: stdout.slice(0, first), frames, finished, tail: rest.split('\n').filter((l) => l !== '') };
}

/** The frame every refresh draws without a terminal: ` n / total  pp.pp%[ MMmSSs]`. */
export function frameRe(total: number): RegExp {
  return new RegExp(`^ \\d+ / ${total} +\\d+\\.\\d\\d%( \\d\\dm\\d\\ds)?$`);
}

/** Numbers of a verdict line masked; PASS/FAIL variants of one check map to one shape. */
export function verdictShape(line: string): string {
  return line
    .replace(/^(PASS: Throughput is|FAIL: Throughput too low:) \d+ writes\/s$/, 'THROUGHPUT <N> writes/s')
    .replace(/^(PASS: Slowest request took|Slowest request took too long:) \d+\.\d{6}s$/, 'SLOWEST <F>s')
    .replace(/^(PASS: Stddev is|Stddev too high:) (\d+\.\d{6}|NaN)s$/, 'STDDEV <F>s')
    .replace(/^(PASS|FAIL)$/, 'VERDICT')
    .replace(/^(Compact(?:ing|ed) with revision) \d+$/, '$1 <REV>')
    .replace(/^PASS: Approximate system memory used : -?\d+\.\d\d MB\.$/, 'PASS: Approximate system memory used : <F> MB.');
}

/**
 * A real etcd and ours (API 3 only), fresh and on run-time ports, with both etcdctls, for one
 * describe block: started before its tests, stopped after them.
 */
export function useServerPair(): { clients(): Clients; servers(): Endpoint[] } {
  let c: Clients | undefined;
  let servers: Endpoint[] = [];
  beforeAll(async () => {
    c = await clients();
    servers = await Promise.all([startReal({ v2: false }), startOurs({ v2: false })]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    c?.cleanup();
  });
  return { clients: () => c!, servers: () => servers };
}
