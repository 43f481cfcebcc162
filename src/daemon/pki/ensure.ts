// `kubeadm init phase certs all` + `kubeadm init phase kubeconfig all` for a whole cluster, and
// what `kubeadm join` leaves on workers. Idempotent: every file that exists is kept.
//
// Control-plane nodes: etc/kubernetes/pki/{ca,front-proxy-ca,etcd/ca}.{crt,key}, sa.{key,pub},
// the leaf certificates of specs.ts, and admin/super-admin/controller-manager/scheduler/kubelet
// .conf in etc/kubernetes. Further control-plane nodes get copies of the first one's CAs and sa
// key (kubeadm's "upload-certs"), and leaf certificates of their own.
// Workers: etc/kubernetes/pki/ca.crt and etc/kubernetes/kubelet.conf.
import { copyFile, chmod } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ClusterConfig, NodeSpec } from '../layout.js';
import { nodePaths, type ClusterPaths, type NodePaths } from '../paths.js';
import { loadCa, type LoadedCa } from './ca.js';
import { certificatePem, createCaCertificate, signCertificate } from './certs.js';
import { PUBLIC_MODE, SECRET_MODE, ensureDir, loadPair, readPemIfExists, writeFileWithMode, writePair } from './files.js';
import { generateKeyPair, importPrivateKeyPem, privateKeyPem, publicKeyPem } from './keys.js';
import { CONTROL_PLANE_KUBECONFIGS, ensureKubeconfig, kubeletKubeconfig } from './kubeconfigs.js';
import { AUTHORITIES, SERVICE_ACCOUNT_KEY, controlPlaneLeafCerts, type AuthorityFile, type LeafDef } from './specs.js';

type Authorities = Record<AuthorityFile, LoadedCa>;

export async function ensureClusterPki(paths: ClusterPaths, config: ClusterConfig): Promise<void> {
  const controlPlanes = config.nodes.filter((n) => n.role === 'control-plane');
  const first = controlPlanes[0];
  if (!first) throw new Error(`cluster "${config.name}" has no control-plane node`);
  const firstPki = nodePaths(paths, first.name).pki;
  const authorities = await ensureAuthorities(firstPki);
  await ensureServiceAccountKey(firstPki);
  const server = `https://127.0.0.1:${config.apiserverPort}`;
  await Promise.all(controlPlanes.map(async (node) => {
    const np = nodePaths(paths, node.name);
    const own = node === first ? authorities : await adoptAuthorities(firstPki, np.pki);
    await ensureControlPlaneNode(np, node, config, own, server);
  }));
  const workers = config.nodes.filter((n) => n.role !== 'control-plane');
  await Promise.all(workers.map((node) => ensureWorkerNode(nodePaths(paths, node.name), node, authorities.ca, server)));
}

async function ensureAuthorities(pkiDir: string): Promise<Authorities> {
  const loaded = await Promise.all(AUTHORITIES.map(async (def) => {
    if (await loadPair(pkiDir, def.file)) return [def.file, await loadCa(pkiDir, def.file)] as const;
    const keys = await generateKeyPair();
    const cert = await createCaCertificate(def.commonName, keys);
    const certPem = certificatePem(cert);
    await writePair(pkiDir, def.file, { certPem, keyPem: privateKeyPem(keys.privateKey) });
    return [def.file, { cert, key: keys.privateKey, certPem }] as const;
  }));
  return Object.fromEntries(loaded) as Authorities;
}

/** sa.key and sa.pub; a lone sa.key gets its sa.pub back, a lone sa.pub is an error. */
async function ensureServiceAccountKey(pkiDir: string): Promise<void> {
  const keyPath = join(pkiDir, `${SERVICE_ACCOUNT_KEY}.key`);
  const pubPath = join(pkiDir, `${SERVICE_ACCOUNT_KEY}.pub`);
  const [keyPem, pubPem] = await Promise.all([readPemIfExists(keyPath), readPemIfExists(pubPath)]);
  if (keyPem !== undefined && pubPem !== undefined) return;
  if (keyPem === undefined && pubPem !== undefined) {
    throw new Error(`"${pubPath}" exists without "${keyPath}": remove it to generate a new key pair`);
  }
  const keys = keyPem !== undefined ? await importPrivateKeyPem(keyPem) : await generateKeyPair();
  if (keyPem === undefined) await writeFileWithMode(keyPath, privateKeyPem(keys.privateKey), SECRET_MODE);
  await writeFileWithMode(pubPath, publicKeyPem(keys.publicKey), PUBLIC_MODE);
}

/** The files a joining control-plane node receives from the first one. */
const SHARED_FILES: readonly [string, number][] = [
  ...AUTHORITIES.flatMap((a): [string, number][] => [[`${a.file}.crt`, PUBLIC_MODE], [`${a.file}.key`, SECRET_MODE]]),
  [`${SERVICE_ACCOUNT_KEY}.key`, SECRET_MODE],
  [`${SERVICE_ACCOUNT_KEY}.pub`, PUBLIC_MODE],
];

async function adoptAuthorities(fromPki: string, toPki: string): Promise<Authorities> {
  for (const [file, mode] of SHARED_FILES) {
    const to = join(toPki, file);
    if ((await readPemIfExists(to)) !== undefined) continue;
    await ensureDir(dirname(to));
    await copyFile(join(fromPki, file), to);
    await chmod(to, mode);
  }
  return ensureAuthorities(toPki);
}

async function ensureControlPlaneNode(
  np: NodePaths, node: NodeSpec, config: ClusterConfig, cas: Authorities, server: string,
): Promise<void> {
  await Promise.all(controlPlaneLeafCerts(node, config).map((def) => ensureLeaf(np.pki, def, cas)));
  const defs = [...CONTROL_PLANE_KUBECONFIGS, kubeletKubeconfig(node)];
  await Promise.all(defs.map((def) => ensureKubeconfig(np.kubernetesDir, def, cas.ca, server)));
}

async function ensureLeaf(pkiDir: string, def: LeafDef, cas: Authorities): Promise<void> {
  if (await loadPair(pkiDir, def.file)) return;
  const keys = await generateKeyPair();
  const cert = await signCertificate(cas[def.signer], def.spec, keys.publicKey);
  await writePair(pkiDir, def.file, { certPem: certificatePem(cert), keyPem: privateKeyPem(keys.privateKey) });
}

async function ensureWorkerNode(np: NodePaths, node: NodeSpec, ca: LoadedCa, server: string): Promise<void> {
  const caPath = join(np.pki, 'ca.crt');
  if ((await readPemIfExists(caPath)) === undefined) await writeFileWithMode(caPath, ca.certPem, PUBLIC_MODE);
  await ensureKubeconfig(np.kubernetesDir, kubeletKubeconfig(node), ca, server);
}
