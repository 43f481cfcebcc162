// A protobuf request body the apiserver cannot decode, and the Status upstream answers with.
// k8s.io/apiserver's create and update handlers (handlers/rest.go transformDecodeError) wrap the
// serializer's error in a 400 BadRequest:
//   `<Kind> in version "<version>" cannot be handled as a <Target>: <error>` when the body named a
//   kind (or the URL's kind defaulted it), else
//   `the object provided is unrecognized (must be of type <Target>): <error> (<summary>)`, where the
//   summary is the body's first 30 bytes in hex ("..." after them when there are more).
// The delete handler passes the error through as it is: a 500 with the bare message.
import { StatusError } from '../errors.js';

export interface DecodedKind {
  apiVersion: string;
  kind: string;
}

export class ProtobufDecodeError extends Error {
  constructor(
    /** The Go error text (`unexpected EOF`, `proto: wrong wireType = 0 for field Replicas`). */
    readonly reason: string,
    /** The kind the body named (after defaulting), when the envelope could be read. */
    readonly decoded: DecodedKind | undefined,
    /** summarizeData(body, 30) */
    readonly summary: string,
  ) {
    super(reason);
    this.name = 'ProtobufDecodeError';
  }

  /** Upstream's text for a create/update of `targetKind` (the URL's kind). */
  messageFor(targetKind: string): string {
    if (this.decoded?.kind) {
      const version = this.decoded.apiVersion.slice(this.decoded.apiVersion.indexOf('/') + 1);
      return `${this.decoded.kind} in version "${version}" cannot be handled as a ${targetKind}: ${this.reason}`;
    }
    return `the object provided is unrecognized (must be of type ${targetKind}): ${this.reason} (${this.summary})`;
  }

  /** The 400 BadRequest a create/update answers with. */
  badRequest(targetKind: string): StatusError {
    return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.messageFor(targetKind), reason: 'BadRequest', code: 400 });
  }

  /** The 500 a DELETE answers with when its DeleteOptions body is malformed. */
  deleteError(): StatusError {
    return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.reason, code: 500 });
  }
}

/** summarizeData: `<empty>`, the text when it starts with `{`, else hex; 30 bytes at most. */
export function summarizeData(body: Buffer, max = 30): string {
  if (body.length === 0) return '<empty>';
  const head = body.subarray(0, max);
  const text = body[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return body.length > max ? `${text} ...` : text;
}
