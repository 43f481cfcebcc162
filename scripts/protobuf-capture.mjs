#!/usr/bin/env node
// Captures the protobuf request bodies the real kubectl sends, for src/api/protobuf's tests.
//
// Starts a loopback HTTP server that answers legacy discovery (/api, /apis, /apis/<g>/<v>) for
// the resources below and GETs of a few objects, echoes every POST/PUT body back (so kubectl prints
// its usual line), and runs each command twice against it through a throwaway kubeconfig: once for
// real, saving the body it sends as testdata/<name>.pb (its Content-Type must be protobuf), and,
// when the command supports it, once with --dry-run=client -o json, saving the object as Go
// marshals it as testdata/<name>.json. The decoder must turn the first into the second.
//
// kubectl v1.32.4 sends protobuf from its typed clients (create <kind>, create token, auth can-i,
// autoscale, certificate approve); run, expose, create -f, apply, delete (DeleteOptions) and drain
// (Eviction) send JSON.
//
// Re-run: node scripts/protobuf-capture.mjs [--kubectl /usr/bin/kubectl]   (ONLY=<name> for one)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const OUT = 'src/api/protobuf/testdata';
const run = promisify(execFile);

/** group/version → [plural, kind, namespaced, subresources...] */
const RESOURCES = {
  v1: [['pods', 'Pod', true], ['services', 'Service', true], ['secrets', 'Secret', true], ['configmaps', 'ConfigMap', true],
    ['serviceaccounts', 'ServiceAccount', true, 'token'], ['namespaces', 'Namespace', false], ['resourcequotas', 'ResourceQuota', true]],
  'apps/v1': [['deployments', 'Deployment', true, 'scale']],
  'autoscaling/v1': [['horizontalpodautoscalers', 'HorizontalPodAutoscaler', true]],
  'certificates.k8s.io/v1': [['certificatesigningrequests', 'CertificateSigningRequest', false, 'approval']],
  'batch/v1': [['jobs', 'Job', true], ['cronjobs', 'CronJob', true]],
  'rbac.authorization.k8s.io/v1': [['roles', 'Role', true], ['rolebindings', 'RoleBinding', true], ['clusterroles', 'ClusterRole', false]],
  'networking.k8s.io/v1': [['ingresses', 'Ingress', true]],
  'policy/v1': [['poddisruptionbudgets', 'PodDisruptionBudget', true]],
  'scheduling.k8s.io/v1': [['priorityclasses', 'PriorityClass', false]],
  'authorization.k8s.io/v1': [['selfsubjectaccessreviews', 'SelfSubjectAccessReview', false]],
};

const ONLY = process.env.ONLY;

/** name → kubectl arguments; `dry` when --dry-run=client -o json prints the object. */
const COMMANDS = {
  'deployment-replicas0': { args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=0'], dry: true },
  'deployment': { args: ['create', 'deployment', 'web', '--image=nginx', '--port=80', '--replicas=2'], dry: true },
  'job': { args: ['create', 'job', 'pi', '--image=perl', '--', 'perl', '-e', 'print 1'], dry: true },
  'cronjob': { args: ['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date'], dry: true },
  'service-clusterip': { args: ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:https'], dry: true },
  'secret-generic': { args: ['create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=empty='], dry: true },
  'configmap': { args: ['create', 'configmap', 'cfg', '--from-literal=a=1'], dry: true },
  'quota': { args: ['create', 'quota', 'q', '--hard=cpu=1500m,memory=1Gi,pods=10'], dry: true },
  'role': { args: ['create', 'role', 'reader', '--verb=get,list', '--resource=pods'], dry: true },
  'rolebinding': { args: ['create', 'rolebinding', 'rb', '--role=reader', '--user=jane'], dry: true },
  'ingress': { args: ['create', 'ingress', 'web', '--rule=example.com/*=web:80'], dry: true },
  'pdb': { args: ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%'], dry: true },
  'priorityclass': { args: ['create', 'priorityclass', 'high', '--value=1000'], dry: true },
  'serviceaccount': { args: ['create', 'serviceaccount', 'builder'], dry: true },
  'namespace': { args: ['create', 'namespace', 'dev'], dry: true },
  'token': { args: ['create', 'token', 'builder', '--duration=1h', '--audience=api'], dry: false },
  'can-i': { args: ['auth', 'can-i', 'create', 'deployments.apps', '-n', 'dev'], dry: false },
  'autoscale': { args: ['autoscale', 'deployment', 'web', '--max=5', '--cpu-percent=80'], dry: true },
  'csr-approve': { args: ['certificate', 'approve', 'csr1'], dry: false },
};

const DEPLOYMENT = {
  kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web', namespace: 'default', uid: 'u-web', labels: { app: 'web' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
};
const CSR = {
  kind: 'CertificateSigningRequest', apiVersion: 'certificates.k8s.io/v1',
  metadata: { name: 'csr1', uid: 'u-csr1', creationTimestamp: '2026-01-02T03:04:05Z' },
  spec: { request: 'LS0tLS1CRUdJTg==', signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], username: 'jane' },
  status: {},
};

/** Objects commands read before they write. */
const OBJECTS = {
  '/apis/apps/v1/namespaces/default/deployments/web': DEPLOYMENT,
  '/apis/certificates.k8s.io/v1/certificatesigningrequests/csr1': CSR,
};

const SUBRESOURCE_KINDS = {
  token: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' },
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  approval: { kind: 'CertificateSigningRequest' },
};

function discovery(path) {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
  if (path === '/apis') {
    const groups = Object.keys(RESOURCES).filter((gv) => gv.includes('/')).map((gv) => {
      const [name, version] = gv.split('/');
      const v = { groupVersion: gv, version };
      return { name, versions: [v], preferredVersion: v };
    });
    return { kind: 'APIGroupList', apiVersion: 'v1', groups };
  }
  const gv = path === '/api/v1' ? 'v1' : path.replace(/^\/apis\//, '');
  const list = RESOURCES[gv];
  if (!list) return undefined;
  const resources = list.flatMap(([name, kind, namespaced, ...subs]) => [
    { name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
    ...subs.map((s) => ({ name: `${name}/${s}`, singularName: '', namespaced, ...SUBRESOURCE_KINDS[s], verbs: ['create'] })),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
}

function serve(posts) {
  return createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url, 'http://x').pathname;
      if (req.method === 'POST' || req.method === 'PUT') {
        posts.push({ path, type: req.headers['content-type'], body: Buffer.concat(chunks) });
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': req.headers['content-type'] });
        res.end(Buffer.concat(chunks));
        return;
      }
      const doc = req.method === 'GET' ? discovery(path) ?? OBJECTS[path] : undefined;
      res.writeHead(doc ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(doc ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
    });
  });
}

/** Flags go before a `--` that starts the container's command. */
function withFlags(args, flags) {
  const at = args.indexOf('--');
  return at === -1 ? [...args, ...flags] : [...args.slice(0, at), ...flags, ...args.slice(at)];
}

async function kubectl(bin, home, args) {
  const env = { PATH: process.env.PATH, HOME: home, KUBECONFIG: join(home, 'config') };
  try {
    return (await run(bin, args, { env })).stdout;
  } catch (err) {
    return err.stdout ?? ''; // `auth can-i` exits 1 for "no"
  }
}

async function main() {
  const { values } = parseArgs({ options: { kubectl: { type: 'string', default: '/usr/bin/kubectl' } } });
  const posts = [];
  const server = serve(posts);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const home = mkdtempSync(join(tmpdir(), 'kd-capture-'));
  writeFileSync(join(home, 'config'), `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:${server.address().port}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: c, context: {cluster: c, user: u, namespace: default}}]\ncurrent-context: c\n`);
  mkdirSync(OUT, { recursive: true });
  try {
    for (const [name, { args, dry }] of Object.entries(COMMANDS).filter(([n]) => !ONLY || n === ONLY)) {
      posts.length = 0;
      await kubectl(values.kubectl, home, args);
      const post = posts.find((p) => p.type?.startsWith('application/vnd.kubernetes.protobuf'));
      if (!post) throw new Error(`${name}: no protobuf body (saw ${posts.map((p) => `${p.path} ${p.type} ${p.body}`).join(', ') || 'none'})`);
      writeFileSync(join(OUT, `${name}.pb`), post.body);
      if (dry) writeFileSync(join(OUT, `${name}.json`), await kubectl(values.kubectl, home, withFlags(args, ['--dry-run=client', '-o', 'json'])));
      console.log(`${name}: ${post.path} ${post.body.length} bytes`);
    }
  } finally {
    server.close();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
