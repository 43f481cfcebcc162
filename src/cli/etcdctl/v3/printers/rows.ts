// Rows shared by the simple and table printers (makeMemberListTable & co in etcdctl).
import { hex, humanBytes, num } from './format.js';
import type * as T from './types.js';

export function memberRows(r: T.MemberListResponse): [string[], string[][]] {
  const hdr = ['ID', 'Status', 'Name', 'Peer Addrs', 'Client Addrs', 'Is Learner'];
  const rows = (r.members ?? []).map((m) => [
    hex(m.ID), (m.name ?? '') !== '' ? 'started' : 'unstarted', m.name ?? '',
    (m.peerURLs ?? []).join(','), (m.clientURLs ?? []).join(','), String(m.isLearner === true),
  ]);
  return [hdr, rows];
}

export function statusRows(list: T.EndpointStatus[]): [string[], string[][]] {
  const hdr = ['endpoint', 'ID', 'version', 'db size', 'is leader', 'is learner', 'raft term', 'raft index', 'raft applied index', 'errors'];
  const rows = list.map(({ ep, resp: s }) => [
    ep, hex(s.header?.member_id), s.version ?? '', humanBytes(Number(s.dbSize ?? 0)),
    String(num(s.leader) === num(s.header?.member_id)), String(s.isLearner === true),
    num(s.raftTerm), num(s.raftIndex), num(s.raftAppliedIndex), (s.errors ?? []).join(', '),
  ]);
  return [hdr, rows];
}

export function healthRows(list: T.EndpointHealth[]): [string[], string[][]] {
  return [['endpoint', 'health', 'took', 'error'], list.map((h) => [h.ep, String(h.health), h.took, h.error])];
}

export function hashRows(list: T.EndpointHashKV[]): [string[], string[][]] {
  return [['endpoint', 'hash'], list.map((h) => [h.ep, String(h.resp.hash ?? 0)])];
}

export function dbStatusRows(s: T.SnapshotStatus): [string[], string[][]] {
  return [['hash', 'revision', 'total keys', 'total size'], [[
    s.hash.toString(16), String(s.revision), String(s.totalKey), humanBytes(s.totalSize),
  ]]];
}
