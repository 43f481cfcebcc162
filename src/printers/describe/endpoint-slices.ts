// formatEndpointSlices: the ready `ip:port` pairs of the slices for the given port names, three
// at most then ` + N more...`; headless slices without ports list bare addresses.
import type { Obj } from '../../client/types.js';
import { num, rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { apiPath, type DescribeEnv } from './context.js';

const MAX = 3;

function ready(endpoint: Fields): boolean {
  const r = rec(endpoint.conditions).ready;
  return r === undefined || r === null || r === true;
}

function hostPort(addr: string, port: number): string {
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** ports undefined = all ports. */
export function formatEndpointSlices(slices: Obj[], ports: Set<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (endpoint: Fields, text: () => string): void => {
    if (list.length === MAX) more = true;
    if (!ready(endpoint)) return;
    if (!more) list.push(text());
    count++;
  };
  for (const slice of slices) {
    const slicePorts = recs(slice.ports);
    const endpoints = recs(slice.endpoints);
    if (slicePorts.length === 0) {
      for (const e of endpoints) add(e, () => strs(e.addresses)[0] ?? '');
      continue;
    }
    for (const port of slicePorts) {
      if (ports !== undefined && !ports.has(str(port.name))) continue;
      for (const e of endpoints) add(e, () => hostPort(strs(e.addresses)[0] ?? '', num(port.port)));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX} more...` : text;
}

/** The EndpointSlices labelled kubernetes.io/service-name=<service> (empty on a failed list). */
export async function slicesOf(env: DescribeEnv, namespace: string, service: string): Promise<{ items: Obj[]; error?: unknown }> {
  const path = `${apiPath('discovery.k8s.io/v1', 'endpointslices', namespace)}?labelSelector=${encodeURIComponent(`kubernetes.io/service-name=${service}`)}`;
  try {
    const list = (await env.client.get(path)) as { items?: Obj[] | null };
    return { items: list.items ?? [] };
  } catch (error) {
    return { items: [], error };
  }
}

