// The shapes every layer of the apiserver passes around: objects as plain JSON, their metadata,
// and field errors as upstream's apimachinery field.Error. Objects and their metadata are the
// client's types (client/types.ts), so both sides of the wire share one definition.

import type { Obj, ObjectMeta, OwnerReference } from '../client/types.js';

export type { ObjectMeta, OwnerReference };
/** Any Kubernetes object, as its JSON: the client's shape. */
export type KObject = Obj;

/** apimachinery's field.ErrorType: the cause reason and the text kubectl prints. */
export const FIELD_ERROR_TYPES = {
  NotFound: { reason: 'FieldValueNotFound', text: 'Not found' },
  Required: { reason: 'FieldValueRequired', text: 'Required value' },
  Duplicate: { reason: 'FieldValueDuplicate', text: 'Duplicate value' },
  Invalid: { reason: 'FieldValueInvalid', text: 'Invalid value' },
  NotSupported: { reason: 'FieldValueNotSupported', text: 'Unsupported value' },
  Forbidden: { reason: 'FieldValueForbidden', text: 'Forbidden' },
  TooLong: { reason: 'FieldValueTooLong', text: 'Too long' },
  TooMany: { reason: 'FieldValueTooMany', text: 'Too many' },
  Internal: { reason: 'InternalError', text: 'Internal error' },
  TypeInvalid: { reason: 'FieldValueTypeInvalid', text: 'Invalid value' },
} as const;

export type FieldErrorType = keyof typeof FIELD_ERROR_TYPES;

/** One validation failure at a field path such as `spec.containers[0].image`. */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The offending value; absent (not undefined-valued) when upstream omits it. */
  badValue?: unknown;
  detail?: string;
}

/** Who is asking, after authentication (and impersonation). */
export interface UserInfo {
  name: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}
