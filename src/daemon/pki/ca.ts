// The cluster CA after creation: loading it back from a node's pki folder, and signing more
// certificates with it (CSR approval, kubelet certificates, users added by drills).
import { webcrypto } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterPaths } from '../paths.js';
import { nodePaths } from '../paths.js';
import { CERTIFICATE_BACKDATE_MS, certificatePem, parseCertificatePem, signCertificate } from './certs.js';
import type { AltNames, CertificateAuthority, ExtKeyUsageName, PublicKeyInput } from './certs.js';
import { loadPair, readPemIfExists } from './files.js';
import { importPrivateKeyPem } from './keys.js';
import { Pkcs10CertificateRequest, SubjectAlternativeNameExtension, type PublicKey } from './x509.js';

/** A CA ready to sign, with its certificate's PEM (what kubeconfigs and bundles embed). */
export interface LoadedCa extends CertificateAuthority {
  certPem: string;
}

/** Loads <base>.crt/.key from a pki folder (e.g. pki, "ca"); throws if either is missing. */
export async function loadCa(pkiDir: string, base: string): Promise<LoadedCa> {
  const pair = await loadPair(pkiDir, base);
  if (!pair) throw new Error(`CA "${join(pkiDir, base)}.crt" does not exist: run "kubedojo up" first`);
  const keys = await importPrivateKeyPem(pair.keyPem);
  return { cert: parseCertificatePem(pair.certPem), key: keys.privateKey, certPem: pair.certPem };
}

/**
 * The Kubernetes CA (pki/ca.crt + ca.key) of a cluster, from the given node or else the first
 * node (by name) whose pki folder holds ca.key — a control-plane node.
 */
export async function loadClusterCa(paths: ClusterPaths, node?: string): Promise<LoadedCa> {
  const name = node ?? (await findCaNode(paths));
  return loadCa(nodePaths(paths, name).pki, 'ca');
}

async function findCaNode(paths: ClusterPaths): Promise<string> {
  const names = (await readdir(paths.nodesDir).catch(() => [] as string[])).sort();
  for (const name of names) {
    if ((await readPemIfExists(join(nodePaths(paths, name).pki, 'ca.key'))) !== undefined) return name;
  }
  throw new Error(`no node of cluster "${paths.name}" holds etc/kubernetes/pki/ca.key: run "kubedojo up" first`);
}

export interface SignClientCertOptions {
  ca: CertificateAuthority;
  commonName: string;
  organizations?: string[];
  /** Validity in days from now; one year when absent. */
  days?: number;
  /** The key to certify: a WebCrypto public key, or a PEM "CERTIFICATE REQUEST" given as csr. */
  publicKey?: PublicKeyInput;
  csr?: string;
  /** clientAuth when absent; kubelet serving certificates ask for serverAuth. */
  usages?: ExtKeyUsageName[];
  altNames?: AltNames;
}

/**
 * Signs a certificate (PEM) for a public key or for the key of a CSR whose signature checks,
 * valid from 5 minutes ago like the controller-manager's CSR signer.
 */
export async function signClientCert(opts: SignClientCertOptions): Promise<string> {
  const publicKey = opts.publicKey ?? (opts.csr !== undefined ? (await readCsr(opts.csr)).publicKey : undefined);
  if (!publicKey) throw new Error('signClientCert needs a publicKey or a csr');
  const spec = {
    commonName: opts.commonName,
    organizations: opts.organizations ?? [],
    usages: opts.usages ?? ['clientAuth' as const],
    notBefore: new Date(Date.now() - CERTIFICATE_BACKDATE_MS),
    ...(opts.days !== undefined ? { days: opts.days } : {}),
    ...(opts.altNames ? { altNames: opts.altNames } : {}),
  };
  return certificatePem(await signCertificate(opts.ca, spec, publicKey));
}

/** What a CertificateSigningRequest asks for, read from its PEM. */
export interface CsrInfo {
  commonName: string;
  organizations: string[];
  altNames: AltNames;
  publicKey: PublicKey;
}

const SAN_OID = '2.5.29.17';

/** Parses a PEM CSR and checks its self-signature; throws if it does not verify. */
export async function readCsr(pem: string): Promise<CsrInfo> {
  const csr = new Pkcs10CertificateRequest(pem);
  if (!(await csr.verify(webcrypto))) {
    throw new Error('the certificate request signature does not verify');
  }
  const san = csr.getExtension(SAN_OID);
  const names = san ? new SubjectAlternativeNameExtension(san.rawData).names.items : [];
  return {
    commonName: csr.subjectName.getField('CN')[0] ?? '',
    organizations: csr.subjectName.getField('O'),
    altNames: {
      dnsNames: names.filter((n) => n.type === 'dns').map((n) => n.value),
      ips: names.filter((n) => n.type === 'ip').map((n) => n.value),
    },
    publicKey: csr.publicKey,
  };
}
