// What a network tool in a container needs: the node's network, the pod it runs in, and the
// shell's sleep on the kubelet's clock (timeouts).
import type { CatalogImage } from '../../runtime/catalog.js';
import type { Asker, NodeNetwork } from '../node-network.js';

export interface ToolEnv {
  net: NodeNetwork;
  self: Asker;
  sleep(ms: number): Promise<void>;
}

export interface Target {
  host: string;
  port: number;
  path: string;
}

/** http://host[:port][/path] (scheme optional). */
export function parseUrl(url: string): Target | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!m || !m[2]) return undefined;
  const path = m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/';
  return { host: m[2], port: m[3] ? Number(m[3]) : 80, path };
}

/** The network tools an image has: busybox's applets in busybox/alpine images, and its extras. */
export function toolsOf(image: CatalogImage): string[] {
  const b = image.behaviour;
  return [...(b.shell === 'busybox' ? ['wget', 'nslookup', 'nc'] : []), ...(b.tools ?? [])];
}

export const result = (stdout: string, stderr: string, exitCode: number) => ({ stdout, stderr, exitCode });

/** How long a stub resolver waits with no server answering (musl: 5 s; glibc: 2 tries × 5 s). */
export const RESOLVE_TIMEOUT_MS = { musl: 5_000, glibc: 10_000 };
/** How long the kernel keeps trying a SYN that gets no answer. */
export const CONNECT_TIMEOUT_MS = 130_000;
