// Node's network errors spelled as Go's net/http and crypto/tls spell them.
export function netError(err: Error & { code?: string }, url: URL, socketPath?: string): string {
  const code = err.code ?? '';
  if (socketPath !== undefined && code === 'ENOENT') return `dial unix ${socketPath}: connect: no such file or directory`;
  if (socketPath !== undefined && code === 'ECONNREFUSED') return `dial unix ${socketPath}: connect: connection refused`;
  const host = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  if (code === 'ECONNREFUSED') return `dial tcp ${host}: connect: connection refused`;
  if (/BAD_CERTIFICATE|CERTIFICATE_REQUIRED/.test(code) || /bad certificate|certificate required/.test(err.message)) {
    return 'remote error: tls: bad certificate';
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) return 'x509: certificate signed by unknown authority';
  if (code === 'ECONNRESET' && url.protocol === 'https:') return 'remote error: tls: bad certificate';
  return err.message;
}
