// The apiserver: HTTPS on loopback with client-certificate and token authentication, serving the
// Kubernetes REST API over a store.
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/index.js';
import { ObjectStorage } from './storage/storage.js';
import { Registry } from './registry/rest.js';
import { randomSuffix, type Generators } from './registry/context.js';
import { TokenIssuer } from './auth/tokens.js';
import { RbacCache } from './auth/rbac-cache.js';
import { CustomResources } from './crd/controller.js';
import { handler, upgradeHandler } from './http/handler.js';
import type { Call, ComponentHealth, ServerContext } from './http/server-context.js';
import { NamespaceCache, namespaceLifecycle } from './admission/namespace-lifecycle.js';
import { serviceAccountAdmission } from './admission/service-account.js';
import { defaultTolerationSeconds } from './admission/default-tolerations.js';
import { priorityAdmission } from './admission/priority.js';
import { runtimeClassAdmission } from './admission/runtime-class.js';
import { mutatingWebhooks, validatingWebhooks, WebhookSource } from './admission/webhook/dispatch.js';
import { clusterIpResolver } from './admission/webhook/service.js';
import { PolicySource, validatingPolicies } from './admission/policy/validating.js';
import type { ResourceDescriptor } from './resources/types.js';
import { serviceAllocation } from './admission/service-alloc.js';
import { limitRanger } from './admission/limit-ranger.js';
import { defaultStorageClass } from './admission/default-storage-class.js';
import { resourceQuota } from './admission/resource-quota.js';
import { kubeletUnreachable } from './http/kubelet.js';
import { defaultComponents } from './http/componentstatus.js';
import { SERVER_VERSION } from './version.js';
import { startCompactor } from './storage/compactor.js';
import { Aggregator } from './aggregator/controller.js';
import { FlowControl } from './flowcontrol/controller.js';
import { metricsServer } from './metrics/server.js';
import { cheapDefaultStore } from '../client/startup-env.js';
import type { MetricsBackend } from './metrics/types.js';

export interface ApiserverOptions {
  store: Store;
  port: number;
  /** PEM files: the cluster CA, the serving cert and key, the service account key pair. */
  caFile: string;
  certFile: string;
  keyFile: string;
  saKeyFile: string;
  saPubFile: string;
  serviceSubnet: string;
  gen?: Partial<Generators>;
  /** A random integer in [0, n) for IP and port allocation. */
  pick?: (n: number) => number;
  bookmarkMs?: number;
  /** The control-plane components' health for componentstatuses (default: none running). */
  components?: () => Promise<ComponentHealth[]>;
  /** --etcd-compaction-interval, ms (default 5 minutes; 0 disables). */
  compactionIntervalMs?: number;
  /**
   * The handler a node's kubelet offers for a pod subresource (log, exec…); none when its kubelet
   * does not run or does not serve it: the call then fails as an unanswered kubelet port does.
   */
  kubelet?: (nodeName: string, subresource: string) => KubeletHandler | undefined;
  /** What the kubelets' resource metrics endpoints answer (metrics-server's scrapes); none: no usage. */
  metrics?: MetricsBackend;
}

/** Serves one kubelet-backed call (writing to c.res), or returns the error to answer with. */
export type KubeletHandler = (c: Call) => Promise<Error | undefined>;

export interface Apiserver {
  port: number;
  registry: Registry;
  storage: ObjectStorage;
  close(): Promise<void>;
}

export async function startApiserver(o: ApiserverOptions): Promise<Apiserver> {
  const gen: Generators = { now: Date.now, uid: randomUUID, suffix: () => randomSuffix(), ...o.gen };
  const storage = new ObjectStorage(o.store);
  const webhooks = new WebhookSource(storage);
  const namespaces = new NamespaceCache(storage);
  const resolveService = clusterIpResolver(storage);
  const policies = new PolicySource(storage, (): readonly ResourceDescriptor[] => crds.descriptors());
  // kube-apiserver's default plugin order (those that apply here).
  const admission = [
    namespaceLifecycle(storage, namespaces, gen.now),
    limitRanger(storage),
    serviceAccountAdmission(storage, gen.suffix),
    defaultTolerationSeconds,
    priorityAdmission(storage),
    defaultStorageClass(storage),
    runtimeClassAdmission(storage),
    mutatingWebhooks(webhooks, { resolveService }),
    validatingPolicies(policies),
    validatingWebhooks(webhooks, { resolveService }),
    serviceAllocation(storage, { serviceSubnet: o.serviceSubnet, ...(o.pick ? { pick: o.pick } : {}) }),
    resourceQuota(storage, { now: gen.now }),
  ];
  const registry = new Registry(storage, gen, admission);
  const rbac = new RbacCache(storage);
  await rbac.start();
  await webhooks.start();
  await namespaces.start();
  await policies.start();
  const crds = new CustomResources(registry, storage, gen.now);
  await crds.start();
  const tokens = await TokenIssuer.load(readFileSync(o.saKeyFile, 'utf8'), readFileSync(o.saPubFile, 'utf8'));
  const unreachable = kubeletUnreachable(storage);
  const ctx: ServerContext = {
    registry, storage, tokens, rbac, gen,
    serverAddress: `127.0.0.1:${o.port}`,
    version: SERVER_VERSION,
    bookmarkMs: o.bookmarkMs ?? 60_000,
    kubelet: (nodeName, c) => {
      const serve = o.kubelet?.(nodeName, c.info.subresource);
      return serve ? serve(c) : unreachable(nodeName, c);
    },
    components: o.components ?? (async () => defaultComponents()),
    aggregator: new Aggregator(registry, [metricsServer(o.metrics)], gen.now),
    crds,
  };
  cheapDefaultStore();
  const server: Server = createServer({
    key: readFileSync(o.keyFile),
    cert: readFileSync(o.certFile),
    ca: readFileSync(o.caFile),
    requestCert: true,
    rejectUnauthorized: false,
  }, handler(ctx));
  // Go's TLS server never renegotiates; so the client certificate of a connection is fixed (authn.ts)
  server.on('secureConnection', (socket: TLSSocket) => socket.disableRenegotiation());
  answerPlainHttp(server);
  const upgrades = upgradeHandler(ctx);
  server.on('upgrade', upgrades);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const interval = o.compactionIntervalMs ?? 5 * 60_000;
  const stopCompactor = interval > 0 ? startCompactor(o.store, interval) : () => {};
  ctx.aggregator?.start();
  const flowControl = new FlowControl(registry, gen.now);
  flowControl.start();
  ctx.serverAddress = `127.0.0.1:${port}`;
  return {
    port, registry, storage,
    async close() {
      stopCompactor();
      await ctx.aggregator?.stop();
      await flowControl.stop();
      await rbac.stop();
      await webhooks.stop();
      await namespaces.stop();
      await policies.stop();
      await crds.stop();
      upgrades.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The record headers net/http takes for a plain HTTP request (tlsRecordHeaderLooksLikeHTTP). */
const HTTP_STARTS = ['GET /', 'HEAD ', 'POST ', 'PUT /', 'OPTIO'];

/**
 * net/http's answer to plain HTTP on a TLS port: a 400 saying so, then the connection closes. The
 * first bytes of each connection are looked at before the TLS server takes it (it reads what the
 * socket has buffered, so nothing is lost).
 */
function answerPlainHttp(server: Server): void {
  const [tlsConnection] = server.listeners('connection') as Array<(socket: Socket) => void>;
  if (!tlsConnection) return;
  server.removeListener('connection', tlsConnection);
  server.on('connection', (socket: Socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      if (HTTP_STARTS.includes(first.subarray(0, 5).toString('latin1'))) {
        socket.end('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');
        return;
      }
      socket.unshift(first);
      tlsConnection.call(server, socket);
    });
  });
}
