// A /v2/keys request's fields, checked in the order etcd's parseKeyRequest checks them, so the
// first bad field gives the same error code and cause as on a real etcd (all with index 0).
import { V2Error, V2_CODE, v2RequestError } from '../../store/v2/index.js';
import { formValue, goParseBool, goParseUint, type Form } from './form.js';

export interface KeyRequest {
  method: string;
  key: string;
  value: string;
  dir: boolean;
  prevValue?: string;
  prevIndex: number;
  prevExist?: boolean;
  wait: boolean;
  waitIndex: number;
  recursive: boolean;
  sorted: boolean;
  quorum: boolean;
  stream: boolean;
  ttl?: number;
  refresh?: boolean;
  noValueOnSuccess: boolean;
}

type Checked<T> = T | V2Error;

function uintField(form: Form, name: string, code: typeof V2_CODE.indexNaN | typeof V2_CODE.ttlNaN): Checked<number> {
  const raw = form.get(name)?.[0];
  if (raw === undefined) return 0;
  return goParseUint(raw) ?? v2RequestError(code, `invalid value for "${name}"`);
}

function boolField(form: Form, name: string, cause = `invalid value for "${name}"`): Checked<boolean> {
  const raw = form.get(name)?.[0];
  if (raw === undefined) return false;
  return goParseBool(raw) ?? v2RequestError(V2_CODE.invalidField, cause);
}

const isError = (x: unknown): x is V2Error => x instanceof V2Error;

/** The flags etcd reads with getBool, in its order. */
const BOOL_FIELDS = ['recursive', 'sorted', 'wait', 'dir', 'quorum', 'stream'] as const;

type Flags = Record<(typeof BOOL_FIELDS)[number], boolean>;

function boolFlags(form: Form): Checked<Flags> {
  const flags: Partial<Flags> = {};
  for (const name of BOOL_FIELDS) {
    const v = boolField(form, name);
    if (isError(v)) return v;
    flags[name] = v;
  }
  return flags as Flags;
}

/** Parses a keys request; `key` is the URL path below /v2/keys, already unescaped. */
export function parseKeyRequest(method: string, key: string, form: Form): KeyRequest | V2Error {
  const prevIndex = uintField(form, 'prevIndex', V2_CODE.indexNaN);
  if (isError(prevIndex)) return prevIndex;
  const waitIndex = uintField(form, 'waitIndex', V2_CODE.indexNaN);
  if (isError(waitIndex)) return waitIndex;
  const flags = boolFlags(form);
  if (isError(flags)) return flags;
  if (flags.wait && method !== 'GET') return v2RequestError(V2_CODE.invalidField, '"wait" can only be used with GET requests');
  const prevValue = form.get('prevValue')?.[0];
  if (prevValue === '') return v2RequestError(V2_CODE.prevValueRequired, '"prevValue" cannot be empty');
  const noValueOnSuccess = boolField(form, 'noValueOnSuccess');
  if (isError(noValueOnSuccess)) return noValueOnSuccess;
  let ttl: number | undefined;
  if (formValue(form, 'ttl') !== '') {
    const t = uintField(form, 'ttl', V2_CODE.ttlNaN);
    if (isError(t)) return t;
    ttl = t;
  }
  const extra = nullableFields(form, ttl);
  if (isError(extra)) return extra;
  return {
    method,
    key,
    value: formValue(form, 'value'),
    ...flags,
    ...(prevValue !== undefined ? { prevValue } : {}),
    prevIndex,
    waitIndex,
    ...(ttl !== undefined ? { ttl } : {}),
    ...extra,
    noValueOnSuccess,
  };
}

/** prevExist and refresh: absent is not the same as false. */
function nullableFields(form: Form, ttl: number | undefined): Checked<{ prevExist?: boolean; refresh?: boolean }> {
  const out: { prevExist?: boolean; refresh?: boolean } = {};
  if (form.has('prevExist')) {
    const v = boolField(form, 'prevExist', 'invalid value for prevExist');
    if (isError(v)) return v;
    out.prevExist = v;
  }
  if (form.has('refresh')) {
    const v = boolField(form, 'refresh', 'invalid value for refresh');
    if (isError(v)) return v;
    out.refresh = v;
    if (v && form.has('value') && formValue(form, 'value') !== '') {
      return v2RequestError(V2_CODE.refreshValue, 'A value was provided on a refresh');
    }
    if (v && ttl === undefined) return v2RequestError(V2_CODE.refreshTTLRequired, 'No TTL value set');
  }
  return out;
}
