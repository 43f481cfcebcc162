// etcdctl lock <lockname> [exec-command arg1 arg2 ...]
import { spawn } from 'node:child_process';
import { ExitError } from '../../../shared/exit.js';
import type { EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { acquire, holdUntilInterrupted, interrupted, newSession, release, type Held } from './concurrency.js';
import { withClient } from './dial.js';

function exec(ctx: CommandContext, argv: string[], held: Held): Promise<number> {
  const env = { ETCD_LOCK_KEY: held.key, ETCD_LOCK_REV: held.rev, ...ctx.io.env };
  const child = spawn(argv[0]!, argv.slice(1), { env, cwd: ctx.io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (b: Buffer) => ctx.out(b));
  child.stderr.on('data', (b: Buffer) => ctx.err(b.toString()));
  return new Promise((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function hold(ctx: CommandContext, c: EtcdClient): Promise<number> {
  const stop = interrupted();
  const session = await newSession(c, ctx.num('ttl'));
  const held = await acquire(c, session, ctx.args[0]!, '');
  try {
    const argv = ctx.args.slice(1);
    if (argv.length > 0) {
      const code = await exec(ctx, argv, held);
      await release(c, held.key);
      if (code !== 0) throw new ExitError(EXIT.error, code < 0 ? `exec: "${argv[0]}": executable file not found in $PATH` : `exit status ${code}`);
      return EXIT.success;
    }
    return await holdUntilInterrupted(ctx, c, held.key, stop);
  } finally {
    session.close();
  }
}

export async function run(ctx: CommandContext): Promise<number> {
  if (ctx.args.length === 0) throw new ExitError(EXIT.badArgs, 'lock takes a lock name argument and an optional command to execute');
  return withClient(ctx, (c) => hold(ctx, c));
}
