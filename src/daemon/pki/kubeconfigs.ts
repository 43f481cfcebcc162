// The kubeconfig files kubeadm writes into etc/kubernetes (phases/kubeconfig): each embeds the
// cluster CA, a client certificate signed by it and that certificate's key, for cluster
// "kubernetes" and context "<user>@kubernetes".
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyKubeconfig, formatKubeconfig, upsertEntry, type KubeconfigEntry } from '../../client/kubeconfig.js';
import type { NodeSpec } from '../layout.js';
import type { LoadedCa } from './ca.js';
import { certificatePem, signCertificate } from './certs.js';
import { SECRET_MODE, writeFileWithMode } from './files.js';
import { generateKeyPair, privateKeyPem } from './keys.js';
import { CLUSTER_ADMINS_GROUP, MASTERS_GROUP, NODES_GROUP } from './specs.js';

export const KUBECONFIG_CLUSTER = 'kubernetes';

export interface KubeconfigDef {
  /** File name in etc/kubernetes. */
  file: string;
  /** The user's name, which is also the client certificate's CN. */
  user: string;
  organizations: string[];
}

/**
 * admin.conf, super-admin.conf, controller-manager.conf and scheduler.conf. As kubeadm ≥ 1.29 does,
 * kubernetes-admin is in kubeadm:cluster-admins (the daemon seeds its binding to cluster-admin
 * before it reports ready); only kubernetes-super-admin is in system:masters.
 */
export const CONTROL_PLANE_KUBECONFIGS: readonly KubeconfigDef[] = [
  { file: 'admin.conf', user: 'kubernetes-admin', organizations: [CLUSTER_ADMINS_GROUP] },
  { file: 'super-admin.conf', user: 'kubernetes-super-admin', organizations: [MASTERS_GROUP] },
  { file: 'controller-manager.conf', user: 'system:kube-controller-manager', organizations: [] },
  { file: 'scheduler.conf', user: 'system:kube-scheduler', organizations: [] },
];

/** kubelet.conf: the node's identity, system:node:<name> in system:nodes. */
export function kubeletKubeconfig(node: NodeSpec): KubeconfigDef {
  return { file: 'kubelet.conf', user: `system:node:${node.name}`, organizations: [NODES_GROUP] };
}

/** Writes <dir>/<def.file> unless it exists (kubeadm keeps an existing kubeconfig). */
export async function ensureKubeconfig(dir: string, def: KubeconfigDef, ca: LoadedCa, server: string): Promise<void> {
  const path = join(dir, def.file);
  if (await exists(path)) return;
  await writeFileWithMode(path, await componentKubeconfig(def, ca, server), SECRET_MODE);
}

/** The YAML of a component kubeconfig with a freshly signed client certificate. */
export async function componentKubeconfig(def: KubeconfigDef, ca: LoadedCa, server: string): Promise<string> {
  const keys = await generateKeyPair();
  const spec = { commonName: def.user, organizations: def.organizations, usages: ['clientAuth' as const] };
  const cert = await signCertificate(ca, spec, keys.publicKey);
  const entry: KubeconfigEntry = {
    name: KUBECONFIG_CLUSTER,
    cluster: { 'certificate-authority-data': base64(ca.certPem), server },
    user: {
      'client-certificate-data': base64(certificatePem(cert)),
      'client-key-data': base64(privateKeyPem(keys.privateKey)),
    },
  };
  const cfg = upsertEntry(emptyKubeconfig(), entry, {
    makeCurrent: true,
    clusterName: KUBECONFIG_CLUSTER,
    userName: def.user,
    contextName: `${def.user}@${KUBECONFIG_CLUSTER}`,
  });
  return formatKubeconfig(cfg);
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
