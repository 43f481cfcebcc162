// The v2 store a restored member's snap file carries (etcdserver/api/v2store's Save, as Go's
// encoding/json writes it): an empty store into which the membership created one raftAttributes
// node per member, in member-ID order, each create one index and one event.
export interface RestoredMember {
  id: bigint;
  name: string;
  /** sorted, as types.NewURLs leaves them */
  peerURLs: string[];
}

const ZERO_TIME = '"0001-01-01T00:00:00Z"';
const HISTORY_CAPACITY = 1000;

/** A Go string literal in JSON: encoding/json escapes <, > and & and spells \b, \f as \u00XX. */
export function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]|\\[bf]/g, (c) => {
    const code = c === '\\b' ? 8 : c === '\\f' ? 12 : c.charCodeAt(0);
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** json.Marshal(RaftAttributes): the value of /0/members/<id>/raftAttributes. */
export function raftAttributes(m: RestoredMember): string {
  return `{"peerURLs":[${m.peerURLs.map(goString).join(',')}]}`;
}

/** json.Marshal(Member) of a new member: the context of its AddNode conf change. */
export function memberContext(m: RestoredMember): string {
  const name = m.name === '' ? '' : `,"name":${goString(m.name)}`;
  return `{"id":${m.id},"peerURLs":[${m.peerURLs.map(goString).join(',')}]${name}}`;
}

function node(path: string, index: number, value: string, children: string | null): string {
  return `{"Path":${goString(path)},"CreatedIndex":${index},"ModifiedIndex":${index},"ExpireTime":${ZERO_TIME},"Value":${goString(value)},"Children":${children ?? 'null'}}`;
}

/** Go sorts map keys as strings; a JS object would put integer-like keys first. */
function children(entries: [string, string][]): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${sorted.map(([k, v]) => `${goString(k)}:${v}`).join(',')}}`;
}

function membersDir(members: RestoredMember[]): string {
  const each = members.map((m, i): [string, string] => {
    const dir = `/0/members/${m.id.toString(16)}`;
    const attrs = node(`${dir}/raftAttributes`, i + 1, raftAttributes(m), null);
    return [m.id.toString(16), node(dir, i + 1, '', children([['raftAttributes', attrs]]))];
  });
  return node('/0/members', 1, '', children(each));
}

function history(members: RestoredMember[]): string {
  const events = members.map((m, i) => {
    const key = `/0/members/${m.id.toString(16)}/raftAttributes`;
    return `{"action":"create","node":{"key":${goString(key)},"value":${goString(raftAttributes(m))},"modifiedIndex":${i + 1},"createdIndex":${i + 1}}}`;
  });
  const slots = [...events, ...Array<string>(HISTORY_CAPACITY - events.length).fill('null')];
  const n = members.length;
  const queue = `{"Events":[${slots.join(',')}],"Size":${n},"Front":0,"Back":${n},"Capacity":${HISTORY_CAPACITY}}`;
  return `{"EventHistory":{"Queue":${queue},"StartIndex":1,"LastIndex":${n}}}`;
}

function stats(creates: number): string {
  const names = ['getsSuccess', 'getsFail', 'setsSuccess', 'setsFail', 'deleteSuccess', 'deleteFail', 'updateSuccess', 'updateFail',
    'createSuccess', 'createFail', 'compareAndSwapSuccess', 'compareAndSwapFail', 'compareAndDeleteSuccess', 'compareAndDeleteFail',
    'expireCount', 'watchers'];
  return `{${names.map((n) => `"${n}":${n === 'createSuccess' ? creates : 0}`).join(',')}}`;
}

/** store.Save(): members sorted by ID (what RaftCluster.Members returns). */
export function v2StoreJson(members: RestoredMember[]): string {
  const zero = node('/0', 0, '', children([['members', membersDir(members)]]));
  const one = node('/1', 0, '', '{}');
  const root = node('/', 0, '', children([['0', zero], ['1', one]]));
  return `{"Root":${root},"WatcherHub":${history(members)},"CurrentIndex":${members.length},"Stats":${stats(members.length)},"CurrentVersion":2}`;
}
