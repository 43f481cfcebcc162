// The TLS certificate set of the reference README (section 1.2), generated once per run with
// openssl: ca, server (serverAuth+clientAuth, SAN 127.0.0.1/localhost), client, other-ca and a
// bad-client signed by other-ca.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CERT_FILES = [
  'ca.crt', 'server.crt', 'server.key', 'client.crt', 'client.key',
  'other-ca.crt', 'bad-client.crt', 'bad-client.key',
] as const;

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): void {
  openssl(dir, [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-sha256',
    '-keyout', `${name}.key`, '-out', `${name}.crt`, '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
  ]);
}

function makeLeaf(dir: string, name: string, ca: string, ext: string): void {
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, [
    'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`,
    '-out', `${name}.csr`, '-subj', `/CN=${name}`,
  ]);
  openssl(dir, [
    'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`,
    '-CAcreateserial', '-days', '3650', '-sha256', '-out', `${name}.crt`, '-extfile', `${name}.ext`,
  ]);
}

const SERVER_EXT = [
  'basicConstraints=CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth,clientAuth',
  'subjectAltName=IP:127.0.0.1,DNS:localhost',
  '',
].join('\n');
const CLIENT_EXT = [
  'basicConstraints=CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=clientAuth',
  '',
].join('\n');

/** Generates the set into a fresh directory and returns its path. */
export function generateCerts(): string {
  const dir = mkdtempSync(join(tmpdir(), 'replay-certs-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  makeLeaf(dir, 'server', 'ca', SERVER_EXT);
  makeLeaf(dir, 'client', 'ca', CLIENT_EXT);
  makeLeaf(dir, 'bad-client', 'other-ca', CLIENT_EXT);
  return dir;
}

export function copyCerts(from: string, to: string): void {
  for (const file of CERT_FILES) copyFileSync(join(from, file), join(to, file));
}
