// Server-side apply and managedFields, as kube-apiserver v1.32 does them (apiserver's field manager
// over structured-merge-diff v4): field sets, ownership tracking on every write, apply.
export { fieldManagerScope, type FieldManagerScope, type ScopeInput } from './scope.js';
export { trackUpdate, type ObjectJson } from './track-update.js';
export { trackApply, type ApplyRequest } from './track-apply.js';
export { conflictError, conflictMessage, printManager } from './conflict.js';
export {
  FIELD_MANAGER_MAX_LENGTH,
  managerOrUserAgent,
  optionErrors,
  optionsInvalid,
  prefixFromUserAgent,
  validateFieldManager,
  type OptionsKind,
  type WriteOptions,
} from './request.js';
export { FieldSet } from './field-set.js';
export { fromFieldsV1, toFieldsV1 } from './fields-v1.js';
export type { ManagedFieldsEntry } from './managed.js';
