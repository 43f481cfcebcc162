// The simple printer for key-value results (printer_simple.go).
import { hexBytes, text } from './format.js';
import type { PrintEnv } from './printable.js';
import type * as T from './types.js';

export function kvLines(env: PrintEnv, kv: T.KeyValue): string {
  const k = env.hex ? hexBytes(kv.key) : text(kv.key);
  const v = env.hex ? hexBytes(kv.value) : text(kv.value);
  return env.valueOnly ? `${v}\n` : `${k}\n${v}\n`;
}

export function getText(env: PrintEnv, r: T.RangeResponse): string {
  return (r.kvs ?? []).map((kv) => kvLines(env, kv)).join('');
}

export function putText(env: PrintEnv, r: T.PutResponse): string {
  return `OK\n${r.prev_kv !== undefined ? kvLines(env, r.prev_kv) : ''}`;
}

export function delText(env: PrintEnv, r: T.DeleteResponse): string {
  return `${r.deleted ?? 0}\n${(r.prev_kvs ?? []).map((kv) => kvLines(env, kv)).join('')}`;
}

export function txnText(env: PrintEnv, r: T.TxnResponse): string {
  let out = r.succeeded === true ? 'SUCCESS\n' : 'FAILURE\n';
  for (const op of r.responses ?? []) {
    out += '\n';
    if (op.response_put !== undefined) out += putText(env, op.response_put);
    else if (op.response_range !== undefined) out += getText(env, op.response_range);
    else if (op.response_delete_range !== undefined) out += delText(env, op.response_delete_range);
  }
  return out;
}

export function watchText(env: PrintEnv, r: T.WatchResponse): string {
  return (r.events ?? []).map((e) => {
    const head = e.type === 1 ? 'DELETE\n' : 'PUT\n';
    const prev = e.prev_kv !== undefined ? kvLines(env, e.prev_kv) : '';
    return head + prev + kvLines(env, e.kv ?? {});
  }).join('');
}
