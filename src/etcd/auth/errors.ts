// The auth errors of etcd 3.4 as the gRPC layer reports them (rpctypes), and the wording a watch
// puts in its cancel reason.
import { EtcdError } from '../grpc/status.js';

const e = (message: string, code: ConstructorParameters<typeof EtcdError>[1]) => (): EtcdError => new EtcdError(message, code);

export const errRootUserNotExist = e('etcdserver: root user does not exist', 'FailedPrecondition');
export const errRootRoleNotExist = e('etcdserver: root user does not have root role', 'FailedPrecondition');
export const errUserAlreadyExist = e('etcdserver: user name already exists', 'FailedPrecondition');
export const errUserEmpty = e('etcdserver: user name is empty', 'InvalidArgument');
export const errUserNotFound = e('etcdserver: user name not found', 'FailedPrecondition');
export const errRoleAlreadyExist = e('etcdserver: role name already exists', 'FailedPrecondition');
export const errRoleNotFound = e('etcdserver: role name not found', 'FailedPrecondition');
export const errRoleEmpty = e('etcdserver: role name is empty', 'InvalidArgument');
export const errAuthFailed = e('etcdserver: authentication failed, invalid user ID or password', 'InvalidArgument');
/** Not in etcd's gRPC error table: it reaches the client as an Unknown status with the auth package's text. */
export const errNoPasswordUser = e('auth: authentication failed, password was given for no password user', 'Unknown');
export const errPermissionDenied = e('etcdserver: permission denied', 'PermissionDenied');
export const errRoleNotGranted = e('etcdserver: role is not granted to the user', 'FailedPrecondition');
export const errPermissionNotGranted = e('etcdserver: permission is not granted to the role', 'FailedPrecondition');
export const errAuthNotEnabled = e('etcdserver: authentication is not enabled', 'FailedPrecondition');
export const errInvalidAuthToken = e('etcdserver: invalid auth token', 'Unauthenticated');
export const errInvalidAuthMgmt = e('etcdserver: invalid auth management', 'InvalidArgument');
export const errAuthOldRevision = e('etcdserver: revision of auth store is old', 'InvalidArgument');

/** The auth package's own wording, for the paths where etcd forgets to translate its errors. */
const RAW: Record<string, string> = {
  'etcdserver: permission denied': 'auth: permission denied',
  'etcdserver: user name is empty': 'auth: user name is empty',
  'etcdserver: user name not found': 'auth: user not found',
  'etcdserver: invalid auth token': 'auth: invalid auth token',
  'etcdserver: revision of auth store is old': 'auth: revision in header is old',
};

/** Maintenance calls (hash, defrag, snapshot, alarm) report auth errors untranslated: code Unknown. */
export function untranslated(err: unknown): unknown {
  if (!(err instanceof EtcdError)) return err;
  const raw = RAW[err.message];
  return raw === undefined ? err : new EtcdError(raw, 'Unknown');
}

/** A refused watch carries the status text of its error; anything unexpected reads as permission denied. */
export function watchCancelReason(err: unknown): string {
  const known = err instanceof EtcdError && ['Unauthenticated', 'InvalidArgument'].includes(err.grpcCode);
  const shown = known ? (err as EtcdError) : errPermissionDenied();
  return `rpc error: code = ${shown.grpcCode} desc = ${shown.message}`;
}
