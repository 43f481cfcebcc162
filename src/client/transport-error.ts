// A request that never got an HTTP answer, worded as Go's net/http reports it (`Get "<url>": dial
// tcp 127.0.0.1:8080: connect: connection refused`), so clients can print what kubectl prints.

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

function goWording(err: NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string }, url: URL): string {
  if (err instanceof DeadlineError) return err.message;
  const addr = `${err.address ?? url.hostname}:${err.port ?? url.port}`;
  switch (err.code) {
    case 'ECONNREFUSED': return `dial tcp ${addr}: connect: connection refused`;
    case 'ENOTFOUND': return `dial tcp: lookup ${url.hostname}: no such host`;
    case 'ETIMEDOUT': return `dial tcp ${addr}: i/o timeout`;
    case 'ECONNRESET': return `read tcp ${addr}: read: connection reset by peer`;
    case 'CERT_HAS_EXPIRED': return 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
    case 'ERR_TLS_CERT_ALTNAME_INVALID': return `tls: failed to verify certificate: x509: certificate is not valid for ${url.hostname}`;
    case 'EPROTO': return 'http: server gave HTTP response to HTTPS client';
    default:
      if (err.code && UNKNOWN_AUTHORITY.has(err.code)) return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
      return err.message;
  }
}

export function transportError(method: string, url: URL, err: Error): TransportError {
  const e = err as NodeJS.ErrnoException;
  return new TransportError(method, url.toString(), goWording(e, url), e.code === 'ECONNREFUSED');
}
