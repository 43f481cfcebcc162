// etcd v2's error codes, messages and HTTP statuses (etcdserver/api/v2error in etcd 3.4).

export const V2_CODE = {
  keyNotFound: 100,
  testFailed: 101,
  notFile: 102,
  noMorePeer: 103,
  notDir: 104,
  nodeExist: 105,
  keyIsPreserved: 106,
  rootReadOnly: 107,
  dirNotEmpty: 108,
  existingPeerAddr: 109,
  unauthorized: 110,
  valueRequired: 200,
  prevValueRequired: 201,
  ttlNaN: 202,
  indexNaN: 203,
  valueOrTTLRequired: 204,
  timeoutNaN: 205,
  nameRequired: 206,
  indexOrValueRequired: 207,
  indexValueMutex: 208,
  invalidField: 209,
  invalidForm: 210,
  refreshValue: 211,
  refreshTTLRequired: 212,
  raftInternal: 300,
  leaderElect: 301,
  watcherCleared: 400,
  eventIndexCleared: 401,
  standbyInternal: 402,
  invalidActiveSize: 403,
  invalidRemoveDelay: 404,
  clientInternal: 500,
} as const;

export type V2ErrorCode = (typeof V2_CODE)[keyof typeof V2_CODE];

const MESSAGES: Record<V2ErrorCode, string> = {
  100: 'Key not found',
  101: 'Compare failed',
  102: 'Not a file',
  103: 'Reached the max number of peers in the cluster',
  104: 'Not a directory',
  105: 'Key already exists',
  106: 'The prefix of given key is a keyword in etcd',
  107: 'Root is read only',
  108: 'Directory not empty',
  109: 'Peer address has existed',
  110: 'The request requires user authentication',
  200: 'Value is Required in POST form',
  201: 'PrevValue is Required in POST form',
  202: 'The given TTL in POST form is not a number',
  203: 'The given index in POST form is not a number',
  204: 'Value or TTL is required in POST form',
  205: 'The given timeout in POST form is not a number',
  206: 'Name is required in POST form',
  207: 'Index or value is required',
  208: 'Index and value cannot both be specified',
  209: 'Invalid field',
  210: 'Invalid POST form',
  211: 'Value provided on refresh',
  212: 'A TTL must be provided on refresh',
  300: 'Raft Internal Error',
  301: 'During Leader Election',
  400: 'watcher is cleared due to etcd recovery',
  401: 'The event in requested index is outdated and cleared',
  402: 'Standby Internal Error',
  403: 'Invalid active size',
  404: 'Standby remove delay',
  500: 'Client Internal Error',
};

/** etcd answers 400 for every code not listed here. */
const HTTP_STATUS: Partial<Record<V2ErrorCode, number>> = {
  100: 404,
  101: 412,
  102: 403,
  105: 412,
  108: 403,
  110: 401,
  300: 500,
  301: 500,
};

/** An etcd v2 error: `message` is etcd's fixed text for the code, `cause` the detail (often a key). */
export class V2Error extends Error {
  override readonly cause: string;

  constructor(
    readonly errorCode: V2ErrorCode,
    cause: string,
    /** The store index when the error happened (0 for request-form errors). */
    readonly index: number,
  ) {
    super(MESSAGES[errorCode]);
    this.name = 'V2Error';
    this.cause = cause;
  }

  /** The HTTP status etcd's v2 API answers with. */
  get httpStatus(): number {
    return HTTP_STATUS[this.errorCode] ?? 400;
  }

  /** As etcd's v2 client prints it: `100: Key not found (/k) [3]`. */
  override toString(): string {
    return `${this.errorCode}: ${this.message} (${this.cause}) [${this.index}]`;
  }
}

export function isV2Error(err: unknown, code?: V2ErrorCode): err is V2Error {
  return err instanceof V2Error && (code === undefined || err.errorCode === code);
}

/** A request (form) error: etcd reports these with index 0. */
export function v2RequestError(code: V2ErrorCode, cause: string): V2Error {
  return new V2Error(code, cause, 0);
}

export function historyClearedError(startIndex: number, waitIndex: number, storeIndex: number): V2Error {
  const cause = `the requested history has been cleared [${startIndex}/${waitIndex}]`;
  return new V2Error(V2_CODE.eventIndexCleared, cause, storeIndex);
}
