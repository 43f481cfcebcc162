// Between the wire (proto-loader objects: int64 as decimal strings, enums as numbers) and the
// store's types.
import type * as T from '../../store/index.js';

type Wire = Record<string, unknown>;

export const SORT_ORDERS: T.SortOrder[] = ['NONE', 'ASCEND', 'DESCEND'];
export const SORT_TARGETS: T.SortTarget[] = ['KEY', 'VERSION', 'CREATE', 'MOD', 'VALUE'];
export const COMPARE_RESULTS: T.CompareResult[] = ['EQUAL', 'GREATER', 'LESS', 'NOT_EQUAL'];
export const COMPARE_TARGETS: T.CompareTarget[] = ['VERSION', 'CREATE', 'MOD', 'VALUE', 'LEASE'];

const num = (v: unknown): number => Number(v ?? 0);
const big = (v: unknown): bigint => BigInt((v as string | number | undefined) ?? 0);
const bytes = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : Buffer.alloc(0));

export function toWireKv(kv: T.KeyValue): Wire {
  return {
    key: kv.key,
    createRevision: String(kv.createRevision),
    modRevision: String(kv.modRevision),
    version: String(kv.version),
    value: kv.value,
    lease: String(kv.lease),
  };
}

export function rangeRequest(w: Wire): T.RangeRequest {
  return {
    key: bytes(w.key),
    rangeEnd: bytes(w.rangeEnd),
    limit: num(w.limit),
    revision: num(w.revision),
    sortOrder: SORT_ORDERS[num(w.sortOrder)] ?? 'NONE',
    sortTarget: SORT_TARGETS[num(w.sortTarget)] ?? 'KEY',
    keysOnly: w.keysOnly === true,
    countOnly: w.countOnly === true,
    minModRevision: num(w.minModRevision),
    maxModRevision: num(w.maxModRevision),
    minCreateRevision: num(w.minCreateRevision),
    maxCreateRevision: num(w.maxCreateRevision),
  };
}

export function putRequest(w: Wire): T.PutRequest {
  return { key: bytes(w.key), value: bytes(w.value), lease: big(w.lease), prevKv: w.prevKv === true, ignoreValue: w.ignoreValue === true, ignoreLease: w.ignoreLease === true };
}

export function deleteRequest(w: Wire): T.DeleteRangeRequest {
  return { key: bytes(w.key), rangeEnd: bytes(w.rangeEnd), prevKv: w.prevKv === true };
}

function compare(w: Wire): T.Compare {
  return {
    key: bytes(w.key),
    rangeEnd: bytes(w.rangeEnd),
    result: COMPARE_RESULTS[num(w.result)] ?? 'EQUAL',
    target: COMPARE_TARGETS[num(w.target)] ?? 'VERSION',
    version: num(w.version),
    createRevision: num(w.createRevision),
    modRevision: num(w.modRevision),
    value: bytes(w.value),
    lease: big(w.lease),
  };
}

function requestOp(w: Wire): T.RequestOp {
  if (w.requestPut) return { requestPut: putRequest(w.requestPut as Wire) };
  if (w.requestDeleteRange) return { requestDeleteRange: deleteRequest(w.requestDeleteRange as Wire) };
  if (w.requestTxn) return { requestTxn: txnRequest(w.requestTxn as Wire) };
  return { requestRange: rangeRequest((w.requestRange ?? {}) as Wire) };
}

export function txnRequest(w: Wire): T.TxnRequest {
  const list = (v: unknown): Wire[] => (Array.isArray(v) ? (v as Wire[]) : []);
  return { compare: list(w.compare).map(compare), success: list(w.success).map(requestOp), failure: list(w.failure).map(requestOp) };
}

/** Fills a response's header; inner headers of a txn carry only the revision, as etcd's do. */
export type HeaderFn = (revision: number) => Wire;

export function rangeResponse(r: T.RangeResponse, header: HeaderFn): Wire {
  return { header: header(r.header.revision), kvs: r.kvs.map(toWireKv), more: r.more, count: String(r.count) };
}

export function putResponse(r: T.PutResponse, header: HeaderFn): Wire {
  return { header: header(r.header.revision), ...(r.prevKv ? { prevKv: toWireKv(r.prevKv) } : {}) };
}

export function deleteResponse(r: T.DeleteRangeResponse, header: HeaderFn): Wire {
  return { header: header(r.header.revision), deleted: String(r.deleted), prevKvs: r.prevKvs.map(toWireKv) };
}

export function txnResponse(r: T.TxnResponse, header: HeaderFn, inner: HeaderFn): Wire {
  const op = (o: T.ResponseOp): Wire => {
    if ('responseRange' in o) return { responseRange: rangeResponse(o.responseRange, inner) };
    if ('responsePut' in o) return { responsePut: putResponse(o.responsePut, inner) };
    if ('responseDeleteRange' in o) return { responseDeleteRange: deleteResponse(o.responseDeleteRange, inner) };
    return { responseTxn: txnResponse(o.responseTxn, inner, inner) };
  };
  return { header: header(r.header.revision), succeeded: r.succeeded, responses: r.responses.map(op) };
}

export function watchEvent(e: T.WatchEvent): Wire {
  return { type: e.type === 'PUT' ? 0 : 1, kv: toWireKv(e.kv), ...(e.prevKv ? { prevKv: toWireKv(e.prevKv) } : {}) };
}
