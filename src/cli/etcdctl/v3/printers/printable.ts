// What commands hand to the printer: one variant per etcdctl printer method.
import type * as T from './types.js';

/** [service, method] of the response, for the json and protobuf printers. */
export type Rpc = [string, string];

export type Printable =
  | { kind: 'get'; resp: T.RangeResponse; rpc: Rpc }
  | { kind: 'put'; resp: T.PutResponse; rpc: Rpc }
  | { kind: 'del'; resp: T.DeleteResponse; rpc: Rpc }
  | { kind: 'txn'; resp: T.TxnResponse; rpc: Rpc }
  | { kind: 'watch'; resp: T.WatchResponse; rpc: Rpc }
  | { kind: 'compact'; rev: string; resp: { header?: T.Header }; rpc: Rpc }
  | { kind: 'grant'; resp: T.LeaseGrantResponse; rpc: Rpc }
  | { kind: 'revoke'; id: string; resp: { header?: T.Header }; rpc: Rpc }
  | { kind: 'keepAlive'; resp: T.LeaseKeepAliveResponse; rpc: Rpc }
  | { kind: 'timeToLive'; resp: T.LeaseTimeToLiveResponse; keys: boolean; rpc: Rpc }
  | { kind: 'leases'; resp: T.LeaseLeasesResponse; rpc: Rpc }
  | { kind: 'memberList'; resp: T.MemberListResponse; rpc: Rpc }
  | { kind: 'member'; verb: 'added to' | 'removed from' | 'updated in' | 'promoted in'; id: string; resp: { header?: T.Header; member?: T.Member; members?: T.Member[] }; rpc: Rpc }
  | { kind: 'endpointHealth'; list: T.EndpointHealth[] }
  | { kind: 'endpointStatus'; list: T.EndpointStatus[] }
  | { kind: 'endpointHashKV'; list: T.EndpointHashKV[] }
  | { kind: 'alarm'; resp: { header?: T.Header; alarms?: Array<{ memberID?: string; alarm?: number }> }; rpc: Rpc }
  | { kind: 'moveLeader'; from: string; to: string; resp: { header?: T.Header }; rpc: Rpc }
  | { kind: 'dbStatus'; status: T.SnapshotStatus }
  | { kind: 'message'; text: string; resp: { header?: T.Header }; rpc: Rpc }
  | { kind: 'userGet'; name: string; resp: { header?: T.Header; roles?: string[] }; rpc: Rpc; detail?: string }
  | { kind: 'names'; resp: { header?: T.Header; users?: string[]; roles?: string[] }; rpc: Rpc }
  | { kind: 'roleGet'; name: string; resp: { header?: T.Header; perm?: RolePerm[] }; rpc: Rpc };

export interface RolePerm { permType?: number; key?: Buffer; range_end?: Buffer }

export interface PrintEnv {
  hex: boolean;
  valueOnly: boolean;
  out(text: string | Uint8Array): void;
  err(text: string): void;
}
