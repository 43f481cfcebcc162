// @kubernetes/client-node against a real daemon: list, watch and create; eight clients racing on
// one object with resourceVersion get only conflicts, never a lost update; bad bodies get
// upstream's Status and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as k8s from '@kubernetes/client-node';
import { request } from 'node:https';
import { startCluster, type TestCluster } from '../support/cluster.js';

let c: TestCluster;
let kc: k8s.KubeConfig;

beforeAll(async () => {
  c = await startCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(c.env.KUBECONFIG!);
}, 120_000);
afterAll(async () => {
  await c?.stop();
});

/** A raw request with the admin credentials of the kubeconfig. */
function raw(method: string, path: string, body: string, type = 'application/json', anonymous = false): Promise<{ code: number; json: Record<string, unknown> }> {
  const cluster = kc.getCurrentCluster()!;
  const user = kc.getCurrentUser()!;
  const url = new URL(path, cluster.server);
  const dec = (s: string | undefined) => Buffer.from(s ?? '', 'base64');
  return new Promise((resolve, reject) => {
    const creds = anonymous ? {} : { cert: dec(user.certData), key: dec(user.keyData) };
    const req = request(url, { method, ca: dec(cluster.caData), ...creds, headers: { 'Content-Type': type } }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, json: JSON.parse(data) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('@kubernetes/client-node', () => {
  it('lists, creates and watches', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const nss = await core.listNamespace();
    expect(nss.items.map((n) => n.metadata?.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const seen: string[] = [];
    const watch = new k8s.Watch(kc);
    const req = await watch.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: nss.metadata?.resourceVersion }, (type, obj) => seen.push(`${type} ${obj.metadata.name}`), () => undefined);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'cfg' }, data: { a: '1' } } });
    for (let i = 0; i < 50 && !seen.length; i++) await new Promise((r) => setTimeout(r, 100));
    req.abort();
    expect(seen).toEqual(['ADDED cfg']);
  });

  it('never loses an update when eight clients race with resourceVersion', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'counter' }, data: { n: '0' } } });
    let conflicts = 0;
    const worker = async () => {
      for (let done = 0; done < 10;) {
        const cm = await core.readNamespacedConfigMap({ name: 'counter', namespace: 'default' });
        cm.data = { n: String(Number(cm.data!.n) + 1) };
        try {
          await core.replaceNamespacedConfigMap({ name: 'counter', namespace: 'default', body: cm });
          done++;
        } catch (err) {
          expect((err as { code?: number }).code).toBe(409);
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    const cm = await core.readNamespacedConfigMap({ name: 'counter', namespace: 'default' });
    expect(cm.data!.n).toBe('80');
    expect(conflicts).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('pages lists with limit/continue and deletes collections by selector', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    for (let i = 0; i < 5; i++) {
      await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `page-${i}`, labels: { batch: 'paging' } } } });
    }
    const names: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'batch=paging', limit: 2, ...(cont ? { _continue: cont } : {}) });
      names.push(...page.items.map((i) => i.metadata!.name!));
      cont = page.metadata?._continue;
      pages++;
    } while (cont);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    expect(pages).toBe(3);
    await core.deleteCollectionNamespacedConfigMap({ namespace: 'default', labelSelector: 'batch=paging' });
    expect((await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'batch=paging' })).items).toEqual([]);
  });

  it('keeps an object with finalizers until they are removed', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    await core.deleteNamespacedConfigMap({ name: 'held', namespace: 'default' });
    const held = await core.readNamespacedConfigMap({ name: 'held', namespace: 'default' });
    expect(held.metadata?.deletionTimestamp).toBeTruthy();
    expect(held.metadata?.finalizers).toEqual(['example.com/hold']);
    const patched = await raw('PATCH', '/api/v1/namespaces/default/configmaps/held', '{"metadata":{"finalizers":null}}', 'application/merge-patch+json');
    expect(patched.code).toBe(200);
    const gone = await raw('GET', '/api/v1/namespaces/default/configmaps/held', '');
    expect(gone.code).toBe(404);
  });

  it('evicts through PodDisruptionBudgets', async () => {
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const policy = kc.makeApiClient(k8s.PolicyV1Api);
    const guarded = (name: string) => core.createNamespacedPod({ namespace: 'default', body: { metadata: { name, labels: { app: 'guarded' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    const pdbStatus = async (want: (s: k8s.V1PodDisruptionBudgetStatus) => boolean) => {
      for (let i = 0; i < 120; i++) {
        const s = (await policy.readNamespacedPodDisruptionBudget({ name: 'pdb', namespace: 'default' })).status;
        if (s && want(s)) return s;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('the disruption controller never reached the expected status');
    };
    await guarded('guarded');
    await policy.createNamespacedPodDisruptionBudget({ namespace: 'default', body: { metadata: { name: 'pdb' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } } });
    await pdbStatus((s) => s.currentHealthy === 1 && s.disruptionsAllowed === 0);
    const eviction = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'guarded', namespace: 'default' } });
    const refused = await raw('POST', '/api/v1/namespaces/default/pods/guarded/eviction', eviction);
    expect(refused.code).toBe(429);
    expect(refused.json).toMatchObject({ reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.", details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget pdb needs 1 healthy pods and has 1 currently' }] } });
    await guarded('guarded-2');
    await pdbStatus((s) => s.currentHealthy === 2 && s.disruptionsAllowed === 1);
    // A dry run (deleteOptions.dryRun, as kubectl drain --dry-run=server sends it) changes nothing.
    const dry = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'guarded', namespace: 'default' }, deleteOptions: { dryRun: ['All'] } });
    expect((await raw('POST', '/api/v1/namespaces/default/pods/guarded/eviction', dry)).code).toBe(201);
    expect((await raw('GET', '/api/v1/namespaces/default/pods/guarded', '')).json.metadata).not.toHaveProperty('deletionTimestamp');
    await pdbStatus((s) => s.disruptionsAllowed === 1);
    expect((await raw('POST', '/api/v1/namespaces/default/pods/guarded/eviction', eviction)).code).toBe(201);
    // The evicted pod goes (the kubelet finishes it); the budget is spent again with one pod left.
    const gone = await raw('GET', '/api/v1/namespaces/default/pods/guarded', '');
    expect(gone.code === 404 || !!(gone.json.metadata as { deletionTimestamp?: string }).deletionTimestamp).toBe(true);
    await pdbStatus((s) => s.currentHealthy === 1 && s.disruptionsAllowed === 0);
  }, 60_000);

  it('treats a request without credentials as system:anonymous', async () => {
    const r = await raw('GET', '/api/v1/namespaces/default/pods', '', 'application/json', true);
    expect(r.code).toBe(403);
    expect(r.json.message).toBe('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    expect((await raw('GET', '/version', '', 'application/json', true)).code).toBe(200);
  });

  it('answers bad bodies with upstream Status and stores nothing', async () => {
    const malformed = await raw('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion":"v1","kind":"ConfigMap",');
    expect(malformed.code).toBe(400);
    expect(malformed.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    const wrongKind = await raw('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}');
    expect(wrongKind.code).toBe(400);
    const big = await raw('POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { x: 'y'.repeat(4 * 1024 * 1024) } }));
    expect(big.code).toBe(413);
    const invalid = await raw('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}');
    expect(invalid.code).toBe(422);
    expect(invalid.json).toMatchObject({ reason: 'Invalid', details: { name: 'Bad_Name', kind: 'ConfigMap' } });
    const list = await raw('GET', '/api/v1/namespaces/default/configmaps', '');
    const names = (list.json.items as { metadata: { name: string } }[]).map((i) => i.metadata.name);
    expect(names).not.toContain('x');
    expect(names).not.toContain('big');
    expect(names).not.toContain('Bad_Name');
  });
});
