// Starts one member: opens its data dir, boots it, binds its client and peer URLs and serves the
// gRPC v3 API and HTTP (v2 when enabled) on them until stopped.
import type { Duplex } from 'node:stream';
import { openStore, type Store } from '../store/index.js';
import type { EtcdConfig } from './config.js';
import type { Logger } from './log.js';
import { EtcdServer } from './server.js';
import { listen, type Listener } from './listen.js';
import { clientHttp, peerHttp } from './http/handler.js';
import { openV2Keyspace, v2Context } from './http/v2context.js';
import { v2Route } from './http/v2.js';
import { metricsRoute } from './http/metrics.js';
import { loadEtcdProto } from './grpc/load.js';
import { kvService } from './grpc/kv.js';
import { watchService } from './grpc/watch.js';
import { leaseService } from './grpc/lease.js';
import { maintenanceService } from './grpc/maintenance.js';
import { clusterService } from './grpc/cluster.js';
import { authService } from './grpc/auth.js';

export interface Running {
  server: EtcdServer;
  /** The store behind the server; the apiserver in the same process writes through it. */
  store: Store;
  stop(): Promise<void>;
}

/** Leases are revoked on time even when nobody reads: etcd's lessor checks every 500 ms. */
const LEASE_SWEEP_MS = 500;

export async function serve(config: EtcdConfig, log: Logger, opts: { clock?: () => number } = {}): Promise<Running> {
  const store = openStore(config.dataDir, { maxTxnOps: config.maxTxnOps, maxRequestBytes: config.maxRequestBytes, ...(opts.clock ? { clock: opts.clock } : {}) });
  const v2 = await openV2Keyspace(config.dataDir, store, opts);
  const server = await EtcdServer.boot(config, store, log, opts.clock);
  const { grpc, services } = await loadEtcdProto();
  // channelz (grpc-js's per-call bookkeeping for a debug service nobody registers) is off, as it costs every call.
  const grpcServer = new grpc.Server({ 'grpc.enable_channelz': 0, 'grpc.max_receive_message_length': config.maxRequestBytes + 512 * 1024, 'grpc.max_send_message_length': 2 ** 31 - 1 });
  grpcServer.addService(services.KV!, kvService(server));
  grpcServer.addService(services.Watch!, watchService(server));
  grpcServer.addService(services.Lease!, leaseService(server));
  grpcServer.addService(services.Maintenance!, maintenanceService(server));
  grpcServer.addService(services.Cluster!, clusterService(server, opts.clock));
  grpcServer.addService(services.Auth!, authService(server));
  const injector = grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const clientSinks = { grpc: (s: Duplex) => injector.injectConnection(s), http: clientHttp(server, [metricsRoute(server), ...(config.enableV2 ? [v2Route(v2Context(server, v2.keys, opts.clock))] : [])]) };
  const peerSinks = { grpc: (s: Duplex) => s.destroy(), http: peerHttp(server) };
  const listeners: Listener[] = [];
  try {
    for (const url of config.listenPeerUrls) {
      listeners.push(await listen(url, config.peerTls, peerSinks));
      log.log('I', 'embed', `listening for peers on ${listeners.at(-1)!.address}`);
    }
    log.log('I', 'embed', 'ready to serve client requests');
    for (const url of config.listenClientUrls) {
      listeners.push(await listen(url, config.clientTls, clientSinks));
      const where = listeners.at(-1)!.address;
      if (url.protocol === 'https:') log.log('I', 'embed', `serving client requests on ${where}`);
      else log.log('N', 'embed', `serving insecure client requests on ${where}, this is strongly discouraged!`);
    }
  } catch (err) {
    await Promise.all(listeners.map((l) => l.close()));
    v2.close();
    await store.close();
    throw err;
  }
  const sweep = setInterval(() => void store.expireLeases().catch(() => undefined), LEASE_SWEEP_MS);
  return {
    server,
    store,
    stop: async () => {
      clearInterval(sweep);
      grpcServer.forceShutdown();
      v2.close();
      clientSinks.http.closeAllConnections();
      await Promise.all(listeners.map((l) => l.close()));
      await store.close();
    },
  };
}
