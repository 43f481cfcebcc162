// Who a write is recorded for: the `fieldManager` query parameter (at most 128 bytes, printable),
// else the part of the User-Agent before its first '/' ("kubectl" for
// "kubectl/v1.32.4 (linux/amd64) kubernetes/…"); and the option checks that fail a request.
import { StatusError } from '../errors.js';
import { FIELD_ERROR_TYPES, type FieldError } from '../types.js';
import { fieldErrorBody, fieldErrorsAggregate, forbidden, invalid, required, tooLong } from '../validation/field.js';

/** validation.FieldManagerMaxLength. */
export const FIELD_MANAGER_MAX_LENGTH = 128;

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** unicode.IsPrint. */
export const isPrint = (ch: string): boolean => PRINTABLE.test(ch);

/** prefixFromUserAgent: up to the first '/', unprintable characters left out, cut at 128 bytes. */
export function prefixFromUserAgent(ua: string): string {
  let out = '';
  let bytes = 0;
  for (const ch of ua.split('/')[0] ?? '') {
    if (!isPrint(ch)) continue;
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** managerOrUserAgent. */
export const managerOrUserAgent = (manager: string, userAgent: string): string => manager || prefixFromUserAgent(userAgent);

/** Go's %#U for an unprintable rune: U+0007. */
const runeName = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** ValidateFieldManager. */
export function validateFieldManager(fieldManager: string): FieldError[] {
  const errs: FieldError[] = [];
  if (Buffer.byteLength(fieldManager, 'utf8') > FIELD_MANAGER_MAX_LENGTH) {
    errs.push(tooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH));
  }
  let i = 0;
  for (const ch of fieldManager) {
    if (!isPrint(ch)) {
      errs.push(invalid('fieldManager', fieldManager, `invalid character ${runeName(ch)} (at position ${i})`));
    }
    i += Buffer.byteLength(ch, 'utf8');
  }
  return errs;
}

export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

export interface WriteOptions {
  kind: OptionsKind;
  fieldManager: string;
  /** The patch is an apply patch. */
  apply: boolean;
  /** The `force` query parameter was given. */
  force: boolean;
}

/** ValidateCreateOptions / ValidateUpdateOptions / ValidatePatchOptions, for the field manager. */
export function optionErrors(o: WriteOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (o.kind === 'PatchOptions') {
    if (o.apply && o.fieldManager === '') errs.push(required('fieldManager', 'is required for apply patch'));
    if (!o.apply && o.force) errs.push(forbidden('force', 'may not be specified for non-apply patch'));
  }
  return [...errs, ...validateFieldManager(o.fieldManager)];
}

/** errors.NewInvalid(meta.k8s.io/<kind>, "", errs): 422. */
export function optionsInvalid(kind: OptionsKind, errs: FieldError[]): StatusError {
  const agg = fieldErrorsAggregate(errs);
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${kind}.meta.k8s.io "" is invalid: ${agg}`,
    reason: 'Invalid',
    details: { group: 'meta.k8s.io', kind, causes: errs.map((e) => ({ reason: FIELD_ERROR_TYPES[e.type].reason, message: fieldErrorBody(e), field: e.field })) },
    code: 422,
  });
}
