// client-go leader election over a coordination.k8s.io Lease (kube-system/kube-controller-manager,
// kube-system/kube-scheduler): take the lease when it is free or its holder stopped renewing for
// leaseDurationSeconds, renew every retry period, give it up on a clean stop so a restart does not
// wait out the old term.
import type { Client, Obj } from '../../client/types.js';
import { isAlreadyExists, isConflict, isNotFound } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { randomUUID } from 'node:crypto';
import { durationMs } from './controller.js';

export interface LeaderOptions {
  client: Client;
  namespace: string;
  name: string;
  identity: string;
  now: () => number;
  log: (m: string) => void;
  /** --leader-elect-lease-duration (15 s), --leader-elect-retry-period (2 s). */
  leaseDurationS?: number;
  retryMs?: number;
  onElected?: (lease: Obj) => void;
}

interface LeaseSpec { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number }
type Lease = Obj & { spec?: LeaseSpec };

const micro = (ms: number) => new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_m, f: string) => `.${f.padEnd(6, '0')}Z`);

export class LeaderElector {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  /** Ends the current wait between attempts (so a stop does not wait for the next try). */
  private wake: () => void = () => {};

  constructor(private readonly o: LeaderOptions) {}

  /** Tries every retry period until this identity holds the lease; false if stopped first. */
  async acquire(): Promise<boolean> {
    this.o.log(`attempting to acquire leader lease ${this.o.namespace}/${this.o.name}...`);
    while (!this.stopped) {
      if (await this.tryAcquireOrRenew()) return true;
      await new Promise<void>((r) => {
        this.wake = r;
        this.timer = setTimeout(r, this.o.retryMs ?? 2000);
      });
    }
    return false;
  }

  /** Renews every retry period; calls lost() if the lease is taken over. */
  keepRenewing(lost: () => void): void {
    const tick = async () => {
      if (this.stopped) return;
      if (!(await this.tryAcquireOrRenew())) {
        this.o.log(`leaderelection lost for ${this.o.namespace}/${this.o.name}`);
        lost();
        return;
      }
      this.timer = setTimeout(() => void tick(), this.o.retryMs ?? 2000);
    };
    this.timer = setTimeout(() => void tick(), this.o.retryMs ?? 2000);
  }

  /** Stops renewing and, if leading, releases the lease (holderIdentity cleared, 1 s term). */
  async release(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wake();
    if (!this.leading) return;
    try {
      const lease = await this.o.client.get<Lease>(REFS.leases, this.o.namespace, this.o.name);
      if (lease.spec?.holderIdentity !== this.o.identity) return;
      await this.o.client.update(REFS.leases, { ...lease, spec: { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, renewTime: micro(this.o.now()) } });
    } catch (err) {
      this.o.log(`releasing ${this.o.namespace}/${this.o.name}: ${(err as Error).message}`);
    }
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const now = this.o.now();
    const duration = this.o.leaseDurationS ?? 15;
    try {
      const lease = await this.o.client.get<Lease>(REFS.leases, this.o.namespace, this.o.name);
      const s = lease.spec ?? {};
      const mine = s.holderIdentity === this.o.identity;
      const expired = !s.holderIdentity || !s.renewTime || Date.parse(s.renewTime) + (s.leaseDurationSeconds ?? duration) * 1000 < now;
      if (!mine && !expired) return false;
      const spec: LeaseSpec = mine
        ? { ...s, leaseDurationSeconds: duration, renewTime: micro(now) }
        : { holderIdentity: this.o.identity, leaseDurationSeconds: duration, acquireTime: micro(now), renewTime: micro(now), leaseTransitions: (s.leaseTransitions ?? 0) + (s.holderIdentity ? 1 : 0) };
      const out = await this.o.client.update<Lease>(REFS.leases, { ...lease, spec });
      if (!mine) this.elected(out);
      return true;
    } catch (err) {
      if (isNotFound(err)) return this.create(now, duration);
      if (!isConflict(err)) this.o.log(`leaderelection ${this.o.namespace}/${this.o.name}: ${(err as Error).message}`);
      return false;
    }
  }

  private async create(now: number, duration: number): Promise<boolean> {
    try {
      const out = await this.o.client.create<Lease>(REFS.leases, this.o.namespace, {
        apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.o.name, namespace: this.o.namespace },
        spec: { holderIdentity: this.o.identity, leaseDurationSeconds: duration, acquireTime: micro(now), renewTime: micro(now), leaseTransitions: 0 },
      });
      this.elected(out);
      return true;
    } catch (err) {
      if (!isAlreadyExists(err)) this.o.log(`leaderelection ${this.o.namespace}/${this.o.name}: ${(err as Error).message}`);
      return false;
    }
  }

  private elected(lease: Lease): void {
    this.leading = true;
    this.o.log(`successfully acquired lease ${this.o.namespace}/${this.o.name}`);
    this.o.onElected?.(lease);
  }
}

export interface ElectedOptions {
  client: Client;
  /** The component (kube-scheduler, kube-controller-manager): the lease's default name and event source. */
  component: string;
  host: string;
  flags: Record<string, string>;
  now: () => number;
  log: (m: string) => void;
  /** Records the LeaderElection event on the lease. */
  event?: (lease: Obj, message: string) => void;
}

/**
 * Runs start() once this component leads (--leader-elect, default true; the lease named by
 * --leader-elect-resource-name/-namespace), stops it if leadership is lost, releases on stop.
 */
export function runWhenLeader(o: ElectedOptions, start: () => Promise<{ stop(): Promise<void> }>): { stop(): Promise<void> } {
  let running: { stop(): Promise<void> } | undefined;
  let stopping = false;
  if (o.flags['leader-elect'] === 'false') {
    const started = start().then((r) => (running = r));
    return { async stop() { await started.catch(() => undefined); await running?.stop(); } };
  }
  const identity = `${o.host}_${randomUUID()}`;
  const elector = new LeaderElector({
    client: o.client, identity, now: o.now, log: o.log,
    namespace: o.flags['leader-elect-resource-namespace'] ?? 'kube-system', name: o.flags['leader-elect-resource-name'] ?? o.component,
    leaseDurationS: durationMs(o.flags['leader-elect-lease-duration'], 15_000) / 1000,
    retryMs: durationMs(o.flags['leader-elect-retry-period'], 2000),
    onElected: (lease) => o.event?.(lease, `${identity} became leader`),
  });
  const started = elector.acquire().then(async (won) => {
    if (!won || stopping) return;
    running = await start();
    elector.keepRenewing(() => void running?.stop());
  });
  started.catch((err: Error) => o.log(`${o.component}: ${err.message}`));
  return {
    async stop() {
      stopping = true;
      await elector.release();
      await started.catch(() => undefined);
      await running?.stop();
    },
  };
}
