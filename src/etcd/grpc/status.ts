// Errors as gRPC statuses carrying etcd's own messages (what clients print after "desc = ").
import type { sendUnaryData, ServerUnaryCall, ServiceError } from '@grpc/grpc-js';
import { StoreError } from '../../store/index.js';

const CODES: Record<string, number> = {
  Canceled: 1,
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

/** A unary handler from an async function of the request. */
export function unary(fn: (req: Wire) => Promise<Wire>) {
  return (call: ServerUnaryCall<Wire, Wire>, callback: sendUnaryData<Wire>): void => {
    fn(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => callback(toServiceError(err) as ServiceError),
    );
  };
}
