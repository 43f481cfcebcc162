// Errors as gRPC statuses carrying etcd's own messages (what clients print after "desc = ").
import type { sendUnaryData, ServerUnaryCall, ServiceError } from '@grpc/grpc-js';
import { StoreError } from '../../store/index.js';

const CODES: Record<string, number> = {
  Canceled: 1,
  Unknown: 2,
  InvalidArgument: 3,
  DeadlineExceeded: 4,
  NotFound: 5,
  AlreadyExists: 6,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  OutOfRange: 11,
  Unimplemented: 12,
  Internal: 13,
  Unavailable: 14,
  Unauthenticated: 16,
};

/** An etcd server error that is not the store's (membership, auth, alarms). */
export class EtcdError extends Error {
  constructor(
    message: string,
    readonly grpcCode: keyof typeof CODES,
  ) {
    super(message);
  }
}

export function toServiceError(err: unknown): Partial<ServiceError> {
  if (err instanceof StoreError || err instanceof EtcdError) return { code: CODES[err.grpcCode], details: err.message };
  return { code: CODES.Unknown ?? 2, details: String((err as Error)?.message ?? err) };
}

type Wire = Record<string, unknown>;

/** proto3 never puts a field at its default value on the wire, but protobufjs encodes whatever is
 * set: drop false, zero ("0" for int64 strings), empty strings, bytes and lists, recursively. */
export function pruneDefaults<T>(msg: T): T {
  if (msg === null || typeof msg !== 'object' || Buffer.isBuffer(msg)) return msg;
  if (Array.isArray(msg)) return msg.map(pruneDefaults) as T;
  const out: Wire = {};
  for (const [k, v] of Object.entries(msg as Wire)) {
    if (v === false || v === 0 || v === '0' || v === '' || v === undefined || v === null) continue;
    if ((Buffer.isBuffer(v) || Array.isArray(v)) && v.length === 0) continue;
    out[k] = pruneDefaults(v);
  }
  return out as T;
}

/** A unary handler from an async function of the request (and the call, for its metadata). */
/** etcd's request timeout: 5 s plus two election timeouts (of 1 s by default). */
const REQUEST_TIMEOUT_MS = 7_000;
/** How long before the client's own deadline a request that cannot finish is given up. */
const DEADLINE_MARGIN_MS = 20;

/** Milliseconds until the call's deadline (Infinity without one). */
function msToDeadline(call: ServerUnaryCall<Wire, Wire>): number {
  const d = call.getDeadline();
  const at = d instanceof Date ? d.getTime() : d;
  return Number.isFinite(at) ? at - Date.now() : Infinity;
}

/** A unary handler from an async function of the request. A request that cannot finish (a member
 * without quorum) ends as a real one does: the client's own deadline (answered just before it, with
 * the very status the Go client would make itself) or etcd's request timeout. */
export function unary(fn: (req: Wire, call: ServerUnaryCall<Wire, Wire>) => Promise<Wire>) {
  return (call: ServerUnaryCall<Wire, Wire>, callback: sendUnaryData<Wire>): void => {
    let done = false;
    const finish = (err: Partial<ServiceError> | null, res?: Wire): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) callback(err as ServiceError);
      else callback(null, pruneDefaults(res));
    };
    const byDeadline = msToDeadline(call) - DEADLINE_MARGIN_MS;
    const timer = setTimeout(
      () =>
        byDeadline < REQUEST_TIMEOUT_MS
          ? finish({ code: CODES.DeadlineExceeded, details: 'context deadline exceeded' })
          : finish({ code: CODES.Unavailable, details: 'etcdserver: request timed out' }),
      Math.max(0, Math.min(byDeadline, REQUEST_TIMEOUT_MS)),
    );
    fn(call.request, call).then(
      (res) => finish(null, res),
      (err: unknown) => finish(toServiceError(err)),
    );
  };
}
