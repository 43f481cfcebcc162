// Kubeconfig files and certificate files the `kubectl config` differential tests start from.

export const TWO_CONTEXTS = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://127.0.0.1:1
    certificate-authority-data: Q0EK
- name: staging
  cluster:
    server: https://127.0.0.1:2
    insecure-skip-tls-verify: true
users:
- name: admin
  user:
    client-certificate-data: Q0VSVAo=
    client-key-data: S0VZCg==
- name: dev
  user:
    token: s3cr3t
    password: pw
contexts:
- name: prod
  context: {cluster: prod, user: admin}
- name: staging
  context: {cluster: staging, user: dev, namespace: apps}
current-context: prod
unknown-field: dropped when rewritten
`;

export const CERTS = { 'pki/ca.crt': 'CA\n', 'pki/c.crt': 'CERT\n', 'pki/k.key': 'KEY\n' };
