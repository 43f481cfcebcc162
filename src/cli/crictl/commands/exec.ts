// crictl exec: in one container (ID COMMAND…) or in every container the filter flags select;
// -s runs ExecSync (stdout then stderr, each with a line feed, all on stdout); the streaming form
// asks the runtime for an Exec URL and streams from it (a non-zero exit is `command terminated with
// exit code N`). Errors aggregate, one plain line each.
import type { CriClient } from '../../../client/cri/client.js';
import type { Ctx } from '../context.js';
import { AggregateError, errorText, wrapError } from '../errors.js';
import { aggregateGoroutines } from '../runtime/aggregate.js';
import { listContainers, parseLabels } from '../runtime/containers.js';
import { stream, streamUrl } from '../streaming/stream.js';
import { tlsConfig } from './streaming.js';

const FILTER_FLAGS = ['name', 'pod', 'image', 'state', 'label', 'latest', 'last'];

async function execSync(ctx: Ctx, runtime: CriClient, id: string, cmd: string[]): Promise<void> {
  const r = await runtime.execSync({ containerId: id, cmd, timeout: String(ctx.int('timeout')) }).catch((err: unknown) => {
    if ((err as { code?: string }).code === 'DeadlineExceeded') {
      throw new Error(`command timed out: ${JSON.stringify(cmd.join(' '))} timed out after ${ctx.int('timeout')}s`);
    }
    throw err;
  });
  if (r.exitCode !== 0) throw new Error(`command '${cmd.join(' ')}' exited with ${r.exitCode}: ${r.stderr.toString('utf8')}`);
  ctx.out(`${r.stdout.toString('utf8')}\n${r.stderr.toString('utf8')}\n`);
}

/** The streaming form: the runtime's Exec URL, then the stream over --transport. */
async function execStream(ctx: Ctx, runtime: CriClient, id: string, cmd: string[]): Promise<void> {
  const tty = ctx.bool('tty');
  const stdin = ctx.bool('interactive');
  const r = await runtime.exec({ containerId: id, cmd, tty, stdin, stdout: true, stderr: !tty });
  const url = streamUrl(r.url);
  ctx.log.debug(`Exec URL: ${url.toString()}`);
  await stream(ctx, { url, stdin, tty });
}

async function selectContainers(ctx: Ctx, runtime: CriClient): Promise<string[]> {
  const opts = {
    nameRegexp: ctx.string('name'), podId: ctx.string('pod'), state: ctx.string('state'),
    latest: ctx.bool('latest'), last: ctx.int('last'), labels: parseLabels(ctx.slice('label')),
  };
  const list = await listContainers(runtime, opts).catch((err: unknown) => {
    throw wrapError('listing containers', err);
  });
  return list.map((c) => c.id);
}

export async function exec(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length < 1) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  let ids = [ctx.args[0]!];
  let cmd = ctx.args.slice(1);
  let printIds = false;
  const quiet = ctx.bool('quiet');
  if (ctx.bool('ignore-errors') && !quiet) ctx.log.warn('The `--ignore-errors` option has been set all errors returned by the command will be ignored.');
  if (FILTER_FLAGS.some((f) => ctx.isSet(f))) {
    cmd = ctx.args;
    printIds = !quiet && !ctx.bool('parallel');
    ids = await selectContainers(ctx, runtime);
    if (ids.length === 0) {
      ctx.log.error('No containers found per filter flags');
      return ctx.showHelp();
    }
  } else if (ctx.args.length < 2) return ctx.showHelp();
  tlsConfig(ctx);
  const sync = ctx.bool('sync');
  const funcs = ids.map((id) => async () => {
    if (printIds) ctx.out(`${id}:\n`);
    if (sync) {
      await execSync(ctx, runtime, id, cmd).catch((err: unknown) => {
        throw new Error(`execing command in container ${id} synchronously: ${errorText(err)}`);
      });
    } else {
      await execStream(ctx, runtime, id, cmd).catch((err: unknown) => {
        throw new Error(`execing command in container ${id}: ${errorText(err)}`);
      });
    }
  });
  try {
    await runSequentially(funcs, ctx.bool('parallel'));
  } catch (err) {
    if (!ctx.bool('ignore-errors')) throw err;
  }
}

/** crictl starts all goroutines at once; without -x their output cannot interleave here, so run in order. */
async function runSequentially(funcs: (() => Promise<void>)[], parallel: boolean): Promise<void> {
  if (parallel) return aggregateGoroutines(funcs);
  const errors: Error[] = [];
  for (const f of funcs) {
    try {
      await f();
    } catch (err) {
      errors.push(err instanceof Error ? err : new Error(String(err)));
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}
