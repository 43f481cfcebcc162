// The store's contract: etcd v3's KV, Watch, Lease and Maintenance semantics, shaped like
// etcdserverpb so the etcd server can pass requests through. Keys and values are bytes, revisions
// are numbers (safe far beyond any revision a store reaches), lease IDs are int64 as bigint.
// Field names follow @grpc/proto-loader's camelCase rendering of rpc.proto.

export type Bytes = Buffer;

export interface KeyValue {
  key: Bytes;
  createRevision: number;
  modRevision: number;
  version: number;
  value: Bytes;
  lease: bigint;
}

export interface Header {
  /** The store's current revision when the request was served. */
  revision: number;
}

export type SortOrder = 'NONE' | 'ASCEND' | 'DESCEND';
export type SortTarget = 'KEY' | 'VERSION' | 'CREATE' | 'MOD' | 'VALUE';

/** A key selection as etcd spells it: rangeEnd empty = one key, "\0" = every key >= key. */
export interface KeyRange {
  key: Bytes;
  rangeEnd?: Bytes;
}

export interface RangeRequest extends KeyRange {
  limit?: number;
  /** 0 or absent: the current revision. */
  revision?: number;
  sortOrder?: SortOrder;
  sortTarget?: SortTarget;
  keysOnly?: boolean;
  countOnly?: boolean;
  minModRevision?: number;
  maxModRevision?: number;
  minCreateRevision?: number;
  maxCreateRevision?: number;
}

export interface RangeResponse {
  header: Header;
  kvs: KeyValue[];
  more: boolean;
  count: number;
}

export interface PutRequest {
  key: Bytes;
  value: Bytes;
  lease?: bigint;
  prevKv?: boolean;
  ignoreValue?: boolean;
  ignoreLease?: boolean;
}

export interface PutResponse {
  header: Header;
  prevKv?: KeyValue;
}

export interface DeleteRangeRequest extends KeyRange {
  prevKv?: boolean;
}

export interface DeleteRangeResponse {
  header: Header;
  deleted: number;
  prevKvs: KeyValue[];
}

export type CompareResult = 'EQUAL' | 'GREATER' | 'LESS' | 'NOT_EQUAL';
export type CompareTarget = 'VERSION' | 'CREATE' | 'MOD' | 'VALUE' | 'LEASE';

export interface Compare extends KeyRange {
  result: CompareResult;
  target: CompareTarget;
  version?: number;
  createRevision?: number;
  modRevision?: number;
  value?: Bytes;
  lease?: bigint;
}

export type RequestOp =
  | { requestRange: RangeRequest }
  | { requestPut: PutRequest }
  | { requestDeleteRange: DeleteRangeRequest }
  | { requestTxn: TxnRequest };

export type ResponseOp =
  | { responseRange: RangeResponse }
  | { responsePut: PutResponse }
  | { responseDeleteRange: DeleteRangeResponse }
  | { responseTxn: TxnResponse };

export interface TxnRequest {
  compare: Compare[];
  success: RequestOp[];
  failure: RequestOp[];
}

export interface TxnResponse {
  header: Header;
  succeeded: boolean;
  responses: ResponseOp[];
}

export interface CompactionRequest {
  revision: number;
  physical?: boolean;
}

export type EventType = 'PUT' | 'DELETE';

export interface WatchEvent {
  type: EventType;
  /** For DELETE: the key with modRevision = the deletion's revision, other fields zero. */
  kv: KeyValue;
  prevKv?: KeyValue;
}

export interface WatchRequest extends KeyRange {
  /** 0 or absent: from the next revision. */
  startRevision?: number;
  prevKv?: boolean;
  noPut?: boolean;
  noDelete?: boolean;
}

/** One delivery: the events of one or more revisions, in order; or the end of the watch. */
export interface WatchResponse {
  header: Header;
  events: WatchEvent[];
  /** Set when the watch ended because its start revision was compacted. */
  compactRevision?: number;
  canceled?: boolean;
  cancelReason?: string;
}

export interface Watcher {
  /** Stops delivery; resolves once no further callback will run. */
  cancel(): Promise<void>;
}

export interface LeaseGrantRequest {
  TTL: number;
  /** 0 or absent: the store picks one. */
  ID?: bigint;
}

export interface LeaseGrantResponse {
  header: Header;
  ID: bigint;
  TTL: number;
}

export interface LeaseTimeToLiveResponse {
  header: Header;
  ID: bigint;
  /** Seconds left; -1 when the lease does not exist (any more). */
  TTL: number;
  grantedTTL: number;
  keys: Bytes[];
}

export interface LeaseKeepAliveResponse {
  header: Header;
  ID: bigint;
  /** The renewed TTL; 0 when the lease does not exist. */
  TTL: number;
}

export interface StatusResponse {
  header: Header;
  dbSize: number;
  dbSizeInUse: number;
  raftIndex: number;
  compactRevision: number;
}

export interface HashKVResponse {
  header: Header;
  hash: number;
  compactRevision: number;
}

export interface SnapshotInfo {
  hash: number;
  revision: number;
  totalKey: number;
  totalSize: number;
}

/** etcd v3 semantics. Every method is atomic; every write is durable once it resolves. */
export interface Store {
  range(req: RangeRequest): Promise<RangeResponse>;
  put(req: PutRequest): Promise<PutResponse>;
  deleteRange(req: DeleteRangeRequest): Promise<DeleteRangeResponse>;
  txn(req: TxnRequest): Promise<TxnResponse>;
  compact(req: CompactionRequest): Promise<{ header: Header }>;
  watch(req: WatchRequest, deliver: (resp: WatchResponse) => void): Watcher;

  leaseGrant(req: LeaseGrantRequest): Promise<LeaseGrantResponse>;
  leaseRevoke(id: bigint): Promise<{ header: Header }>;
  leaseTimeToLive(id: bigint, keys?: boolean): Promise<LeaseTimeToLiveResponse>;
  leaseKeepAlive(id: bigint): Promise<LeaseKeepAliveResponse>;
  leaseLeases(): Promise<{ header: Header; leases: { ID: bigint }[] }>;
  /** Revokes every lease whose time is up; returns their IDs. */
  expireLeases(): Promise<bigint[]>;

  status(): Promise<StatusResponse>;
  hashKV(revision?: number): Promise<HashKVResponse>;
  defragment(): Promise<void>;
  /** Writes a consistent snapshot of the whole store to path, while others may write. */
  snapshotSave(path: string): Promise<SnapshotInfo>;

  /** Small persistent records the servers keep beside the data (member IDs, auth, raft index). */
  getMeta(name: string): Promise<string | undefined>;
  setMeta(name: string, value: string): Promise<void>;
  /** A raft entry that touches no v3 key (a v2 request, a v2 TTL sync): returns the new raft index. */
  advanceRaftIndex(): Promise<number>;

  close(): Promise<void>;
}
