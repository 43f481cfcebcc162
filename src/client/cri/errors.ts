// CRI call failures in the words Go's gRPC client uses: `rpc error: code = NotFound desc = …`.
import { connect } from 'node:net';
import { goErrnoCodeText } from '../go-errno.js';

/** gRPC status code names as Go's codes.Code.String() spells them, by number. */
export const GRPC_CODE_NAMES = [
  'OK', 'Canceled', 'Unknown', 'InvalidArgument', 'DeadlineExceeded', 'NotFound', 'AlreadyExists',
  'PermissionDenied', 'ResourceExhausted', 'FailedPrecondition', 'Aborted', 'OutOfRange',
  'Unimplemented', 'Internal', 'Unavailable', 'DataLoss', 'Unauthenticated',
] as const;

export type GrpcCodeName = (typeof GRPC_CODE_NAMES)[number];

/** A failed CRI call: `code` is the gRPC code name, `desc` the status message. */
export class CriError extends Error {
  readonly code: string;
  readonly desc: string;
  constructor(code: string, desc: string) {
    super(`rpc error: code = ${code} desc = ${desc}`);
    this.name = 'CriError';
    this.code = code;
    this.desc = desc;
  }
}

/** The gRPC code number for a code name (Unknown for names it does not know). */
export function grpcCodeNumber(name: string): number {
  const i = GRPC_CODE_NAMES.indexOf(name as GrpcCodeName);
  return i < 0 ? 2 : i;
}

/** The Unavailable error Go's gRPC gives when dialing `shownPath` fails with `errno`. */
export function dialError(shownPath: string, errno: string): CriError {
  const text = goErrnoCodeText(errno) ?? errno.toLowerCase();
  return new CriError(
    'Unavailable',
    `connection error: desc = "transport: Error while dialing: dial unix ${shownPath}: connect: ${text}"`,
  );
}

/** Tries to connect to the unix socket at `path`; resolves to the errno code, or undefined if it accepted. */
export function probeSocket(path: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const sock = connect({ path });
    const timer = setTimeout(() => finish('ETIMEDOUT'), Math.max(timeoutMs, 1));
    function finish(code: string | undefined): void {
      clearTimeout(timer);
      sock.destroy();
      resolve(code);
    }
    sock.once('connect', () => finish(undefined));
    sock.once('error', (err: NodeJS.ErrnoException) => finish(err.code ?? 'ECONNREFUSED'));
  });
}

interface GrpcStatusLike {
  code?: number;
  details?: string;
}

/** Turns a grpc-js call error into a CriError; `probe` explains an Unavailable one. */
export async function toCriError(err: unknown, probe: () => Promise<CriError | undefined>): Promise<CriError> {
  if (err instanceof CriError) return err;
  const status = err as GrpcStatusLike;
  const code = GRPC_CODE_NAMES[status.code ?? 2] ?? 'Unknown';
  if (code === 'Unavailable') {
    const dial = await probe();
    if (dial) return dial;
  }
  if (code === 'DeadlineExceeded') return new CriError(code, 'context deadline exceeded');
  if (code === 'Canceled') return new CriError(code, 'context canceled');
  return new CriError(code, status.details ?? String(err));
}
