// The CAs a Go client trusts when it is given none (crypto/x509's system roots on Linux): the first
// bundle file that can be read (SSL_CERT_FILE names the only one to try), then every file of the
// certificate directories (SSL_CERT_DIR, colon-separated, replaces them), leaving out symlinks to
// files of the same directory (the hash links beside the certificates they name); none found, none
// trusted. Node would trust its own copy of Mozilla's list plus NODE_EXTRA_CA_CERTS instead, which
// kubectl and etcdctl ignore. Elsewhere than Linux (Go asks the OS there), Mozilla's list as Node has
// it. Either way the CAs are given explicitly: Node's default store is never used (startup-env.ts).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { rootCertificates } from 'node:tls';

const CERT_FILES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem',
];
const CERT_DIRS = ['/etc/ssl/certs', '/etc/pki/tls/certs'];
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
}

/** The names in a directory, without symlinks to a file of that same directory. */
function uniqueEntries(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    let target: string;
    try {
      target = readlinkSync(`${dir}/${name}`);
    } catch {
      return true; // not a symlink
    }
    const to = isAbsolute(target) ? target : resolve(dir, target);
    return dirname(to) !== resolve(dir);
  });
}

let cached: string[] | undefined;

/** The PEM certificates of the system roots. */
export function systemRoots(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string[] {
  if (env === process.env && cached !== undefined) return cached;
  let roots = [...rootCertificates];
  if (platform === 'linux') {
    const pems: string[] = [];
    const files = env.SSL_CERT_FILE ? [env.SSL_CERT_FILE] : CERT_FILES;
    for (const file of files) {
      const data = read(file);
      if (data !== undefined) {
        pems.push(data);
        break;
      }
    }
    const dirs = env.SSL_CERT_DIR ? env.SSL_CERT_DIR.split(':') : CERT_DIRS;
    for (const dir of dirs) for (const name of uniqueEntries(dir)) pems.push(read(`${dir}/${name}`) ?? '');
    roots = [...new Set(pems.flatMap((p) => p.match(PEM_CERT) ?? []))];
  }
  if (env === process.env) cached = roots;
  return roots;
}
