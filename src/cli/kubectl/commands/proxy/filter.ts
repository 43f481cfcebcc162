// kubectl proxy's request filter (kubectl/pkg/proxy FilterServer): a request passes when its path
// matches no reject-paths regexp, its method no reject-methods regexp, and its path some
// accept-paths and its host (without port) some accept-hosts regexp. Each flag is a comma-separated
// list of regexps, matched unanchored as Go's MatchString does.

export interface Filter {
  acceptPaths: RegExp[];
  rejectPaths: RegExp[];
  acceptHosts: RegExp[];
  rejectMethods: RegExp[];
}

/** MakeRegexpArray: "" is no regexp at all. */
export function regexps(list: string): RegExp[] {
  return list === '' ? [] : list.split(',').map((re) => new RegExp(re));
}

const matches = (s: string, res: RegExp[]): boolean => res.some((re) => re.test(s));

export function accepts(f: Filter, method: string, path: string, host: string): boolean {
  if (matches(path, f.rejectPaths) || matches(method, f.rejectMethods)) return false;
  return matches(path, f.acceptPaths) && matches(host, f.acceptHosts);
}

/** net.SplitHostPort's host, or the whole header when it has no port ([::1]:8001 → ::1). */
export function extractHost(header: string): string {
  const m = /^\[([^\]]*)\]:[^:\]]*$/.exec(header) ?? /^([^:[\]]*):[^:]*$/.exec(header);
  return m ? m[1]! : header;
}
