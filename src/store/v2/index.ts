// The etcd v2 keyspace: public surface for the etcd server.
export type * from './types.js';
export { V2Error, V2_CODE, isV2Error, v2RequestError, type V2ErrorCode } from './errors.js';
export { createV2Store } from './store.js';
export { ensureV2Schema, V2_INITIAL_INDEX } from './schema.js';
export { cleanKey } from './keys.js';
export { encodeV2Error, encodeV2Result, v2ResultStatus } from './wire.js';
