// The errors a PATCH body can produce, shaped as the metav1.Status the apiserver sends back
// (k8s.io/apimachinery/pkg/api/errors and the apiserver's patch handler, v1.32).

/** metav1.StatusReason values a patch can fail with; '' is StatusReasonUnknown (not sent). */
export type PatchErrorReason =
  | 'BadRequest'
  | 'Invalid'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | '';

/** The metav1.Status body, fields in upstream's wire order. */
export interface PatchStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason?: PatchErrorReason;
  details?: Record<string, never>;
  code: number;
}

/** errors.NewGenericServerResponse's message for a 422: the underlying error text is dropped. */
export const GENERIC_422_MESSAGE = 'the server rejected our request due to an error in our request';

export class PatchError extends Error {
  override readonly name: string = 'PatchError';

  constructor(
    readonly code: number,
    readonly reason: PatchErrorReason,
    message: string,
    /** The underlying library error upstream had before wrapping it (for logs and tests). */
    readonly detail: string = message,
    /** Upstream sends an empty `details: {}` for generic server responses. */
    readonly emptyDetails = false,
  ) {
    super(message);
  }

  toStatus(): PatchStatus {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      ...(this.reason !== '' ? { reason: this.reason } : {}),
      ...(this.emptyDetails ? { details: {} } : {}),
      code: this.code,
    };
  }
}

/** 415: a Content-Type this resource does not accept (negotiation.NewUnsupportedMediaTypeError). */
export class UnsupportedMediaTypeError extends PatchError {
  override readonly name = 'UnsupportedMediaTypeError';

  constructor(readonly accepted: readonly string[]) {
    const message =
      'the body of the request was in an unknown format - accepted media types include: ' +
      accepted.join(', ');
    super(415, 'UnsupportedMediaType', message);
  }
}

/** errors.NewBadRequest(message): 400. */
export function badRequest(message: string): PatchError {
  return new PatchError(400, 'BadRequest', message);
}

/** errors.NewGenericServerResponse(422, ...): reason Invalid, a fixed message, `details: {}`. */
export function unprocessable(detail: string): PatchError {
  return new PatchError(422, 'Invalid', GENERIC_422_MESSAGE, detail, true);
}

/** errors.NewRequestEntityTooLargeError(message): 413. */
export function entityTooLarge(message: string): PatchError {
  return new PatchError(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}

/** A plain Go error reaching the handler: ErrorToAPIStatus makes it a 500 with reason Unknown. */
export function internalError(message: string): PatchError {
  return new PatchError(500, '', message);
}

/**
 * An error inside the strategic merge algorithm, before the handler classifies it
 * (interpretStrategicMergePatchError): `kind` names the mergepatch sentinel it matches, if any.
 */
export class MergeFailure extends Error {
  override readonly name = 'MergeFailure';

  constructor(
    message: string,
    readonly kind: MergeFailureKind = 'other',
  ) {
    super(message);
  }
}

export type MergeFailureKind = 'badRequest' | 'unprocessable' | 'other';

/** The mergepatch sentinel errors (pkg/util/mergepatch/errors.go) and how the handler maps them. */
export const MERGE_ERRORS = {
  badJSONDoc: () => new MergeFailure('invalid JSON document', 'badRequest'),
  noListOfLists: () => new MergeFailure('lists of lists are not supported', 'unprocessable'),
  badPrimitiveList: () => new MergeFailure('invalid patch format of primitive list', 'badRequest'),
  badRetainKeys: () => new MergeFailure('invalid patch format of retainKeys', 'badRequest'),
  badSetElementOrder: () =>
    new MergeFailure('invalid patch format of setElementOrder list', 'badRequest'),
} as const;

/** interpretStrategicMergePatchError: sentinels become 400 or 422, anything else a 500. */
export function fromMergeFailure(err: MergeFailure): PatchError {
  switch (err.kind) {
    case 'badRequest':
      return badRequest(err.message);
    case 'unprocessable':
      return unprocessable(err.message);
    default:
      return internalError(err.message);
  }
}
