// etcd's pkg/types.NewURLs, which both sides apply to member peer URLs: clientv3 before it
// sends MemberAdd/MemberUpdate, the server on MemberAdd and on the v2 members API.
import { goUrlString, parseGoUrl } from './go-url.js';

/** Whether net.SplitHostPort accepts `hostport` (host may be empty; an IPv6 host in brackets). */
export function splitsHostPort(hostport: string): boolean {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return false;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return false;
    j = 1;
    k = end + 1;
  } else if (hostport.slice(0, i).includes(':')) {
    return false;
  }
  return !hostport.slice(j).includes('[') && !hostport.slice(k).includes(']');
}

/** The URLs, trimmed, checked, as URL.String prints them, sorted; Go's error texts. */
export function newURLs(strs: string[]): string[] {
  if (strs.length === 0) throw new Error('no valid URLs given');
  const out = strs.map((raw) => {
    const s = raw.trim();
    const u = parseGoUrl(s);
    if (!['http', 'https', 'unix', 'unixs'].includes(u.scheme)) throw new Error(`URL scheme must be http, https, unix, or unixs: ${s}`);
    if (!splitsHostPort(u.host)) throw new Error(`URL address does not have the form "host:port": ${s}`);
    if (u.path !== '') throw new Error(`URL must not contain a path: ${s}`);
    return goUrlString(u);
  });
  return out.sort();
}
