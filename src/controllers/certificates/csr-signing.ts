// The csrsigning controller: kube-controller-manager's signers for kubernetes.io/kubelet-serving,
// kube-apiserver-client-kubelet and kube-apiserver-client sign approved, not failed CSRs with the
// CA named by --cluster-signing-cert-file/--cluster-signing-key-file (or the per-signer flags),
// for min(spec.expirationSeconds, --cluster-signing-duration), writing status.certificate through
// the status subresource. A request that does not fit its signer gets a Failed condition
// (SignerValidationFailure). kubernetes.io/legacy-unknown is not signed: certificates.k8s.io/v1
// does not accept that signer. The CA files are re-read on every signature, so a rotated CA is
// picked up as the dynamic file loader upstream does.
import { readFile } from 'node:fs/promises';
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { durationMs, newQueue } from '../framework/controller.js';
import { rfc3339 } from '../framework/pods.js';
import { REFS } from '../../client/refs.js';
import { keyOf } from '../../client/types.js';
import {
  SIGNERS, apiserverClientError, isApproved, isFailed, kubeletClientError, kubeletServingError, parseCSR, type CSR, type ParsedCSR,
} from './csr.js';
import { loadSigningCA, signRequest, type SigningCA } from './signer.js';

const DEFAULT_DURATION_MS = 8760 * 3_600_000;
const MIN_DURATION_MS = 10 * 60_000;

/** Per signer: the flag prefix of its own CA files and the check a request must pass. */
const SIGNER_RULES: Record<string, { flag: string; validate(p: ParsedCSR, usages: string[]): string | undefined }> = {
  [SIGNERS.kubeletServing]: { flag: 'cluster-signing-kubelet-serving', validate: kubeletServingError },
  [SIGNERS.kubeletClient]: { flag: 'cluster-signing-kubelet-client', validate: kubeletClientError },
  [SIGNERS.kubeAPIServerClient]: { flag: 'cluster-signing-kube-apiserver-client', validate: (_p, u) => apiserverClientError(u) },
};

export interface CSRSigningOptions {
  /** Reads a CA file named by a flag (the daemon may map node paths to host paths). */
  readFile?: (path: string) => Promise<string>;
}

export class CSRSigningController implements Reconciler {
  readonly name = 'csrsigning';
  readonly queue;
  private readonly csrs;
  private readonly maxTtlMs: number;
  private readonly read: (path: string) => Promise<string>;
  private cached: { pems: string; ca: SigningCA } | undefined;

  constructor(private readonly ctx: ControllerContext, opts: CSRSigningOptions = {}) {
    this.queue = newQueue(ctx);
    this.read = opts.readFile ?? ((p) => readFile(p, 'utf8'));
    this.maxTtlMs = durationMs(ctx.flags?.['cluster-signing-duration'], DEFAULT_DURATION_MS);
    this.csrs = ctx.informers.for<CSR>(REFS.csrs);
    this.csrs.on({ add: (c) => this.queue.add(keyOf(c)), update: (_o, c) => this.queue.add(keyOf(c)) });
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const csr = this.csrs.get(key);
    if (!csr || csr.status?.certificate || !isApproved(csr) || isFailed(csr)) return;
    const rule = SIGNER_RULES[csr.spec?.signerName ?? ''];
    const files = rule && this.caFiles(rule.flag);
    if (!rule || !files) return;
    let parsed: ParsedCSR;
    try {
      parsed = parseCSR(csr.spec?.request);
    } catch (err) {
      throw new Error(`unable to parse csr "${key}": ${(err as Error).message}`);
    }
    const usages = csr.spec?.usages ?? [];
    const invalid = rule.validate(parsed, usages);
    if (invalid) return this.fail(csr, invalid);
    let pem: string;
    try {
      pem = await signRequest(await this.ca(files), parsed, usages, this.duration(csr.spec?.expirationSeconds), this.ctx.now());
    } catch (err) {
      throw new Error(`error auto signing csr: ${(err as Error).message}`);
    }
    await this.writeStatus(csr, { ...(csr.status ?? {}), certificate: Buffer.from(pem).toString('base64') }, 'error updating signature for csr');
  }

  /** The signer's CA files: its own flags, else the cluster-wide ones; none → the signer is off. */
  private caFiles(prefix: string): { cert: string; key: string } | undefined {
    const f = this.ctx.flags ?? {};
    const cert = f[`${prefix}-cert-file`] || f['cluster-signing-cert-file'];
    const key = f[`${prefix}-key-file`] || f['cluster-signing-key-file'];
    return cert && key ? { cert, key } : undefined;
  }

  private async ca(files: { cert: string; key: string }): Promise<SigningCA> {
    const [cert, key] = await Promise.all([this.read(files.cert), this.read(files.key)]);
    const pems = `${cert}\n${key}`;
    if (this.cached?.pems !== pems) this.cached = { pems, ca: await loadSigningCA(cert, key) };
    return this.cached.ca;
  }

  /** signer.duration: the requested duration within [10 min, --cluster-signing-duration]. */
  private duration(expirationSeconds: number | undefined): number {
    if (expirationSeconds === undefined || expirationSeconds === null) return this.maxTtlMs;
    const requested = expirationSeconds * 1000;
    if (requested > this.maxTtlMs) return this.maxTtlMs;
    return requested < MIN_DURATION_MS ? MIN_DURATION_MS : requested;
  }

  private async fail(csr: CSR, message: string): Promise<void> {
    const now = rfc3339(this.ctx.now());
    const conditions = [...(csr.status?.conditions ?? []), { type: 'Failed', status: 'True', reason: 'SignerValidationFailure', message, lastUpdateTime: now, lastTransitionTime: now }];
    await this.writeStatus(csr, { ...(csr.status ?? {}), conditions }, 'error adding failure condition for csr');
  }

  private async writeStatus(csr: CSR, status: NonNullable<CSR['status']>, what: string): Promise<void> {
    try {
      await this.ctx.client.update(REFS.csrs, { ...csr, apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', status }, { subresource: 'status' });
    } catch (err) {
      throw new Error(`${what}: ${(err as Error).message}`);
    }
  }
}

export const csrSigningController: ControllerDef = {
  name: 'csrsigning',
  serviceAccount: 'certificate-controller',
  workers: 1,
  create: (ctx) => new CSRSigningController(ctx),
};
