// TLS material for the client, checked before dialing as etcdctl does (exit 128, no log line).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../../../shared/exit.js';
import type { GlobalOptions } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  skipVerify: boolean;
}

function open(cwd: string, file: string): Buffer {
  try {
    return readFileSync(resolve(cwd, file));
  } catch {
    throw new ExitError(EXIT.badArgs, `open ${file}: no such file or directory`);
  }
}

/** TLS when a TLS file is given, or (with an empty config) when --insecure-transport=false. */
export function wantsTls(g: GlobalOptions): boolean {
  return g.cacert !== '' || g.cert !== '' || g.key !== '' || !g.insecureTransport;
}

export function loadTls(g: GlobalOptions, cwd: string): TlsMaterial {
  const out: TlsMaterial = { skipVerify: g.insecureSkipVerify };
  if (g.cert !== '' || g.key !== '') {
    if (g.cert === '' || g.key === '') {
      throw new ExitError(EXIT.badArgs, `KeyFile and CertFile must both be present[key: ${g.key}, cert: ${g.cert}]`);
    }
    out.cert = open(cwd, g.cert);
    out.key = open(cwd, g.key);
    if (!new X509Certificate(out.cert).checkPrivateKey(createPrivateKey(out.key))) {
      throw new ExitError(EXIT.badArgs, 'tls: private key does not match public key');
    }
  }
  if (g.cacert !== '') out.ca = open(cwd, g.cacert);
  return out;
}
