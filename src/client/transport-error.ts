// A request that never got an HTTP answer, worded as Go's net/http reports it (`Get "<url>": dial
// tcp 127.0.0.1:8080: connect: connection refused`), so clients can print what kubectl prints.
import { isIP, isIPv6 } from 'node:net';
import { readFileSync } from 'node:fs';

export class TransportError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    /** the inner error as Go words it */
    readonly inner: string,
    readonly refused: boolean,
  ) {
    super(`${method[0]}${method.slice(1).toLowerCase()} ${JSON.stringify(url)}: ${inner}`);
  }

  /** host:port as given in the server URL (kubectl's "The connection to the server X was refused"). */
  get hostPort(): string {
    return new URL(this.url).host;
  }
}

/** http.Client.Timeout running out, before the response (`awaiting headers`) or while reading it. */
export class DeadlineError extends Error {
  constructor(readonly whileReading: boolean) {
    super(whileReading ? 'context deadline exceeded (Client.Timeout or context cancellation while reading body)' : 'context deadline exceeded');
  }
}

const UNKNOWN_AUTHORITY = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

interface PeerCertificate {
  subject?: { CN?: string | string[] };
  subjectaltname?: string;
}

/** The names a certificate's SANs give, of one kind ("DNS" or "IP Address"), in its order. */
function sans(cert: PeerCertificate, kind: string): string[] {
  return (cert.subjectaltname ?? '').split(', ').filter((s) => s.startsWith(`${kind}:`)).map((s) => s.slice(kind.length + 1));
}

/** x509.HostnameError's text: the names the certificate is valid for, and the one asked for. */
function hostnameError(host: string, cert: PeerCertificate): string {
  const dns = sans(cert, 'DNS');
  const ips = sans(cert, 'IP Address');
  const cn = [cert.subject?.CN ?? []].flat()[0];
  if (cert.subjectaltname === undefined && cn !== undefined && cn.toLowerCase() === host.toLowerCase()) return 'x509: certificate relies on legacy Common Name field, use SANs instead';
  if (isIP(host)) {
    if (ips.length === 0) return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`;
    return `x509: certificate is valid for ${ips.join(', ')}, not ${host}`;
  }
  if (dns.length === 0) return `x509: certificate is not valid for any names, but wanted to match ${host}`;
  return `x509: certificate is valid for ${dns.join(', ')}, not ${host}`;
}

/**
 * Go's resolver names the DNS server that answered (net.DNSError.Server): the first nameserver of
 * /etc/resolv.conf, port 53 (IPv6 in brackets). Nothing when there is none to read.
 */
export function nameserverSuffix(path = '/etc/resolv.conf'): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return '';
  }
  const ns = /^\s*nameserver\s+(\S+)/m.exec(text)?.[1];
  if (!ns) return '';
  return ` on ${isIPv6(ns) ? `[${ns}]` : ns}:53`;
}

/** net's isDomainName: labels of letters, digits, '-' and '_' (RFC 1035, 3696), not all numeric. */
export function isDomainName(s: string): boolean {
  if (s === '.') return true;
  const l = s.length;
  if (l === 0 || l > 254 || (l === 254 && !s.endsWith('.'))) return false;
  let last = '.';
  let nonNumeric = false;
  let partlen = 0;
  for (const c of s) {
    if (/[a-zA-Z_]/.test(c)) {
      nonNumeric = true;
      partlen++;
    } else if (/[0-9]/.test(c)) partlen++;
    else if (c === '-') {
      if (last === '.') return false;
      partlen++;
      nonNumeric = true;
    } else if (c === '.') {
      if (last === '.' || last === '-' || partlen > 63 || partlen === 0) return false;
      partlen = 0;
    } else return false;
    last = c;
  }
  return last !== '-' && partlen <= 63 && nonNumeric;
}

function goWording(err: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string; host?: string; cert?: PeerCertificate }, url: URL): string {
  if (err instanceof DeadlineError) return err.message;
  const addr = `${err.address ?? url.hostname}:${err.port ?? url.port}`;
  switch (err.code) {
    case 'ECONNREFUSED': return `dial tcp ${addr}: connect: connection refused`;
    // a name that is no domain name is refused before any server is asked
    case 'ENOTFOUND': return `dial tcp: lookup ${url.hostname}${isDomainName(url.hostname) ? nameserverSuffix() : ''}: no such host`;
    case 'ETIMEDOUT': return `dial tcp ${addr}: i/o timeout`;
    // node's "socket hang up": the server closed the connection before answering, which Go reads as EOF
    case 'ECONNRESET': return err.message === 'socket hang up' ? 'EOF' : `read tcp ${addr}: read: connection reset by peer`;
    case 'CERT_HAS_EXPIRED': return 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return `tls: failed to verify certificate: ${hostnameError(err.host ?? url.hostname, err.cert ?? {})}`;
    case 'EPROTO': return 'http: server gave HTTP response to HTTPS client';
    default:
      if (err.code && UNKNOWN_AUTHORITY.has(err.code)) return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
      return err.message;
  }
}

/** shown: the URL as Go prints it, when WHATWG's serialisation differs (a default port written out). */
export function transportError(method: string, url: URL, err: Error, shown = url.toString()): TransportError {
  const e = err as NodeJS.ErrnoException;
  return new TransportError(method, shown, goWording(e, url), e.code === 'ECONNREFUSED');
}
