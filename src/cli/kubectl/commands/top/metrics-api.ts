// Whether the server serves metrics.k8s.io/v1beta1 (top.SupportedMetricsAPIVersionAvailable over
// the discovery client's ServerGroups): /api then /apis in the aggregated form, where a version
// marked Stale (its APIService unavailable) does not count, as client-go's split drops it.
import type { RestClient } from '../../../../client/rest.js';
import { requestJson } from '../../resource/request.js';

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface Discovery {
  /** aggregated */
  items?: { metadata?: { name?: string }; versions?: { version: string; freshness?: string }[] }[];
  /** legacy */
  groups?: { name: string; versions?: { version: string }[] }[];
}

export const METRICS_GROUP = 'metrics.k8s.io';
const SUPPORTED = ['v1beta1'];

function served(d: Discovery): boolean {
  for (const g of d.items ?? []) {
    if (g.metadata?.name !== METRICS_GROUP) continue;
    if ((g.versions ?? []).some((v) => v.freshness !== 'Stale' && SUPPORTED.includes(v.version))) return true;
  }
  return (d.groups ?? []).some((g) => g.name === METRICS_GROUP && (g.versions ?? []).some((v) => SUPPORTED.includes(v.version)));
}

/** Fails as kubectl top does when the Metrics API is not there. */
export async function requireMetricsApi(client: RestClient): Promise<void> {
  await requestJson(client, 'GET', '/api', { accept: AGGREGATED });
  const apis = await requestJson<Discovery>(client, 'GET', '/apis', { accept: AGGREGATED });
  if (!served(apis)) throw new Error('Metrics API not available');
}
