// The streaming TLS flags (tlsConfigFromFlags, crictl 1.32) and client-go's loading of their files
// when the executor or dialer builds its transport: none of --tls-ca/--tls-cert/--tls-key means an
// insecure client; a cert without a key (or the reverse) is refused before any request; a file that
// cannot be read, or holds no PEM block, fails the transport in Go's words. The files are used for
// https URLs only (containerd's streaming server is plain http unless enable_tls_streaming).
import { readFileSync } from 'node:fs';
import { goErrnoText } from '../../../client/go-errno.js';
import { cheapDefaultStore } from '../../../client/startup-env.js';

export interface TlsFlags {
  ca: string;
  cert: string;
  key: string;
  serverName: string;
}

export interface TlsFiles {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  servername?: string;
}

/** tlsConfigFromFlags' check; the error is wrapped `get TLS config from flags: …` by the command. */
export function checkTlsFlags(f: TlsFlags): void {
  if (f.ca === '' && f.cert === '' && f.key === '') return;
  if (f.cert === '' || f.key === '') throw new Error('all two flags --tls-ca and --tls-cert are required for TLS streaming, only --tls-key is optional');
}

/** os.ReadFile's error as Go prints it. */
function read(path: string, hostPath: (p: string) => string): Buffer {
  try {
    return readFileSync(hostPath(path));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EISDIR') throw new Error(`read ${path}: is a directory`);
    throw new Error(`open ${path}: ${goErrnoText(err)}`);
  }
}

const hasPem = (b: Buffer) => b.toString('latin1').includes('-----BEGIN ');

/** transport.TLSConfigFor: the files read (CA, cert, key in that order) and checked. */
export function loadTls(f: TlsFlags, hostPath: (p: string) => string): TlsFiles {
  if (f.ca === '' && f.cert === '' && f.key === '') return {};
  const ca = f.ca ? read(f.ca, hostPath) : undefined;
  const cert = read(f.cert, hostPath);
  const key = read(f.key, hostPath);
  if (ca && !hasPem(ca)) throw new Error('unable to load root certificates: unable to parse bytes as PEM block');
  if (!hasPem(cert)) throw new Error('tls: failed to find any PEM data in certificate input');
  if (!hasPem(key)) throw new Error('tls: failed to find any PEM data in key input');
  if (ca) cheapDefaultStore();
  return { ...(ca ? { ca } : {}), cert, key, servername: f.serverName };
}

/** The flags of a streaming command. */
export function tlsFlags(get: (name: string) => string): TlsFlags {
  return { ca: get('tls-ca'), cert: get('tls-cert'), key: get('tls-key'), serverName: get('tls-sni') };
}
