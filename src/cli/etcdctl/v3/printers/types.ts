// The decoded gRPC messages the printers read (proto field names; 64-bit numbers as strings).
export type Int64 = string;

export interface Header {
  cluster_id?: Int64;
  member_id?: Int64;
  revision?: Int64;
  raft_term?: Int64;
}

export interface KeyValue {
  key?: Buffer;
  create_revision?: Int64;
  mod_revision?: Int64;
  version?: Int64;
  value?: Buffer;
  lease?: Int64;
}

export interface RangeResponse { header?: Header; kvs?: KeyValue[]; more?: boolean; count?: Int64 }
export interface PutResponse { header?: Header; prev_kv?: KeyValue }
export interface DeleteResponse { header?: Header; deleted?: Int64; prev_kvs?: KeyValue[] }
export interface ResponseOp { response_range?: RangeResponse; response_put?: PutResponse; response_delete_range?: DeleteResponse }
export interface TxnResponse { header?: Header; succeeded?: boolean; responses?: ResponseOp[] }
export interface Event { type?: number; kv?: KeyValue; prev_kv?: KeyValue }
export interface WatchResponse {
  header?: Header; watch_id?: Int64; created?: boolean; canceled?: boolean;
  compact_revision?: Int64; cancel_reason?: string; events?: Event[];
}
export interface LeaseGrantResponse { header?: Header; ID?: Int64; TTL?: Int64; error?: string }
export interface LeaseKeepAliveResponse { header?: Header; ID?: Int64; TTL?: Int64 }
export interface LeaseTimeToLiveResponse { header?: Header; ID?: Int64; TTL?: Int64; grantedTTL?: Int64; keys?: Buffer[] }
export interface LeaseLeasesResponse { header?: Header; leases?: Array<{ ID?: Int64 }> }
export interface Member { ID?: Int64; name?: string; peerURLs?: string[]; clientURLs?: string[]; isLearner?: boolean }
export interface MemberListResponse { header?: Header; members?: Member[] }
export interface StatusResponse {
  header?: Header; version?: string; dbSize?: Int64; leader?: Int64; raftIndex?: Int64; raftTerm?: Int64;
  raftAppliedIndex?: Int64; errors?: string[]; dbSizeInUse?: Int64; isLearner?: boolean;
}
export interface HashKVResponse { header?: Header; hash?: number; compact_revision?: Int64 }
export interface EndpointHealth { ep: string; health: boolean; took: string; error: string }
export interface EndpointStatus { ep: string; resp: StatusResponse }
export interface EndpointHashKV { ep: string; resp: HashKVResponse }
export interface SnapshotStatus { hash: number; revision: number; totalKey: number; totalSize: number }
