// One node's kubelet inside the daemon. So far it keeps the node alive for the control plane —
// Lease renewals and node status — so the node lifecycle controller sees a healthy node, and a
// stopped kubelet makes its node go NotReady after the grace period, as on a real cluster.
import type { Client } from '../client/types.js';
import { Heartbeat, RENEW_INTERVAL_MS } from './heartbeat.js';

export interface KubeletOptions {
  node: string;
  client: Client;
  now: () => number;
  log: (msg: string) => void;
}

export interface RunningKubelet {
  node: string;
  stop(): Promise<void>;
}

export function startKubelet(o: KubeletOptions): RunningKubelet {
  const hb = new Heartbeat(o.client, o.node, o.now);
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const beat = async () => {
    try {
      await hb.renewLease();
      await hb.reportStatus();
    } catch (err) {
      o.log(`kubelet ${o.node}: heartbeat failed: ${(err as Error).message}`);
    }
  };
  current = beat();
  const timer = setInterval(() => {
    if (!stopped) current = current.then(beat);
  }, RENEW_INTERVAL_MS);
  timer.unref();
  return {
    node: o.node,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
