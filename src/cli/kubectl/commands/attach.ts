// kubectl attach (POD | TYPE/NAME) -c CONTAINER: AttachOptions' Validate and Run — the pod (a
// workload's most active one), not a completed one, the container (whose own tty decides the
// session's), the `If you don't see a command prompt` hint, the session over the pod's attach
// subresource, and the note on how to resume an interactive session.
import type { Ctx } from '../context.js';
import { attachablePod, findOrDefaultContainer, type Container, type Pod } from './exec/pods.js';
import { runSession } from './exec/session.js';
import { setupTerminal } from './exec/terminal.js';

function validate(ctx: Ctx): void {
  const n = ctx.args.length;
  if (n === 0) throw new Error('at least 1 argument is required for attach');
  if (n > 2) throw new Error(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${n}: [${ctx.args.join(' ')}]`);
}

async function targetPod(ctx: Ctx, timeoutMs: number): Promise<Pod> {
  const client = await ctx.factory.client();
  const { namespace } = await ctx.factory.namespace();
  const [first = '', second] = ctx.args;
  if (second !== undefined) return attachablePod(client, await (await ctx.factory.mapper(4)).resolve(first), namespace, second, timeoutMs);
  const at = first.indexOf('/');
  const r = await (await ctx.factory.mapper(4)).resolve(at < 0 ? 'pods' : first.slice(0, at));
  return attachablePod(client, r, namespace, first.slice(at + 1), timeoutMs);
}

function container(ctx: Ctx, pod: Pod, name: string, quiet: boolean): Container {
  try {
    return findOrDefaultContainer(pod, name, quiet, (t) => ctx.io.stderr.write(t), ctx.factory.klog);
  } catch (err) {
    throw new Error(`cannot attach to the container: ${(err as Error).message}`);
  }
}

export interface AttachOptions {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  container: string;
  /** `kubectl attach`, for the note on how to resume. */
  commandName: string;
}

/** AttachOptions.Run on a pod already found: the container, its tty, the hint, the session, the resume note. */
export async function attachToPod(ctx: Ctx, pod: Pod, o: AttachOptions): Promise<void> {
  const c = container(ctx, pod, o.container, o.quiet);
  let tty = o.tty;
  if (tty && !c.tty) {
    tty = false;
    if (!o.quiet) ctx.io.stderr.write(`error: Unable to use a TTY - container ${c.name} did not allocate one\n`);
  } else if (!tty && c.tty) tty = true;
  const t = setupTerminal(ctx, { stdin: o.stdin, tty, quiet: o.quiet, nudge: true });
  if (!o.quiet) ctx.io.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  await runSession(ctx, await ctx.factory.client(), pod, { subresource: 'attach', container: c.name, stdout: true, stderr: !t.raw }, t);
  if (!o.quiet && t.stdin && t.raw && pod.spec?.restartPolicy === 'Always') {
    const ephemeral = (pod.spec.ephemeralContainers ?? []).some((e) => e.name === c.name);
    ctx.io.stdout.write(ephemeral
      ? `Session ended, the ephemeral container will not be restarted but may be reattached using '${o.commandName} ${pod.metadata.name ?? ''} -c ${c.name} -i -t' if it is still running\n`
      : `Session ended, resume using '${o.commandName} ${pod.metadata.name ?? ''} -c ${c.name} -i -t' command when the pod is running\n`);
  }
}

export async function run(ctx: Ctx): Promise<number> {
  const timeoutMs = ctx.int('pod-running-timeout');
  if (timeoutMs <= 0) throw ctx.usageError('--pod-running-timeout must be higher than zero');
  validate(ctx);
  const pod = await targetPod(ctx, timeoutMs);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot attach a container in a completed pod; current phase is ${phase}`);
  await attachToPod(ctx, pod, { stdin: ctx.bool('stdin'), tty: ctx.bool('tty'), quiet: ctx.bool('quiet'), container: ctx.str('container'), commandName: ctx.commandPath });
  return 0;
}
