// --use-service-account-credentials: each controller acts as its own ServiceAccount in
// kube-system. The controller-manager makes sure the account exists, asks the TokenRequest API
// for a one-hour token, and renews it at 80% of its life.
import { RestClient } from '../client/rest.js';
import type { RestConfig } from '../client/rest-config.js';
import { REFS } from '../client/refs.js';
import { isAlreadyExists, isNotFound, type Obj } from '../client/types.js';

const EXPIRATION_S = 3600;

export class ServiceAccountClients {
  private readonly clients = new Map<string, RestClient>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(private readonly base: RestClient, private readonly config: RestConfig, private readonly log: (m: string) => void) {}

  async clientFor(sa: string): Promise<RestClient> {
    const known = this.clients.get(sa);
    if (known) return known;
    await this.ensureAccount(sa);
    const client = new RestClient({ server: this.config.server, ...(this.config.ca ? { ca: this.config.ca } : {}), token: await this.token(sa), userAgent: `kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/${sa}` });
    this.clients.set(sa, client);
    const renew = setInterval(() => {
      this.token(sa).then((t) => { client.config.token = t; }, (err: Error) => this.log(`renewing the token of ${sa}: ${err.message}`));
    }, EXPIRATION_S * 800);
    renew.unref();
    this.timers.push(renew);
    return client;
  }

  private async ensureAccount(sa: string): Promise<void> {
    try {
      await this.base.get(REFS.serviceaccounts, 'kube-system', sa);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await this.base.create(REFS.serviceaccounts, 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: 'kube-system' } });
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
      }
    }
  }

  private async token(sa: string): Promise<string> {
    const req = { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {}, spec: { audiences: [], expirationSeconds: EXPIRATION_S } };
    const out = await this.base.create<Obj & { status?: { token?: string } }>(REFS.serviceaccounts, 'kube-system', req, { name: sa, subresource: 'token' });
    if (!out.status?.token) throw new Error(`no token for service account kube-system/${sa}`);
    return out.status.token;
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    for (const c of this.clients.values()) c.close();
  }
}
