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
  prepareForCreate: (obj, ctx) => {
    // The requestor is whoever created the CSR; clients cannot claim another identity.
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    spec.username = ctx.user.name;
    if (ctx.user.uid) spec.uid = ctx.user.uid;
    else delete spec.uid;
    spec.groups = ctx.user.groups;
    if (ctx.user.extra) spec.extra = ctx.user.extra;
    else delete spec.extra;
  },
});
