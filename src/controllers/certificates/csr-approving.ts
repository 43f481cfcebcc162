// The csrapproving controller (sarApprover): a kubelet client CSR — signer
// kubernetes.io/kube-apiserver-client-kubelet, O=system:nodes, CN=system:node:<name>, the kubelet
// client usages — is approved when a SubjectAccessReview says its requester may create
// certificatesigningrequests/selfnodeclient (renewing its own certificate) or /nodeclient
// (bootstrapping). Everything else is left for a human or another approver.
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';
import { rfc3339 } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { keyOf, type Obj, type ResourceRef } from '../../client/types.js';
import { SIGNERS, isApproved, isDenied, kubeletClientError, parseCSR, type CSR, type ParsedCSR } from './csr.js';

export const SUBJECT_ACCESS_REVIEWS: ResourceRef = { group: 'authorization.k8s.io', version: 'v1', resource: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false };

interface Recognizer {
  recognize(csr: CSR, p: ParsedCSR): boolean;
  subresource: string;
  message: string;
}

const isNodeClientCert = (csr: CSR, p: ParsedCSR): boolean => csr.spec?.signerName === SIGNERS.kubeletClient && !kubeletClientError(p, csr.spec?.usages);

const RECOGNIZERS: Recognizer[] = [
  { recognize: (csr, p) => csr.spec?.username === p.commonName && isNodeClientCert(csr, p), subresource: 'selfnodeclient', message: 'Auto approving self kubelet client certificate after SubjectAccessReview.' },
  { recognize: isNodeClientCert, subresource: 'nodeclient', message: 'Auto approving kubelet client certificate after SubjectAccessReview.' },
];

export class CSRApprovingController implements Reconciler {
  readonly name = 'csrapproving';
  readonly queue;
  private readonly csrs;

  constructor(private readonly ctx: ControllerContext) {
    this.queue = newQueue(ctx);
    this.csrs = ctx.informers.for<CSR>(REFS.csrs);
    this.csrs.on({ add: (c) => this.queue.add(keyOf(c)), update: (_o, c) => this.queue.add(keyOf(c)) });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const csr = this.csrs.get(key);
    if (!csr || csr.status?.certificate || isApproved(csr) || isDenied(csr)) return;
    let parsed: ParsedCSR;
    try {
      parsed = parseCSR(csr.spec?.request);
    } catch (err) {
      throw new Error(`unable to parse csr "${key}": ${(err as Error).message}`);
    }
    const tried: string[] = [];
    for (const r of RECOGNIZERS) {
      if (!r.recognize(csr, parsed)) continue;
      tried.push(r.subresource);
      if (await this.authorize(csr, r.subresource)) return this.approve(csr, r.message);
    }
    if (tried.length) throw new Error(`recognized csr "${key}" as [${tried.join(' ')}] but subject access review was not approved`);
  }

  private async authorize(csr: CSR, subresource: string): Promise<boolean> {
    const spec = csr.spec ?? {};
    const sar = {
      apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {},
      spec: {
        user: spec.username, uid: spec.uid, groups: spec.groups, extra: spec.extra,
        resourceAttributes: { group: 'certificates.k8s.io', resource: 'certificatesigningrequests', verb: 'create', subresource, version: '*' },
      },
    };
    const out = await this.ctx.client.create<Obj & { status?: { allowed?: boolean } }>(SUBJECT_ACCESS_REVIEWS, '', sar);
    return out.status?.allowed === true;
  }

  /** appendApprovalCondition + UpdateApproval (the apiserver would stamp the times; we do). */
  private async approve(csr: CSR, message: string): Promise<void> {
    const now = rfc3339(this.ctx.now());
    const conditions = [...(csr.status?.conditions ?? []), { type: 'Approved', status: 'True', reason: 'AutoApproved', message, lastUpdateTime: now, lastTransitionTime: now }];
    const next: CSR = { ...csr, apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', status: { ...(csr.status ?? {}), conditions } };
    try {
      await this.ctx.client.update(REFS.csrs, next, { subresource: 'approval' });
    } catch (err) {
      throw new Error(`error updating approval for csr: ${(err as Error).message}`);
    }
  }
}

export const csrApprovingController: ControllerDef = {
  name: 'csrapproving',
  serviceAccount: 'certificate-controller',
  workers: 1,
  create: (ctx) => new CSRApprovingController(ctx),
};
