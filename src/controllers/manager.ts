// kube-controller-manager: the controllers named by --controllers (default `*`: all but those
// upstream disables by default), each acting as its own ServiceAccount, over informers shared
// through the manager's own credentials, with the flags of its static pod.
import { RestClient } from '../client/rest.js';
import { restConfigFromKubeconfig } from '../client/rest-config.js';
import { serverPreferredResources } from '../client/discovery.js';
import { InformerFactory } from './framework/informer.js';
import { CoreEventRecorder } from './framework/events.js';
import { runWorkers, type ControllerDef, type Reconciler } from './framework/controller.js';
import { ServiceAccountClients } from './sa-clients.js';
import { runWhenLeader } from './framework/leader.js';

export interface ManagerOptions {
  kubeconfig: string;
  flags: Record<string, string>;
  defs: ControllerDef[];
  /** Controllers upstream leaves off unless named (bootstrapsigner, tokencleaner…). */
  disabledByDefault?: string[];
  now: () => number;
  log: (msg: string) => void;
  /** The host the manager runs on (the leader election identity is <host>_<uuid>). */
  host?: string;
}

export interface RunningManager {
  stop(): Promise<void>;
}

/** Whether --controllers enables name: `*` is every default one, `foo` enables, `-foo` disables. */
export function controllerEnabled(name: string, flag: string | undefined, offByDefault: string[]): boolean {
  const items = (flag ?? '*').split(',').map((s) => s.trim()).filter(Boolean);
  if (items.includes(`-${name}`)) return false;
  if (items.includes(name)) return true;
  return items.includes('*') && !offByDefault.includes(name);
}

export async function startControllerManager(o: ManagerOptions): Promise<RunningManager> {
  const config = { ...(await restConfigFromKubeconfig(o.kubeconfig)), userAgent: 'kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/shared-informers' };
  const base = new RestClient(config);
  const sa = new ServiceAccountClients(base, config, o.log);
  const informers = new InformerFactory(base, { log: o.log });
  const resources = await serverPreferredResources(base);
  const useSA = o.flags['use-service-account-credentials'] === 'true';
  const running: Reconciler[] = [];
  const workers: { r: Reconciler; n: number }[] = [];
  for (const def of o.defs.filter((d) => controllerEnabled(d.name, o.flags.controllers, o.disabledByDefault ?? []))) {
    const client = useSA ? await sa.clientFor(def.serviceAccount) : base;
    const log = (m: string) => o.log(`${def.name}: ${m}`);
    const recorder = new CoreEventRecorder(client, { component: def.component ?? def.serviceAccount, now: o.now, log });
    const r = def.create({ client, informers, recorder, now: o.now, log, flags: o.flags, resources, discover: () => serverPreferredResources(base) });
    running.push(r);
    workers.push({ r, n: def.workers ?? 1 });
  }
  const recorder = new CoreEventRecorder(base, { component: 'kube-controller-manager', now: o.now, log: o.log });
  const elected = runWhenLeader({
    client: base, component: 'kube-controller-manager', host: o.host ?? 'localhost', flags: o.flags, now: o.now, log: o.log,
    event: (lease, message) => recorder.event(lease, 'Normal', 'LeaderElection', message),
  }, async () => {
    await informers.start();
    const done = workers.map(({ r, n }) => runWorkers(r, n, o.log));
    return {
      async stop() {
        for (const r of running) r.queue.shutDown();
        informers.stop();
        await Promise.race([Promise.all(done), new Promise((res) => setTimeout(res, 2000))]);
      },
    };
  });
  return {
    async stop() {
      await elected.stop();
      for (const r of running) r.queue.shutDown();
      informers.stop();
      sa.close();
      base.close();
    },
  };
}
