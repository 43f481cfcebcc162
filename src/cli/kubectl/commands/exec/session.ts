// One exec or attach session against a pod's subresource: the query as client-go encodes
// PodExecOptions / PodAttachOptions (keys sorted, false flags left out), the connection, the
// streams, the terminal restored at the end, and the exit code passed through as kubectl does.
import type { RestClient } from '../../../../client/rest.js';
import type { Ctx } from '../../context.js';
import { PrintedError } from '../../errors.js';
import { objectPath } from '../../resource/paths.js';
import { connect } from './connect.js';
import { POD_RESOURCE, type Pod } from './pods.js';
import { ExitCodeError, runStream } from './stream.js';
import type { Terminal } from './terminal.js';

export interface SessionOptions {
  subresource: 'exec' | 'attach';
  container: string;
  command?: string[];
  stdout: boolean;
  stderr: boolean;
}

/** The subresource's path and query for pod. */
export function sessionPath(pod: Pod, o: SessionOptions, t: Terminal): string {
  const q = new URLSearchParams();
  for (const c of o.command ?? []) q.append('command', c);
  q.append('container', o.container);
  const flags: [string, boolean][] = [['stderr', o.stderr], ['stdin', Boolean(t.stdin)], ['stdout', o.stdout], ['tty', t.raw]];
  for (const [k, on] of flags) if (on) q.append(k, 'true');
  return `${objectPath(POD_RESOURCE, pod.metadata.namespace, pod.metadata.name ?? '', o.subresource)}?${q.toString()}`;
}

/** Runs the session; the command's non-zero exit code becomes kubectl's. */
export async function runSession(ctx: Ctx, client: RestClient, pod: Pod, o: SessionOptions, t: Terminal): Promise<void> {
  try {
    const ws = await connect(client.config, sessionPath(pod, o, t), ctx.factory.klog);
    await runStream(ws, {
      ...(t.stdin ? { stdin: t.stdin } : {}),
      ...(o.stdout ? { stdout: ctx.io.stdout } : {}),
      ...(o.stderr ? { stderr: ctx.io.stderr } : {}),
      ...(t.sizes ? { sizes: t.sizes } : {}),
      onlcr: t.raw,
      log: ctx.io.stderr,
      verbose: ctx.factory.klog,
    });
  } catch (err) {
    if (err instanceof ExitCodeError) throw new PrintedError(err.message, err.code);
    throw err;
  } finally {
    t.restore();
  }
}
