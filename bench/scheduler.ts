// The scheduler issue's measure: bind 10,000 pending pods on 1,000 nodes (goal >= 1,000 pods/s),
// timed from the scheduler's start (informer lists included) until the last binding lands.
// Measured in-process against the fake client, and through a real apiserver when one can be started.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClient } from '../src/controllers/framework/fake-client.js';
import { InformerFactory } from '../src/controllers/framework/informer.js';
import { EventsV1Recorder } from '../src/controllers/framework/events.js';
import { REFS } from '../src/client/refs.js';
import type { Client, Obj } from '../src/client/types.js';
import { isAlreadyExists } from '../src/client/types.js';
import { RestClient } from '../src/client/rest.js';
import { startApiserver } from '../src/api/apiserver.js';
import { openStore } from '../src/store/index.js';
import { generateKeyPair, privateKeyPem, publicKeyPem } from '../src/daemon/pki/keys.js';
import { certificatePem, createCaCertificate, signCertificate } from '../src/daemon/pki/certs.js';
import { Scheduler } from '../src/scheduler/scheduler.js';
import { fmt, pipelinedRate } from './timing.js';

const NODES = Number(process.env.BENCH_SCHED_NODES ?? 1000);
const PODS = Number(process.env.BENCH_SCHED_PODS ?? 10_000);

export const benchNode = (i: number): Obj => ({
  apiVersion: 'v1', kind: 'Node',
  metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
  spec: {},
  status: { allocatable: { cpu: '32', memory: '128Gi', pods: '110', 'ephemeral-storage': '100Gi' }, capacity: { cpu: '32', memory: '128Gi', pods: '110' } },
});

export const benchPod = (i: number): Obj => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: `pod-${i}`, namespace: 'bench', labels: { app: `app-${i % 50}` } },
  spec: { schedulerName: 'default-scheduler', containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
});

/** A seeded linear congruential generator, so runs pick the same nodes. */
export function seededRandom(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SchedulerRun {
  pods: number;
  ms: number;
  perSecond: number;
}

/** Runs a scheduler over client until `pods` pods are bound; the pods and nodes exist already. */
export async function timeScheduling(client: Client, pods: number): Promise<SchedulerRun> {
  const informers = new InformerFactory(client, { log: () => {} });
  const recorder = new EventsV1Recorder(client, { component: 'default-scheduler', now: Date.now });
  const scheduler = new Scheduler({ client, informers, recorder, now: Date.now, log: () => {}, random: seededRandom() });
  let bound = 0;
  let finish: () => void = () => {};
  const allBound = new Promise<void>((r) => (finish = r));
  informers.for(REFS.pods).on({
    update(old, pod) {
      const was = (old.spec as { nodeName?: string }).nodeName;
      if (!was && (pod.spec as { nodeName?: string }).nodeName && ++bound === pods) finish();
    },
  });
  const start = performance.now();
  const running = scheduler.run();
  await allBound;
  const ms = performance.now() - start;
  scheduler.stop();
  await running;
  informers.stop();
  await recorder.flush();
  return { pods, ms, perSecond: (pods * 1000) / ms };
}

export async function fakeClientRun(nodes = NODES, pods = PODS): Promise<SchedulerRun> {
  const fake = new FakeClient();
  for (let i = 0; i < nodes; i++) fake.seed(REFS.nodes, benchNode(i));
  for (let i = 0; i < pods; i++) fake.seed(REFS.pods, benchPod(i));
  return timeScheduling(fake, pods);
}

/** A CA, the apiserver's serving pair, the service-account keys and an admin client pair, as PEM files in dir. */
async function writePki(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const caKeys = await generateKeyPair();
  const ca = { cert: await createCaCertificate('kubernetes', caKeys), key: caKeys.privateKey };
  const leaf = async (commonName: string, usages: ('serverAuth' | 'clientAuth')[], organizations: string[] = []) => {
    const keys = await generateKeyPair();
    const cert = await signCertificate(ca, { commonName, organizations, usages, altNames: { dnsNames: ['localhost'], ips: ['127.0.0.1'] } }, keys.publicKey);
    return { cert: certificatePem(cert), key: privateKeyPem(keys.privateKey) };
  };
  const serving = await leaf('kube-apiserver', ['serverAuth']);
  const admin = await leaf('kubernetes-admin', ['clientAuth'], ['system:masters']);
  const sa = await generateKeyPair();
  const files: Record<string, string> = {
    'ca.crt': certificatePem(ca.cert), 'apiserver.crt': serving.cert, 'apiserver.key': serving.key,
    'sa.key': privateKeyPem(sa.privateKey), 'sa.pub': publicKeyPem(sa.publicKey),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { ca: files['ca.crt']!, cert: admin.cert, key: admin.key };
}

async function createAll(client: Client, nodes: number, pods: number): Promise<void> {
  const ignoreExists = (err: unknown) => { if (!isAlreadyExists(err)) throw err; };
  await client.create(REFS.namespaces, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } }).catch(ignoreExists);
  await client.create(REFS.serviceaccounts, 'bench', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'bench' } }).catch(ignoreExists);
  await pipelinedRate(nodes, 16, (i) => client.create(REFS.nodes, '', benchNode(i)));
  await pipelinedRate(pods, 16, (i) => client.create(REFS.pods, 'bench', benchPod(i)));
}

/** The same run through a real apiserver (HTTPS, SQLite store in a temporary directory). */
export async function apiserverRun(nodes = NODES, pods = PODS): Promise<SchedulerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-bench-sched-'));
  const store = openStore(join(dir, 'data'));
  let api: Awaited<ReturnType<typeof startApiserver>> | undefined;
  let client: RestClient | undefined;
  try {
    const pki = await writePki(dir);
    api = await startApiserver({
      store, port: 0, caFile: join(dir, 'ca.crt'), certFile: join(dir, 'apiserver.crt'), keyFile: join(dir, 'apiserver.key'),
      saKeyFile: join(dir, 'sa.key'), saPubFile: join(dir, 'sa.pub'), serviceSubnet: '10.96.0.0/12',
    });
    client = new RestClient({ server: `https://127.0.0.1:${api.port}`, ca: pki.ca, cert: pki.cert, key: pki.key, userAgent: 'kube-scheduler/bench' });
    await createAll(client, nodes, pods);
    return await timeScheduling(client, pods);
  } finally {
    client?.close();
    await api?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function schedulerRows(): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const row = (how: string, r: SchedulerRun): [string, string] =>
    [`scheduler: ${fmt(r.pods)} pods on ${fmt(NODES)} nodes, ${how}`, `${fmt(r.perSecond)} pods/s (${fmt(r.ms, 0)} ms) (goal >= 1,000)`];
  rows.push(row('in-process fake client', await fakeClientRun()));
  try {
    rows.push(row('through the apiserver (HTTPS, SQLite store)', await apiserverRun()));
  } catch (err) {
    rows.push(['scheduler through the apiserver', `not measured: ${(err as Error).message}`]);
  }
  return rows;
}
