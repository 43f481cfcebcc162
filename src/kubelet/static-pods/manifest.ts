// The kubelet's file source (pkg/kubelet/config/file.go, common.go): every regular file of the
// staticPodPath not starting with "." is read as one Pod; the pod gets the name
// <name>-<node>, the node's name in spec.nodeName, a UID hashed from the host, the file and the
// content (also its kubernetes.io/config.hash), and a toleration of every NoExecute taint.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Pod } from '../pod-spec.js';

export const CONFIG_HASH = 'kubernetes.io/config.hash';

export interface StaticPod {
  /** The manifest's path inside the node (/etc/kubernetes/manifests/etcd.yaml). */
  path: string;
  /** The manifest's metadata.name (etcd). */
  name: string;
  pod: Pod;
  hash: string;
}

export interface ManifestError {
  path: string;
  message: string;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why text is not a Pod the file source accepts, or undefined. */
function podError(doc: unknown): string | undefined {
  if (!isRec(doc)) return 'Object \'Kind\' is missing in manifest';
  if (doc.kind === undefined) return `Object 'Kind' is missing in '${JSON.stringify(doc)}'`;
  if (doc.apiVersion !== 'v1') return `no kind "${String(doc.kind)}" is registered for version "${String(doc.apiVersion ?? '')}" in scheme "pkg/api/legacyscheme/scheme.go:30"`;
  if (doc.kind !== 'Pod') return `invalid pod: kind "${String(doc.kind)}" is not a Pod`;
  const meta = isRec(doc.metadata) ? doc.metadata : {};
  if (typeof meta.name !== 'string' || meta.name === '') return 'invalid pod: [metadata.name: Required value: name or generateName is required]';
  const spec = isRec(doc.spec) ? doc.spec : {};
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) return 'invalid pod: [spec.containers: Required value]';
  return undefined;
}

/** The static pod of one manifest (text at in-node path), or why it cannot be one. */
export function staticPodFrom(text: string, path: string, node: string): StaticPod | ManifestError {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { path, message: `${path}: couldn't parse as pod(yaml: ${(err as Error).message.split('\n')[0]}), please check config file` };
  }
  const why = podError(doc);
  if (why) return { path, message: `${path}: couldn't parse as pod(${why}), please check config file` };
  const raw = doc as Pod;
  const hash = createHash('md5').update(`host:${node}`).update(`file:${path}`).update(JSON.stringify(raw)).digest('hex');
  const name = raw.metadata.name ?? '';
  const spec = { ...(raw.spec as Rec) };
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Rec[]) : [];
  if (!tolerations.some((t) => t.operator === 'Exists' && t.effect === 'NoExecute' && !t.key)) spec.tolerations = [...tolerations, { operator: 'Exists', effect: 'NoExecute' }];
  spec.nodeName = node;
  const pod: Pod = {
    ...raw,
    metadata: { ...raw.metadata, name: `${name}-${node.toLowerCase()}`, namespace: raw.metadata.namespace ?? 'default', uid: hash, annotations: { ...(raw.metadata.annotations ?? {}), [CONFIG_HASH]: hash } },
    spec,
    status: { phase: 'Pending' },
  };
  return { path, name, pod, hash };
}

/** Every manifest of dir (a host folder whose in-node path is nodeDir), parsed. */
export function readManifests(dir: string, nodeDir: string, node: string): { pods: StaticPod[]; errors: ManifestError[] } {
  const pods: StaticPod[] = [];
  const errors: ManifestError[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return { pods, errors };
  }
  for (const n of names) {
    const path = `${nodeDir.replace(/\/$/, '')}/${n}`;
    try {
      if (!statSync(join(dir, n)).isFile()) continue;
      const r = staticPodFrom(readFileSync(join(dir, n), 'utf8'), path, node);
      if ('pod' in r) pods.push(r);
      else errors.push(r);
    } catch {
      continue; // gone between the listing and the read
    }
  }
  return { pods, errors };
}
