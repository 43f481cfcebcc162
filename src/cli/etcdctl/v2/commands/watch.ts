// watch and exec-watch: long polls on /v2/keys/<key>?wait=true; SIGINT exits 0.
import { spawnSync } from 'node:child_process';
import type { V2Client } from '../client.js';
import type { V2Context } from '../context.js';
import { V2_EXIT } from '../exit-codes.js';
import { keysCall, type V2Response } from '../keys.js';
import { responseText } from '../print.js';
import { connect, serverError } from './session.js';

async function* events(ctx: V2Context, c: V2Client, key: string, recursive: boolean, after: number): AsyncGenerator<V2Response> {
  let waitIndex = after > 0 ? after + 1 : 0;
  for (;;) {
    const q: Record<string, string> = { wait: 'true', recursive: String(recursive) };
    if (waitIndex > 0) q.waitIndex = String(waitIndex);
    let resp: V2Response;
    try {
      resp = await keysCall(c, 'GET', key, q);
    } catch (err) {
      return serverError(ctx, err);
    }
    waitIndex = (resp.node.modifiedIndex ?? 0) + 1;
    yield resp;
  }
}

function exitOnInterrupt(): void {
  process.once('SIGINT', () => process.exit(0));
}

export async function watch(ctx: V2Context): Promise<number> {
  const c = await connect(ctx);
  if (ctx.args.length === 0) ctx.badArgs('key required');
  exitOnInterrupt();
  const recursive = ctx.bool('recursive');
  for await (const resp of events(ctx, c, ctx.args[0]!, recursive, ctx.num('after-index'))) {
    if (resp.node.dir === true) continue;
    if (recursive) ctx.out(`[${resp.action}] ${resp.node.key}\n`);
    ctx.print(responseText(resp, ctx.output));
    if (!ctx.bool('forever')) break;
  }
  return V2_EXIT.success;
}

/** KEY -- CMD... ; without a `--` (see reorderArgs) the last word is taken as the key. */
function splitExec(args: string[]): [string, string[]] {
  const sep = args.findIndex((a, i) => a === '--' && i !== 0);
  if (sep >= 0) return [args[0]!, args.slice(2)];
  return [args[args.length - 1]!, args.slice(0, -1)];
}

export async function execWatch(ctx: V2Context): Promise<number> {
  const c = await connect(ctx);
  if (ctx.args.length < 2) ctx.badArgs('key and command to exec required');
  const [key, cmd] = splitExec(ctx.args);
  exitOnInterrupt();
  for await (const resp of events(ctx, c, key, ctx.bool('recursive'), ctx.num('after-index'))) {
    const env = {
      ...ctx.io.env, ETCD_WATCH_ACTION: resp.action, ETCD_WATCH_KEY: resp.node.key ?? '',
      ETCD_WATCH_VALUE: resp.node.value ?? '', ETCD_WATCH_MODIFIED_INDEX: String(resp.node.modifiedIndex ?? 0),
    };
    const r = spawnSync(cmd[0]!, cmd.slice(1), { env, cwd: ctx.io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    ctx.out(r.stdout ?? '');
    ctx.err((r.stderr ?? Buffer.alloc(0)).toString());
  }
  return V2_EXIT.success;
}
