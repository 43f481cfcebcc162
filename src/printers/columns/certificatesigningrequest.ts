// certificatesigningrequests (certificates.k8s.io/v1): printCertificateSigningRequest —
// NAME AGE SIGNERNAME REQUESTOR REQUESTEDDURATION CONDITION.
import { humanDuration } from '../duration.js';
import { ageColumn, column, nameColumn } from './define.js';
import { at, optNum, rec, recs, str } from './fields.js';
import { age } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** extractCSRStatus: Denied > Approved > Pending, then `,Failed` and `,Issued`. */
export function csrCondition(status: unknown): string {
  const types = new Set(recs(at(status, 'conditions')).map((c) => str(c.type)));
  let text = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) text += ',Failed';
  if (str(at(status, 'certificate')) !== '') text += ',Issued';
  return text;
}

export const certificateSigningRequestColumns: ColumnSet = {
  columns: [
    nameColumn(),
    ageColumn(),
    column('SignerName', 'Requested signer for the request. It is a qualified name in the form: `scope-hostname.io/name`. If empty, it will be defaulted:\n 1. If it\'s a kubelet client certificate, it is assigned\n    "kubernetes.io/kube-apiserver-client-kubelet".\n 2. If it\'s a kubelet serving certificate, it is assigned\n    "kubernetes.io/kubelet-serving".\n 3. Otherwise, it is assigned "kubernetes.io/legacy-unknown".\nDistribution of trust for signers happens out of band. You can select on this field using `spec.signerName`.'),
    column('Requestor', 'Base64-encoded PKCS#10 CSR data'),
    column('RequestedDuration', 'expirationSeconds is the requested duration of validity of the issued certificate. The certificate signer may issue a certificate with a different validity duration so a client must check the delta between the notBefore and and notAfter fields in the issued certificate to determine the actual duration.\n\nThe v1.22+ in-tree implementations of the well-known Kubernetes signers will honor this field as long as the requested duration is not greater than the maximum duration they will honor per the --cluster-signing-duration CLI flag to the Kubernetes controller manager.\n\nCertificate signers may not honor this field for various reasons:\n\n  1. Old signer that is unaware of the field (such as the in-tree\n     implementations prior to v1.22)\n  2. Signer whose configured maximum is shorter than the requested duration\n  3. Signer whose configured minimum is longer than the requested duration\n\nThe minimum valid value for expirationSeconds is 600, i.e. 10 minutes.'),
    column('Condition', 'Conditions applied to the request, such as approval or denial.'),
  ],
  cells(csr, { now }) {
    const spec = rec(csr.spec);
    const seconds = optNum(spec.expirationSeconds);
    return [
      csr.metadata.name ?? '',
      age(csr, now),
      str(spec.signerName) === '' ? '<none>' : str(spec.signerName),
      str(spec.username),
      seconds === undefined ? '<none>' : humanDuration(seconds * 1000),
      csrCondition(csr.status),
    ];
  },
};
