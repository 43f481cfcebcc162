// Go's net/url.Parse (absolute and relative references, not via a request), with its error
// texts: `parse "<url>": <reason>`. Enough of URL.String for the URLs that parse.

export interface GoUrl {
  scheme: string;
  opaque: string;
  /** the userinfo as written (before `@`), undefined without one */
  user: string | undefined;
  host: string;
  path: string;
  rawQuery: string;
  forceQuery: boolean;
  fragment: string;
}

class ParseError extends Error {}

/** getScheme: letters, then letters, digits, `+`, `-`, `.`, up to the first `:`. */
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+.-]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new ParseError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);
/** Characters a host may hold unescaped (shouldEscape in encodeHost mode says no). */
const HOST_CHAR = /^[a-zA-Z0-9\-_.~!$&'()*+,;=:[\]<>"]$/;

/** unescape's checks: `%XX` escapes, and in a host only the characters a host may hold. */
function checkEscapes(s: string, host: boolean): void {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) throw new ParseError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      if (host && parseInt(s[i + 1]!, 16) < 8 && s.slice(i, i + 3) !== '%25') throw new ParseError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      i += 2;
    } else if (host && c.charCodeAt(0) < 0x80 && !HOST_CHAR.test(c)) {
      throw new ParseError(`invalid character ${JSON.stringify(c)} in host name`);
    }
  }
}

const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new ParseError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new ParseError(`invalid port ${JSON.stringify(colonPort)} after host`);
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0 && !validOptionalPort(host.slice(i))) throw new ParseError(`invalid port ${JSON.stringify(host.slice(i))} after host`);
  }
  checkEscapes(host, true);
  return host;
}

function parseAuthority(authority: string): [string | undefined, string] {
  const at = authority.lastIndexOf('@');
  const host = parseHost(authority.slice(at + 1));
  if (at < 0) return [undefined, host];
  const user = authority.slice(0, at);
  if (!/^[a-zA-Z0-9\-._:~!$&'()*+,;=%@]*$/.test(user)) throw new ParseError('net/url: invalid userinfo');
  checkEscapes(user, false);
  return [user, host];
}

function parseRest(u: GoUrl, raw: string): void {
  const [scheme, afterScheme] = getScheme(raw);
  u.scheme = scheme.toLowerCase();
  let rest = afterScheme;
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else if (rest.includes('?')) {
    u.rawQuery = rest.slice(rest.indexOf('?') + 1);
    rest = rest.slice(0, rest.indexOf('?'));
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return;
    }
    if (rest.split('/')[0]!.includes(':')) throw new ParseError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    [u.user, u.host] = parseAuthority(authority);
  }
  checkEscapes(rest, false);
  u.path = rest;
}

export function parseGoUrl(raw: string): GoUrl {
  const hash = raw.indexOf('#');
  const body = hash < 0 ? raw : raw.slice(0, hash);
  const u: GoUrl = { scheme: '', opaque: '', user: undefined, host: '', path: '', rawQuery: '', forceQuery: false, fragment: '' };
  try {
    if (/[\x00-\x1f\x7f]/.test(body)) throw new ParseError('net/url: invalid control character in URL');
    if (body !== '*') parseRest(u, body);
    else u.path = '*';
  } catch (err) {
    if (err instanceof ParseError) throw new Error(`parse ${JSON.stringify(body)}: ${err.message}`);
    throw err;
  }
  if (hash >= 0) {
    u.fragment = raw.slice(hash + 1);
    try {
      checkEscapes(u.fragment, false);
    } catch (err) {
      throw new Error(`parse ${JSON.stringify(raw)}: ${(err as Error).message}`);
    }
  }
  return u;
}

/** URL.String for the forms etcd's URL lists hold (scheme, authority, query, fragment as written). */
export function goUrlString(u: GoUrl): string {
  let s = u.scheme === '' ? '' : `${u.scheme}:`;
  if (u.opaque !== '') s += u.opaque;
  else if (u.scheme !== '' || u.host !== '' || u.user !== undefined) s += `//${u.user === undefined ? '' : `${u.user}@`}${u.host}${u.path}`;
  else s += u.path;
  if (u.forceQuery || u.rawQuery !== '') s += `?${u.rawQuery}`;
  if (u.fragment !== '') s += `#${u.fragment}`;
  return s;
}
