// kubectl's one error sink (cmdutil.CheckErr): every failure is worded as the real kubectl words
// it — server Status, Invalid causes, configuration errors, transport errors — then exit 1.
import { AggregateError, ApiError, type ApiStatus } from '../../client/types.js';
import { ConfigError } from '../../client/clientcmd.js';
import { TransportError } from '../../client/transport-error.js';
import type { Io } from '../shared/io.js';
import { PartialOutputError } from './output/template-errors.js';
import type { Klog } from './klog.js';
import { goStatusOrder } from '../../printers/go-status.js';

export { AggregateError };

/** A usage error: `error: <msg>` then the pointer to the command's help. */
export class UsageError extends Error {
  constructor(message: string, readonly commandPath: string) {
    super(message);
  }
}

/** Text already worded completely (written as is), with its exit code. */
export class PrintedError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}


function statusMessage(s: ApiStatus): string {
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message ?? 'Unauthorized'})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ''}`;
  return `Error from server: ${s.message ?? ''}`;
}

function invalidMessage(err: ApiError): string {
  const d = err.status.details;
  if (!d) return `The request is invalid: ${err.message}`;
  const causes = (d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
  // without kind and name, the message only when there are no causes (they repeat it)
  const head = d.kind || d.name ? `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid` : causes.length === 0 && err.message ? `The request is invalid: ${err.message}` : 'The request is invalid';
  if (causes.length === 0) return head;
  // MultilineError: its own newline after each cause, even one whose message ends in one
  if (causes.length === 1) return `${head}: ${causes[0]!}\n`;
  return `${head}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}

/** StandardErrorMessage: the wording for API and transport errors; undefined for others. */
export function standardErrorMessage(err: unknown): string | undefined {
  if (err instanceof ApiError) return statusMessage(err.status);
  if (err instanceof TransportError) {
    if (err.refused || err.inner.includes('connection refused')) {
      return `The connection to the server ${err.hostPort} was refused - did you specify the right host or port?`;
    }
    return `Unable to connect to the server: ${err.inner}`;
  }
  return undefined;
}

function messageFor(err: unknown): string {
  if (err instanceof ApiError && err.status.reason === 'Invalid') return invalidMessage(err);
  if (err instanceof ConfigError && err.configuration) return `Error in configuration: ${err.message}`;
  if (err instanceof AggregateError) {
    if (err.errors.length === 1) return messageFor(err.errors[0]);
    return err.errors.map((e) => standardErrorMessage(e) ?? e.message).join('\n');
  }
  const std = standardErrorMessage(err);
  if (std !== undefined) return std;
  const msg = err instanceof Error ? err.message : String(err);
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/**
 * StandardErrorMessage's klog.V(4) line for a server Status (StatusError.DebugError): the Status
 * indented by json.MarshalIndent, printed through Info's Sprint (hence the literal `%s[…]`).
 */
function debugStatus(err: unknown, klog: Klog | undefined): void {
  if (!klog?.v(4)) return;
  // every error of an aggregate goes through StandardErrorMessage
  if (err instanceof AggregateError) {
    for (const e of err.errors) debugStatus(e, klog);
    return;
  }
  // a *url.Error: `Connection error: <Op> <URL>: <Err>`
  if (err instanceof TransportError) klog.info(4, 'helpers.go:264', `Connection error: ${err.method[0]}${err.method.slice(1).toLowerCase()} ${err.url}: ${err.inner}`);
  if (!(err instanceof ApiError) || err.status.reason === 'Invalid') return;
  klog.info(4, 'helpers.go:246', `server response object: %s[${JSON.stringify(goStatusOrder(err.status), null, 2)}]`);
}

/** Writes the error as kubectl would and returns the exit code. */
export function reportError(err: unknown, io: Io, klog?: Klog): number {
  if (io.env.KUBEDOJO_DEBUG === '1' && err instanceof Error) io.stderr.write(`${err.stack ?? ''}\n`);
  // A template that failed part way: what it printed goes out first (get, create, apply, ...).
  if (err instanceof PartialOutputError) io.stdout.write(err.output);
  if (err instanceof PrintedError) {
    if (err.message) io.stderr.write(err.message.endsWith('\n') ? err.message : `${err.message}\n`);
    return err.code;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`error: ${err.message}\nSee '${err.commandPath} -h' for help and examples\n`);
    return 1;
  }
  debugStatus(err, klog);
  const msg = messageFor(err);
  io.stderr.write(msg.endsWith('\n') ? msg : `${msg}\n`);
  return 1;
}
