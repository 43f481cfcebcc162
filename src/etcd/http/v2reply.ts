// The two answers of the keys API, as etcd writes them: an event (writeKeyEvent) with the store
// index and raft index and term in headers, or a v2 error (v2error.WriteTo) with only its index.
import type http from 'node:http';
import { V2Error, V2_CODE, encodeV2Error, encodeV2Result, isV2Error, v2ResultStatus, type V2Result } from '../../store/v2/index.js';
import { send, type Headers } from './respond.js';

/** etcd's v2error.WriteTo; anything else is etcd's 300 Raft Internal Error with the error's text. */
export function writeKeyError(res: http.ServerResponse, err: unknown, headers: Headers = {}): void {
  const e = isV2Error(err) ? err : new V2Error(V2_CODE.raftInternal, err instanceof Error ? err.message : String(err), 0);
  send(res, e.httpStatus, { ...headers, 'Content-Type': 'application/json', 'X-Etcd-Index': String(e.index) }, encodeV2Error(e));
}

/** Actions whose nodes noValueOnSuccess leaves out. */
const QUIET_ACTIONS = new Set(['set', 'compareAndSwap', 'create', 'update']);

export interface RaftState {
  index: number;
  term: number;
}

export function raftHeaders(raft: RaftState): Headers {
  return { 'X-Raft-Index': String(raft.index), 'X-Raft-Term': String(raft.term) };
}

export function writeKeyEvent(res: http.ServerResponse, r: V2Result, raft: RaftState, headers: Headers, noValue: boolean): void {
  const body = noValue && QUIET_ACTIONS.has(r.action) ? `{"action":"${r.action}"}\n` : encodeV2Result(r);
  send(res, v2ResultStatus(r), { ...headers, 'Content-Type': 'application/json', 'X-Etcd-Index': String(r.index), ...raftHeaders(raft) }, body);
}
