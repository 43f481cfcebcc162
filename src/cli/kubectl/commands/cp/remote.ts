// cp's ExecOptions.Run for a pod named by cp: the pod (GET), no exec into a completed one, the
// container (-c, or the default one with its note written to where that exec's stderr goes),
// then the command over the exec subresource with the streams given.
import type { Readable } from 'node:stream';
import type { RestClient } from '../../../../client/rest.js';
import type { OutStream } from '../../../shared/io.js';
import { PrintedError } from '../../errors.js';
import { connect } from '../exec/connect.js';
import { POD_RESOURCE, attachablePod, findOrDefaultContainer } from '../exec/pods.js';
import { sessionPath } from '../exec/session.js';
import { ExitCodeError, runStream } from '../exec/stream.js';

export interface RemoteExec {
  client: RestClient;
  namespace: string;
  pod: string;
  /** -c */
  container: string;
  command: string[];
  stdin?: Readable;
  stdout: OutStream;
  stderr: OutStream;
  /** where client-go's klog lines go */
  log?: OutStream;
  /** ends the session early (its outcome is then of no interest) */
  signal?: AbortSignal;
}

const quietOnAbort = (log: OutStream, signal?: AbortSignal): OutStream => ({ write: (c) => (signal?.aborted ? true : log.write(c)) });

/** Runs the command in the pod; its exit code becomes a PrintedError as kubectl reports it. */
export async function execInPod(o: RemoteExec): Promise<void> {
  const pod = await attachablePod(o.client, POD_RESOURCE, o.namespace, o.pod, 60_000);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new Error(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = o.container || findOrDefaultContainer(pod, '', false, (t) => o.stderr.write(t)).name;
  const terminal = { raw: false, restore: () => {}, ...(o.stdin ? { stdin: o.stdin } : {}) };
  const path = sessionPath(pod, { subresource: 'exec', container, command: o.command, stdout: true, stderr: true }, terminal);
  try {
    const ws = await connect(o.client.config, path);
    const close = () => ws.close();
    if (o.signal?.aborted) close();
    o.signal?.addEventListener('abort', close);
    try {
      await runStream(ws, { ...(o.stdin ? { stdin: o.stdin } : {}), stdout: o.stdout, stderr: o.stderr, ...(o.log ? { log: quietOnAbort(o.log, o.signal) } : {}) });
    } finally {
      o.signal?.removeEventListener('abort', close);
    }
  } catch (err) {
    if (err instanceof ExitCodeError) throw new PrintedError(err.message, err.code);
    throw err;
  }
}

/** An output that drops everything (io.Discard). */
export const DISCARD: OutStream = { write: () => true };
