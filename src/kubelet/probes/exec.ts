// The exec probe (pkg/probe/exec over the runtime's ExecSync): the command, its $(VAR)
// references expanded from the container's literal env values, runs in the container as
// `kubectl exec` runs it (the container's filesystem, environment and tools); exit code 0
// succeeds, any other fails, and the output the events quote is its stdout followed by its
// stderr (at most 10 KiB). The runtime ends a command still waiting when timeoutSeconds are
// over (`command timed out: "<cmd>" timed out after 1s`); one the image lacks cannot start, and
// the probe errors with containerd's gRPC error.
import type { Timers } from '../../controllers/framework/queue.js';
import { goDuration } from '../../client/go-duration.js';
import { expandRefs } from '../env.js';
import { execSession } from '../exec/session.js';
import type { ContainerSpec } from '../pod-spec.js';
import type { ProbeTarget } from './target.js';
import { ProbeError, type Outcome } from './types.js';

const MAX_OUTPUT = 10 * 1024;

async function* noResizes(): AsyncIterable<never> {}

/** ExpandContainerCommandOnlyStatic: $(VAR) from the container's env values (valueFrom ones are empty). */
export function expandCommand(command: string[], c: ContainerSpec): string[] {
  const vars = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value ?? '']));
  return command.map((a) => expandRefs(a, vars));
}

/**
 * The command's clock: a wait that would end after the deadline ends at the deadline with the
 * command stopped. Time passes for a command only while it waits on the clock (sleep, a
 * connection's timeout), so one that never waits is never timed out.
 */
function withDeadline(timers: Timers, now: () => number, deadline: number, expire: () => void): Timers {
  return {
    setTimeout: (fn, ms) => (now() + ms > deadline ? timers.setTimeout(expire, Math.max(0, deadline - now())) : timers.setTimeout(fn, ms)),
    clearTimeout: (h) => timers.clearTimeout(h),
  };
}

export async function execProbe(t: ProbeTarget, command: string[], timeoutSeconds: number): Promise<Outcome> {
  if (!t.running) throw new ProbeError('rpc error: code = NotFound desc = failed to exec in container: container is not running');
  const cmd = expandCommand(command, t.container);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const abort = new AbortController();
  const timers = withDeadline(t.timers, t.now, t.now() + timeoutSeconds * 1000, () => abort.abort());
  const req = { namespace: t.pod.metadata.namespace ?? '', name: t.pod.metadata.name ?? '', container: t.container.name, command: cmd, stdin: false, stdout: true, stderr: true, tty: false };
  const end = await execSession(t.running, req, timers, t.network).run({
    stdout: (d) => out.push(Buffer.from(d)), stderr: (d) => err.push(Buffer.from(d)), resizes: noResizes(), signal: abort.signal,
  });
  if (abort.signal.aborted) return { result: 'failure', output: `command timed out: ${JSON.stringify(cmd.join(' '))} timed out after ${goDuration(timeoutSeconds * 1000)}` };
  if ('error' in end) throw new ProbeError(`rpc error: code = Unknown desc = ${end.error.replace(/^error executing command in container: /, '')}`);
  const output = Buffer.concat([...out, ...err]).subarray(0, MAX_OUTPUT).toString('utf8');
  return { result: end.exitCode === 0 ? 'success' : 'failure', output };
}
