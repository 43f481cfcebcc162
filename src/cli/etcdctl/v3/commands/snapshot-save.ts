// etcdctl snapshot save <filename>: Maintenance.Snapshot streamed into <filename>.part, then
// renamed, with the zap lines of clientv3/snapshot. No timeout unless --command-timeout is set.
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import { GO_CODES, type EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { durationSeconds, zapLine } from '../logs.js';
import { humanBytes } from '../printers/format.js';
import { withClient } from './dial.js';
import { goErrnoText } from '../../../../client/go-errno.js';

type Stream = NodeJS.ReadableStream & { on(e: 'metadata', f: () => void): unknown };

function download(ctx: CommandContext, c: EtcdClient, fd: number, ep: string): Promise<number> {
  const svc = c.service('Maintenance') as unknown as { Snapshot(req: object, md: unknown, o: object): Stream };
  const opts = ctx.globals().commandTimeoutSet ? { deadline: c.deadline() } : {};
  const stream = svc.Snapshot({}, c.metadata(), opts);
  let size = 0;
  let opened = false;
  let failed = false;
  const open = () => {
    if (opened) return;
    opened = true;
    ctx.err(zapLine('info', 'clientv3/maintenance.go:200', 'opened snapshot stream; downloading', {}));
    ctx.err(zapLine('info', 'snapshot/v3_snapshot.go:127', 'fetching snapshot', { endpoint: ep }, true));
  };
  return new Promise((resolveSize, reject) => {
    stream.on('metadata', open);
    stream.on('data', (msg: { blob?: Buffer }) => {
      open();
      if (msg.blob) size += writeSync(fd, msg.blob);
    });
    stream.on('end', () => {
      if (failed) return;
      ctx.err(zapLine('info', 'clientv3/maintenance.go:208', 'completed snapshot read; closing', {}));
      resolveSize(size);
    });
    stream.on('error', (err: { code: number } & Error) => {
      failed = true;
      const desc = c.describe(err as never).desc;
      ctx.err(zapLine('error', 'clientv3/retry_interceptor.go:129', 'streamer failed to create ClientStream', {
        error: `rpc error: code = ${GO_CODES[err.code] ?? 'Unknown'} desc = ${desc}`, stacktrace: 'kubedojo etcdctl',
      }));
      reject(new ExitError(EXIT.interrupted, 'context deadline exceeded'));
    });
  });
}

/** os.Rename: it refuses to replace a directory (EEXIST); `Error: could not rename ...`, exit 5. */
function rename(cwd: string, from: string, to: string): void {
  const fail = (why: string): never => {
    throw new ExitError(EXIT.interrupted, `could not rename ${from} to ${to} (rename ${from} ${to}: ${why})`);
  };
  if (to === '') fail('no such file or directory');
  if (lstatSync(resolve(cwd, to), { throwIfNoEntry: false })?.isDirectory() === true) fail('file exists');
  try {
    renameSync(resolve(cwd, from), resolve(cwd, to));
  } catch (err) {
    fail(goErrnoText(err));
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length !== 1) throw new ExitError(EXIT.badArgs, 'snapshot save expects one argument');
  const eps = ctx.clientConfig().endpoints;
  if (eps.length !== 1) throw new ExitError(EXIT.interrupted, `snapshot must be requested to one selected node, not multiple [${eps.join(' ')}]`);
  const path = ctx.args[0]!;
  const part = `${path}.part`;
  return withClient(ctx, async (c) => {
    let fd: number;
    try {
      fd = openSync(resolve(ctx.io.cwd, part), 'w', 0o600);
    } catch {
      throw new ExitError(EXIT.interrupted, `could not open ${part} (open ${part}: no such file or directory)`);
    }
    ctx.err(zapLine('info', 'snapshot/v3_snapshot.go:119', 'created temporary db file', { path: part }, true));
    const start = performance.now();
    try {
      const size = await download(ctx, c, fd, eps[0]!);
      fsyncSync(fd);
      closeSync(fd);
      ctx.err(zapLine('info', 'snapshot/v3_snapshot.go:142', 'fetched snapshot', {
        endpoint: eps[0], size: humanBytes(size), took: durationSeconds(performance.now() - start),
      }, true));
      rename(ctx.io.cwd, part, path);
      ctx.err(zapLine('info', 'snapshot/v3_snapshot.go:152', 'saved', { path }, true));
    } finally {
      rmSync(resolve(ctx.io.cwd, part), { force: true });
    }
    ctx.out(`Snapshot saved at ${path}\n`);
    return EXIT.success;
  });
}
