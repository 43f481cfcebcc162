// The cluster PKI: kubeadm's certificates and kubeconfigs for every node, and the CA's signing
// functions for certificates issued later (CSR approval, kubelet certificates).
export { ensureClusterPki } from './ensure.js';
export { loadCa, loadClusterCa, readCsr, signClientCert } from './ca.js';
export type { CsrInfo, LoadedCa, SignClientCertOptions } from './ca.js';
export { certificatePem, parseCertificatePem } from './certs.js';
export type { AltNames, CertificateAuthority, ExtKeyUsageName } from './certs.js';
export { readPem, readPemIfExists } from './files.js';
export { generateKeyPair, importPrivateKeyPem, privateKeyPem, publicKeyPem } from './keys.js';
export type { KeyPair } from './keys.js';
export { apiserverServiceIP } from './specs.js';
