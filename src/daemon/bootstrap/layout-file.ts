// Reads a cluster layout file (fixtures/layouts/*.yaml, or any file a user writes) into a
// ClusterLayout. A layout names its nodes, their sizes and labels, and the cluster's networks:
//
//   podSubnet: 10.244.0.0/16          # these three are kubeadm's defaults
//   serviceSubnet: 10.96.0.0/12
//   dnsDomain: cluster.local
//   nodeSubnet: 192.168.49.0/24       # nodes without `ip` get .2, .3, … (control plane first)
//   defaults: { cpu: "2", memory: 4015772Ki, ephemeral-storage: 20134592Ki, pods: "110", labels: {} }
//   nodes:
//     - { name: controlplane, role: control-plane, ip: 172.30.1.2 }
//     - { name: node01, cpu: "4", labels: { disk: ssd } }   # role defaults to worker
//
// A node may also set `podCIDR`; otherwise it gets the next /24 of podSubnet.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ClusterLayout } from '../layout.js';
import { LayoutError, validateLayout } from './layout-validate.js';

export { LayoutError, LAYOUT_DEFAULTS } from './layout-validate.js';

export const DEFAULT_LAYOUT = 'default';

/** The folder of the built-in layouts: the package's fixtures/layouts, found from this module. */
export function layoutsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'fixtures', 'layouts');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new LayoutError(`the built-in layouts (fixtures/layouts) were not found above ${from}`);
    dir = parent;
  }
}

/**
 * Loads a layout: a path to a YAML file, or the name of a built-in layout ("default",
 * "single-node", "three-workers"); the default layout when no file is given.
 */
export function loadLayout(file?: string): ClusterLayout {
  const label = file ?? `${DEFAULT_LAYOUT}.yaml`;
  const path = resolveLayout(file ?? DEFAULT_LAYOUT);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LayoutError(`layout "${label}" cannot be read: ${reason(err)}`);
  }
  return parseLayout(text, label);
}

/** Parses a layout's YAML text; `label` names the file in error messages. */
export function parseLayout(text: string, label: string): ClusterLayout {
  let raw: unknown;
  try {
    raw = parse(text, { uniqueKeys: true });
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new LayoutError(`layout "${label}" is not valid YAML: ${first}`);
  }
  return validateLayout(raw, label);
}

function resolveLayout(file: string): string {
  if (isFile(file)) return file;
  if (/^[a-z0-9][a-z0-9._-]*$/.test(file)) {
    const dir = layoutsDir();
    for (const candidate of [join(dir, file), join(dir, `${file}.yaml`)]) {
      if (isFile(candidate)) return candidate;
    }
  }
  return file;
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file (give a path to a layout file or the name of a built-in layout)';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}
