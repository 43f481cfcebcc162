// The apiserver's errors as apimachinery's StatusError: reason, code, message and details with
// upstream's exact wording, so kubectl prints `Error from server (NotFound): pods "x" not found`.
import type { FieldError } from './types.js';
import { FIELD_ERROR_TYPES } from './types.js';
import { fieldErrorBody, fieldErrorString } from './validation/field.js';
import { goStatusOrder } from '../printers/go-status.js';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** Names a resource as upstream's GroupResource.String(): `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

export const grString = (gr: GroupResource): string => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? status.reason ?? 'error');
    this.status = goStatusOrder(status);
  }
  get code(): number {
    return this.status.code;
  }
}

function failure(code: number, reason: string | undefined, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code };
  if (reason) status.reason = reason;
  if (details) status.details = details;
  return new StatusError(status);
}

function grDetails(gr: GroupResource, name: string): StatusDetails {
  const d: StatusDetails = {};
  if (name) d.name = name;
  if (gr.group) d.group = gr.group;
  d.kind = gr.resource;
  return d;
}

export const notFound = (gr: GroupResource, name: string): StatusError =>
  failure(404, 'NotFound', `${grString(gr)} "${name}" not found`, grDetails(gr, name));

export const alreadyExists = (gr: GroupResource, name: string): StatusError =>
  failure(409, 'AlreadyExists', `${grString(gr)} "${name}" already exists`, grDetails(gr, name));

export const conflict = (gr: GroupResource, name: string, why: string): StatusError =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${grString(gr)} "${name}": ${why}`, grDetails(gr, name));

export const OPTIMISTIC_LOCK = 'the object has been modified; please apply your changes to the latest version and try again';

export function forbidden(gr: GroupResource, name: string, why: string): StatusError {
  if (!gr.resource) return failure(403, 'Forbidden', `forbidden: ${why}`, {});
  const what = name ? `${grString(gr)} "${name}"` : grString(gr);
  return failure(403, 'Forbidden', `${what} is forbidden: ${why}`, grDetails(gr, name));
}

export const badRequest = (message: string): StatusError => failure(400, 'BadRequest', message);
export const unauthorized = (): StatusError => failure(401, 'Unauthorized', 'Unauthorized');
export const notFoundPath = (): StatusError => failure(404, 'NotFound', 'the server could not find the requested resource', {});
export const methodNotSupported = (gr: GroupResource, action: string): StatusError =>
  failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${grString(gr)}"`, grDetails(gr, ''));
export const unsupportedMediaType = (type: string): StatusError =>
  failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${type ? '' : ''}`);
export const tooLarge = (): StatusError => failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
export const internalError = (err: unknown): StatusError =>
  failure(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`, { causes: [{ message: String(err) }] });
export const gone = (message: string): StatusError => failure(410, 'Expired', message);
export const timeout = (message: string): StatusError => failure(504, 'Timeout', message);
export const serviceUnavailable = (message: string): StatusError => failure(503, 'ServiceUnavailable', message);

/** `Pod "x" is invalid: …` — qualifiedKind as upstream: `Pod`, `Deployment.apps`. */
export function invalid(qualifiedKind: string, group: string, kind: string, name: string, errs: FieldError[]): StatusError {
  const causes = errs.map((e) => ({ reason: FIELD_ERROR_TYPES[e.type].reason, message: fieldErrorBody(e), field: e.field }));
  const list = errs.map(fieldErrorString);
  const agg = list.length === 1 ? list[0]! : `[${list.join(', ')}]`;
  const details: StatusDetails = { name, ...(group ? { group } : {}), kind, causes };
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${agg}`, details);
}

export function successStatus(details?: StatusDetails): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? { details } : {}) };
}
