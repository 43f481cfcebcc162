// Typed store errors. Each carries etcd's own message (what etcdctl prints after "Error: ") and
// the gRPC status code the etcd server answers with, so no layer has to translate wording.

export type GrpcCode =
  | 'InvalidArgument'
  | 'NotFound'
  | 'AlreadyExists'
  | 'FailedPrecondition'
  | 'OutOfRange'
  | 'Unavailable'
  | 'ResourceExhausted';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly grpcCode: GrpcCode,
    /** For the compacted error: the revision the store has been compacted to. */
    readonly compactRevision?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const errCompacted = (compactRevision: number): StoreError =>
  new StoreError('etcdserver: mvcc: required revision has been compacted', 'OutOfRange', compactRevision);
export const errFutureRev = (): StoreError =>
  new StoreError('etcdserver: mvcc: required revision is a future revision', 'OutOfRange');
export const errKeyNotFound = (): StoreError => new StoreError('etcdserver: key not found', 'InvalidArgument');
export const errEmptyKey = (): StoreError => new StoreError('etcdserver: key is not provided', 'InvalidArgument');
export const errLeaseNotFound = (): StoreError =>
  new StoreError('etcdserver: requested lease not found', 'NotFound');
export const errLeaseExists = (): StoreError => new StoreError('etcdserver: lease already exists', 'FailedPrecondition');
export const errLeaseTTLTooLarge = (): StoreError =>
  new StoreError('etcdserver: too large lease TTL', 'OutOfRange');
export const errTooManyOps = (): StoreError =>
  new StoreError('etcdserver: too many operations in txn request', 'InvalidArgument');
export const errDuplicateKey = (): StoreError =>
  new StoreError('etcdserver: duplicate key given in txn request', 'InvalidArgument');
export const errRequestTooLarge = (): StoreError =>
  new StoreError('etcdserver: request is too large', 'InvalidArgument');
export const errNoSpace = (): StoreError => new StoreError('etcdserver: mvcc: database space exceeded', 'ResourceExhausted');
