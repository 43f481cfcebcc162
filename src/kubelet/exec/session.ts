// One exec session in a running container, as containerd runs it: the command resolved in the
// image (runc's error when the image lacks it), the container's environment (TERM=xterm on a
// terminal) and filesystem; a shell without a script reads its commands from stdin; a command
// that reads stdin gets everything the client sends until it closes its side. With a tty the
// terminal echoes and edits input and carries all output on stdout. The session is killed when
// the client leaves or the container's process ends.
import { randomBytes } from 'node:crypto';
import type { Command } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { StreamEnd, StreamIO, StreamRequest, StreamSession } from '../../api/http/remotecommand.js';
import type { Stream } from '../runtime/cri-log.js';
import type { LaunchSpec, SimProcess } from '../runtime/process.js';
import { shellBytes, shellText } from './bytes.js';
import { resolveCommand, type ResolvedCommand } from './command.js';
import { envCommands } from './env-command.js';
import { INTERACTIVE_SCRIPT, linesOf, prompt, readCommand } from './interactive.js';
import { rootfsOf } from './session-fs.js';
import { ExecShell } from './shell.js';
import { LineDiscipline, onlcr } from './tty.js';
import { containerNet, timerSleep, type ContainerNet } from '../network/container.js';
import type { NodeNetwork } from '../network/node-network.js';
import type { PodNames } from '../network/pod-names.js';

/** The container run an exec joins. */
export interface RunningContainer {
  launch: LaunchSpec;
  process: SimProcess;
  names?: PodNames;
}

/** The runtime's failure to start the process, as the kubelet reports it. */
export function ociFailure(reason: string): string {
  const id = randomBytes(32).toString('hex');
  return `error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown`;
}

export function execSession(c: RunningContainer, req: StreamRequest, timers: Timers, network?: NodeNetwork): StreamSession {
  const net = network ? containerNet(network, c.launch.image, { namespace: req.namespace, podIP: c.launch.podIP, ...c.names }, timerSleep(timers)) : undefined;
  return { run: (io) => runExec(c, req, timers, io, net) };
}

async function collect(chunks: AsyncIterable<Buffer> | undefined): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks ?? []) parts.push(c);
  return shellText(Buffer.concat(parts));
}

/** Where the command's output goes: the requested streams, or the terminal. */
function sink(req: StreamRequest, io: StreamIO): (s: Stream, t: string) => void {
  if (req.tty) return (_s, t) => io.stdout(shellBytes(onlcr(t)));
  return (s, t) => {
    if (s === 'stdout' && req.stdout) io.stdout(shellBytes(t));
    if (s === 'stderr' && req.stderr) io.stderr(shellBytes(t));
  };
}

async function runExec(c: RunningContainer, req: StreamRequest, timers: Timers, io: StreamIO, net?: ContainerNet): Promise<StreamEnd> {
  const resolved = resolveCommand(req.command, c.launch.image.behaviour.shell, net?.tools);
  if (resolved.kind === 'missing') return { error: ociFailure(resolved.reason) };
  const out = sink(req, io);
  let interrupted = false;
  let shell: ExecShell | undefined;
  const tty = req.tty ? new LineDiscipline({ echo: (t) => io.stdout(t), interrupt: () => onInterrupt() }) : undefined;
  const waiting = { now: false };
  const onInterrupt = () => {
    if (resolved.kind === 'shell') {
      if (waiting.now) tty?.lines.push('\n');
      else shell?.interrupt();
    } else {
      interrupted = true;
      shell?.kill();
    }
  };
  if (tty) void pump(io.stdin, tty);
  const stdin = !tty && req.stdin && resolved.kind === 'script' ? await collect(io.stdin) : '';
  const env = { ...c.launch.env, ...(req.tty ? { TERM: 'xterm' } : {}) };
  shell = new ExecShell({
    ...withNet(scriptOf(resolved, c, req, io, tty, out, waiting), net), stdin, env, cwd: c.launch.workingDir || '/', dialect: resolved.dialect,
    root: rootfsOf(c.process), mounts: c.launch.mounts ?? [], out, timers,
    // The runtime's /etc/hostname (the pod's hostname) beside the network's files.
    files: { '/etc/hostname': `${c.launch.hostname}\n`, ...(net?.files ?? {}) },
  });
  const kill = () => shell?.kill();
  io.signal.addEventListener('abort', kill, { once: true });
  void c.process.exited.then(kill);
  const code = await shell.exited;
  io.signal.removeEventListener('abort', kill);
  return { exitCode: interrupted ? 130 : code };
}

async function* none(): AsyncIterable<Buffer> { /* no input */ }

/** The session's commands with the container's network tools, and the files the kubelet provides. */
function withNet<T extends { commands: Command[] }>(s: T, net: ContainerNet | undefined): T & { files?: Record<string, string> } {
  return net ? { ...s, commands: [...s.commands, ...net.commands], files: net.files } : s;
}

async function pump(stdin: AsyncIterable<Buffer> | undefined, tty: LineDiscipline): Promise<void> {
  for await (const chunk of stdin ?? []) tty.feed(chunk);
  tty.end();
}

type Resolved = Exclude<ResolvedCommand, { kind: 'missing' }>;

/** The script to run and the commands it needs: the resolved one, or the interactive driver. */
function scriptOf(r: Resolved, c: RunningContainer, req: StreamRequest, io: StreamIO, tty: LineDiscipline | undefined, out: (s: Stream, t: string) => void, waiting: { now: boolean }) {
  const container = { ...c.launch.env, ...(req.tty ? { TERM: 'xterm' } : {}) };
  if (r.kind === 'script') return { script: r.script, commands: envCommands(container, r.viaShell) };
  const lines = (tty ? tty.lines : linesOf(req.stdin && io.stdin ? io.stdin : none()))[Symbol.asyncIterator]();
  const ask = tty ? (cwd: string) => prompt(r.shell, r.dialect, cwd, c.launch.hostname) : undefined;
  const read = readCommand({ lines, waiting, ...(ask ? { prompt: ask } : {}), write: (t) => out('stdout', t) });
  return { script: INTERACTIVE_SCRIPT, commands: [read, ...envCommands(container, true)] };
}
