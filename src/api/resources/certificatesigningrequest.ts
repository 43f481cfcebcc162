// CertificateSigningRequest (certificates.k8s.io/v1): certificatesigningrequests.
import { resource, statusSub } from './types.js';

export const certificateSigningRequest = resource({
  group: 'certificates.k8s.io',
  version: 'v1',
  kind: 'CertificateSigningRequest',
  plural: 'certificatesigningrequests',
  namespaced: false,
  shortNames: ['csr'],
  subresources: { approval: { kind: 'CertificateSigningRequest', verbs: ['get', 'patch', 'update'] }, ...statusSub('CertificateSigningRequest') },
  statusSubresource: true,
  selectableFields: (o) => ({ 'spec.signerName': String(((o.spec ?? {}) as Record<string, unknown>).signerName ?? '') }),
});
