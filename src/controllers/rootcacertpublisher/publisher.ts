// root-ca-cert-publisher: every active namespace holds a kube-root-ca.crt ConfigMap with the
// cluster CA (--root-ca-file) under ca.crt, recreated when deleted and restored when edited —
// the bundle each pod's kube-api-access volume projects.
import { readFile } from 'node:fs/promises';
import { REFS } from '../../client/refs.js';
import { isAlreadyExists, type Obj } from '../../client/types.js';
import type { ControllerContext, ControllerDef, Reconciler, ReconcileResult } from '../framework/controller.js';
import { newQueue } from '../framework/controller.js';

export const ROOT_CA_NAME = 'kube-root-ca.crt';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the ' +
  'internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

type ConfigMap = Obj & { data?: Record<string, string> };

export class RootCACertPublisher implements Reconciler {
  readonly name = 'root-ca-cert-publisher';
  readonly queue;
  private readonly namespaces;
  private readonly configMaps;
  private ca?: Promise<string>;

  constructor(private readonly ctx: ControllerContext, private readonly readCA: (path: string) => Promise<string> = (p) => readFile(p, 'utf8')) {
    this.queue = newQueue(ctx);
    this.namespaces = ctx.informers.for<Obj & { status?: { phase?: string } }>(REFS.namespaces);
    this.configMaps = ctx.informers.for<ConfigMap>(REFS.configmaps);
    this.namespaces.on({ add: (o) => this.queue.add(o.metadata.name ?? ''), update: (_o, n) => this.queue.add(n.metadata.name ?? '') });
    const mine = (o: ConfigMap): void => { if (o.metadata.name === ROOT_CA_NAME) this.queue.add(o.metadata.namespace ?? ''); };
    this.configMaps.on({ update: (_o, n) => mine(n), delete: mine });
  }

  private caBundle(): Promise<string> {
    const file = this.ctx.flags?.['root-ca-file'];
    if (!file) return Promise.reject(new Error('--root-ca-file is not set'));
    this.ca ??= this.readCA(file);
    return this.ca;
  }

  async reconcile(name: string): Promise<ReconcileResult> {
    const ns = this.namespaces.getBy('', name);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    const ca = await this.caBundle();
    const cm = this.configMaps.getBy(name, ROOT_CA_NAME);
    if (!cm) {
      const obj: ConfigMap = {
        apiVersion: 'v1', kind: 'ConfigMap',
        metadata: { name: ROOT_CA_NAME, namespace: name, annotations: { 'kubernetes.io/description': DESCRIPTION } },
        data: { 'ca.crt': ca },
      };
      try {
        await this.ctx.client.create(REFS.configmaps, name, obj);
      } catch (err) {
        if (!isAlreadyExists(err)) throw err;
      }
      return;
    }
    const annotated = cm.metadata.annotations?.['kubernetes.io/description'] === DESCRIPTION;
    if (cm.data?.['ca.crt'] === ca && Object.keys(cm.data).length === 1 && annotated) return;
    const annotations = { ...(cm.metadata.annotations ?? {}), 'kubernetes.io/description': DESCRIPTION };
    await this.ctx.client.update(REFS.configmaps, { ...cm, metadata: { ...cm.metadata, annotations }, data: { 'ca.crt': ca } });
  }
}

export const rootCACertPublisherController: ControllerDef = {
  name: 'root-ca-cert-publisher',
  serviceAccount: 'root-ca-cert-publisher',
  workers: 1,
  create: (ctx) => new RootCACertPublisher(ctx),
};
