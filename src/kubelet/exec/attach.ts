// Attaching to a container's main process, as containerd's attach does: the client gets what the
// process writes from now on (no history), on stdout and stderr (both on stdout when the
// container has a tty), until the process exits or the client leaves. The client's input goes to
// the container's stdin when its spec keeps one (a shell reading commands); otherwise it is taken
// and dropped, as for a container without stdin.
import type { Timers } from '../../controllers/framework/queue.js';
import type { StreamEnd, StreamIO, StreamRequest, StreamSession } from '../../api/http/remotecommand.js';
import type { CriLogWriter } from '../runtime/cri-log.js';
import type { SimProcess } from '../runtime/process.js';
import { onlcr } from './tty.js';
import type { OutputTap } from '../runtime/output-tap.js';

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

/** What the process writes from now on, as it writes it. */
async function follow(t: AttachTarget, req: StreamRequest, io: StreamIO, tap: OutputTap): Promise<StreamEnd> {
  const stop = tap.subscribe((stream, text) => {
    if (t.tty) io.stdout(onlcr(text));
    else if (stream === 'stderr' ? req.stderr : req.stdout) (stream === 'stderr' ? io.stderr : io.stdout)(text);
  });
  await Promise.race([t.process.exited, new Promise<void>((r) => (io.signal.aborted ? r() : io.signal.addEventListener('abort', () => r(), { once: true })))]);
  stop();
  return { exitCode: 0 };
}

async function runAttach(t: AttachTarget, req: StreamRequest, timers: Timers, io: StreamIO): Promise<StreamEnd> {
  const stdin = t.process.stdin;
  if (stdin && req.stdin && io.stdin) {
    void stdin.pump(io.stdin);
    io.signal.addEventListener('abort', () => stdin.detach(), { once: true });
  } else void drain(io.stdin);
  if (t.process.output) return follow(t, req, io, t.process.output);
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
