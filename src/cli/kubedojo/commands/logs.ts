// kubedojo logs: the cluster daemon's log (<cluster>/daemon.log, klog lines); -f keeps printing
// what is appended, across restarts of the daemon, until interrupted.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { clusterExists } from '../../../daemon/create-config.js';
import { ExitError } from '../../shared/exit.js';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface LogsOptions {
  name: string;
  follow: boolean;
}

const POLL_MS = 200;

export function complete(raw: Record<string, unknown>): LogsOptions {
  return { name: String(raw.name), follow: raw.follow === true };
}

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

/** Copies the bytes of `file` from `offset` to its current end to stdout; returns the new end. */
function copyFrom(ctx: Context, file: string, offset: number): number {
  const end = size(file);
  if (end < 0) return 0;
  const from = end < offset ? 0 : offset;
  if (end === from) return end;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(end - from);
    const n = readSync(fd, buf, 0, buf.length, from);
    ctx.io.stdout.write(buf.subarray(0, n));
    return from + n;
  } finally {
    closeSync(fd);
  }
}

async function follow(ctx: Context, file: string, offset: number): Promise<void> {
  const signal = ctx.overrides.signal;
  let at = offset;
  while (signal?.aborted !== true) {
    await new Promise((r) => setTimeout(r, POLL_MS));
    at = copyFrom(ctx, file, at);
  }
}

export async function run(raw: Record<string, unknown>, ctx: Context): Promise<number> {
  const o = complete(raw);
  const paths = ctx.cluster(o.name);
  if (!clusterExists(paths)) throw new ExitError(EXIT.error, `cluster "${paths.name}" not found; create it with: kubedojo up --name ${paths.name}`);
  if (size(paths.log) < 0 && !o.follow) {
    ctx.err(`Cluster "${paths.name}" has no log yet (${paths.log}); its daemon writes one when it starts.\n`);
    return EXIT.success;
  }
  const at = copyFrom(ctx, paths.log, 0);
  if (o.follow) await follow(ctx, paths.log, at);
  return EXIT.success;
}
