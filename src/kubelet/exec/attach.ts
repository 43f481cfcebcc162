// Attaching to a container's main process, as containerd's attach does: the client gets what the
// process writes from now on (no history), on stdout and stderr (both on stdout when the
// container has a tty), until the process exits or the client leaves. The simulated processes do
// not read input, so the client's stdin is taken and dropped, as for a container without stdin.
import type { Timers } from '../../controllers/framework/queue.js';
import type { StreamEnd, StreamIO, StreamRequest, StreamSession } from '../../api/http/remotecommand.js';
import type { CriLogWriter } from '../runtime/cri-log.js';
import type { SimProcess } from '../runtime/process.js';
import { onlcr } from './tty.js';

export interface AttachTarget {
  process: SimProcess;
  /** The run's output, line by line as the CRI log has it. */
  log: Pick<CriLogWriter, 'lines'>;
  /** The container spec's tty. */
  tty: boolean;
}

const POLL_MS = 100;

export function attachSession(t: AttachTarget, req: StreamRequest, timers: Timers): StreamSession {
  return { run: (io) => runAttach(t, req, timers, io) };
}

/** A CRI log line's stream and text: `<time> <stdout|stderr> <F|P> <text>`. */
function entry(line: string): { stream: string; text: string } {
  const [, stream = 'stdout', tag = 'F'] = line.split(' ', 3);
  const text = line.split(' ').slice(3).join(' ');
  return { stream, text: tag === 'P' ? text : `${text}\n` };
}

async function runAttach(t: AttachTarget, req: StreamRequest, timers: Timers, io: StreamIO): Promise<StreamEnd> {
  void drain(io.stdin);
  let seen = t.log.lines.length;
  const flush = () => {
    for (; seen < t.log.lines.length; seen++) {
      const e = entry(t.log.lines[seen]!);
      if (t.tty) io.stdout(onlcr(e.text));
      else if (e.stream === 'stderr' ? req.stderr : req.stdout) (e.stream === 'stderr' ? io.stderr : io.stdout)(e.text);
    }
  };
  let exited = false;
  void t.process.exited.then(() => (exited = true));
  while (!exited && !io.signal.aborted) {
    await new Promise<void>((resolve) => timers.setTimeout(resolve, POLL_MS));
    flush();
  }
  flush();
  return { exitCode: 0 };
}

async function drain(stdin: AsyncIterable<Buffer> | undefined): Promise<void> {
  for await (const _ of stdin ?? []) { /* dropped */ }
}
