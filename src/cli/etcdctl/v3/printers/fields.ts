// -w fields: one `"Name" : value` per line (printer_fields.go).
import { ExitError } from '../../../shared/exit.js';
import { EXIT } from '../exit-codes.js';
import { GoPanic } from '../go-panic.js';
import { goQuote, num, text } from './format.js';
import type { Printable } from './printable.js';
import type * as T from './types.js';

function hdr(h: T.Header | undefined): string {
  return `"ClusterID" : ${num(h?.cluster_id)}\n"MemberID" : ${num(h?.member_id)}\n"Revision" : ${num(h?.revision)}\n"RaftTerm" : ${num(h?.raft_term)}\n`;
}

function kv(pfx: string, k: T.KeyValue): string {
  return `"${pfx}Key" : ${goQuote(text(k.key))}\n"${pfx}CreateRevision" : ${num(k.create_revision)}\n`
    + `"${pfx}ModRevision" : ${num(k.mod_revision)}\n"${pfx}Version" : ${num(k.version)}\n`
    + `"${pfx}Value" : ${goQuote(text(k.value))}\n"${pfx}Lease" : ${num(k.lease)}\n`;
}

const get = (r: T.RangeResponse) => hdr(r.header) + (r.kvs ?? []).map((k) => kv('', k)).join('') + `"More" : ${r.more === true}\n"Count" : ${num(r.count)}\n`;
const put = (r: T.PutResponse) => hdr(r.header) + (r.prev_kv !== undefined ? kv('Prev', r.prev_kv) : '');
const del = (r: T.DeleteResponse) => `${hdr(r.header)}"Deleted" : ${num(r.deleted)}\n${(r.prev_kvs ?? []).map((k) => kv('Prev', k)).join('')}`;

function txn(r: T.TxnResponse): string {
  return `${hdr(r.header)}"Succeeded" : ${r.succeeded === true}\n${(r.responses ?? []).map((op) =>
    op.response_put ? put(op.response_put) : op.response_range ? get(op.response_range) : op.response_delete_range ? del(op.response_delete_range) : '').join('')}`;
}

function watch(r: T.WatchResponse): string {
  return hdr(r.header) + (r.events ?? []).map((e) =>
    `"Type" : ${e.type === 1 ? 'DELETE' : 'PUT'}\n${e.prev_kv ? kv('Prev', e.prev_kv) : ''}${kv('', e.kv ?? {})}`).join('');
}

function members(r: T.MemberListResponse): string {
  return hdr(r.header) + (r.members ?? []).map((m) => `"ID" : ${num(m.ID)}\n"Name" : ${goQuote(m.name ?? '')}\n`
    + (m.peerURLs ?? []).map((u) => `"PeerURL" : ${goQuote(u)}\n`).join('')
    + (m.clientURLs ?? []).map((u) => `"ClientURL" : ${goQuote(u)}\n`).join('')
    + `"IsLearner" : ${m.isLearner === true}\n\n`).join('');
}

function status(list: T.EndpointStatus[]): string {
  return list.map(({ ep, resp: s }) => `${hdr(s.header)}"Version" : ${goQuote(s.version ?? '')}\n"DBSize" : ${num(s.dbSize)}\n`
    + `"Leader" : ${num(s.leader)}\n"IsLearner" : ${s.isLearner === true}\n"RaftIndex" : ${num(s.raftIndex)}\n`
    + `"RaftTerm" : ${num(s.raftTerm)}\n"RaftAppliedIndex" : ${num(s.raftAppliedIndex)}\n"Errors" : [${(s.errors ?? []).join(' ')}]\n`
    + `"Endpoint" : ${goQuote(ep)}\n\n`).join('');
}

function lease(p: Printable): string | undefined {
  switch (p.kind) {
    case 'grant': case 'keepAlive': return `${hdr(p.resp.header)}"ID" : ${num(p.resp.ID)}\n"TTL" : ${num(p.resp.TTL)}\n`;
    case 'timeToLive': return `${hdr(p.resp.header)}"ID" : ${num(p.resp.ID)}\n"TTL" : ${num(p.resp.TTL)}\n"GrantedTTL" : ${num(p.resp.grantedTTL)}\n`
      + (p.resp.keys ?? []).map((k) => `"Key" : ${goQuote(k.toString())}\n`).join('');
    case 'leases': return hdr(p.resp.header) + (p.resp.leases ?? []).map((l) => `"ID" : ${num(l.ID)}\n`).join('');
    default: return undefined;
  }
}

function other(p: Printable): string {
  switch (p.kind) {
    case 'endpointHealth': return p.list.map((h) => `"Endpoint" : ${goQuote(h.ep)}\n"Health" : ${h.health}\n"Took" : ${h.took}\n"Error" : ${h.error}\n\n`).join('');
    case 'endpointStatus': return status(p.list);
    case 'endpointHashKV': return p.list.map((h) => `${hdr(h.resp.header)}"Endpoint" : ${goQuote(h.ep)}\n"Hash" : ${h.resp.hash ?? 0}\n\n`).join('');
    case 'dbStatus': return `"Hash" : ${p.status.hash}\n"Revision" : ${p.status.revision}\n"Keys" : ${p.status.totalKey}\n"Size" : ${p.status.totalSize}\n`;
    case 'alarm':
      if (p.resp.header === undefined) throw new GoPanic('runtime error: invalid memory address or nil pointer dereference');
      return hdr(p.resp.header) + (p.resp.alarms ?? []).map((a) => `"MemberID" : ${num(a.memberID)}\n"AlarmType" : ${a.alarm === 1 ? 'NOSPACE' : 'NONE'}\n\n`).join('');
    case 'roleGet': return hdr(p.resp.header) + (p.resp.perm ?? []).map((x) =>
      `"PermType" :  ${['READ', 'WRITE', 'READWRITE'][x.permType ?? 0]}\n"Key" : ${goQuote(text(x.key))}\n"RangeEnd" : ${goQuote(text(x.range_end))}\n`).join('');
    case 'names':
      if (p.resp.users !== undefined) throw new ExitError(EXIT.badFeature, 'fields not supported as output format');
      return `${hdr(p.resp.header)}"Roles" :${(p.resp.roles ?? []).map((r) => ` ${goQuote(r)}`).join('')}\n`;
    case 'userGet': throw new ExitError(EXIT.badFeature, 'fields not supported as output format');
    // fieldsPrinter has no MemberAdd/Remove/Update/Promote or MoveLeader: the unsupported printer's
    case 'member':
    case 'moveLeader':
      throw new ExitError(EXIT.badFeature, 'fields not supported as output format');
    default: return 'resp' in p ? hdr(p.resp.header) : '';
  }
}

export function fieldsText(p: Printable): string {
  switch (p.kind) {
    case 'get': return get(p.resp);
    case 'put': return put(p.resp);
    case 'del': return del(p.resp);
    case 'txn': return txn(p.resp);
    case 'watch': return watch(p.resp);
    case 'memberList': return members(p.resp);
    default: return lease(p) ?? other(p);
  }
}
