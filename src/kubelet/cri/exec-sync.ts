// ExecSync on the kubelet's runtime (crictl exec -s): the command runs as an exec session in the
// container's simulated process, stdout and stderr collected; a command the image lacks is
// containerd's OCI failure (an Unknown error); the timeout (seconds, 0 = none) ends it.
import { CriError } from '../../client/cri/errors.js';
import type { Timers } from '../../controllers/framework/queue.js';
import { execSession, type RunningContainer } from '../exec/session.js';
import type { ContainerEntry } from './state.js';

export type ExecSyncResult = { stdout: Buffer; stderr: Buffer; exitCode: number };

/** The running container behind a runtime entry, by container ID. */
export type RunningLookup = (id: string) => RunningContainer | undefined;

async function* none(): AsyncIterable<never> {}

export function kubeletExecSync(lookup: RunningLookup, timers: Timers) {
  return async (c: ContainerEntry, cmd: string[], timeoutS: number): Promise<ExecSyncResult> => {
    const running = lookup(c.id);
    if (!running) throw new CriError('Unknown', `container is in ${c.state} state`);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const abort = new AbortController();
    const handle = timeoutS > 0 ? timers.setTimeout(() => abort.abort(), timeoutS * 1000) : undefined;
    const req = { namespace: '', name: '', container: c.name, command: cmd, stdin: false, stdout: true, stderr: true, tty: false };
    const end = await execSession(running, req, timers).run({
      stdout: (d) => out.push(Buffer.from(d)), stderr: (d) => err.push(Buffer.from(d)), resizes: none(), signal: abort.signal,
    });
    if (handle !== undefined) timers.clearTimeout(handle);
    if (abort.signal.aborted) throw new CriError('DeadlineExceeded', `timeout ${timeoutS}s exceeded: context deadline exceeded`);
    if ('error' in end) throw new CriError('Unknown', end.error.replace(/^error executing command in container: /, ''));
    return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), exitCode: end.exitCode };
  };
}
