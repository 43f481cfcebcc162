// The kubectl issue's second measure: `kubectl get pods -A` with 10,000 pods, ours / real (goal
// <= 1.0). The pods are created through the API with a scheduler nobody runs, so they stay
// Pending and no kubelet works on them; the creation rate through the apiserver is reported too.
import { existsSync } from 'node:fs';
import { RestClient } from '../src/client/rest.js';
import { restConfigFromKubeconfig } from '../src/client/rest-config.js';
import { REFS } from '../src/client/refs.js';
import { fmt, pipelinedRate, wallMs } from './timing.js';

const NS = 'bench-many';

function pod(i: number) {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${String(i).padStart(5, '0')}`, namespace: NS, labels: { app: 'many' } },
    spec: { schedulerName: 'nobody', containers: [{ name: 'c', image: 'nginx' }] },
  };
}

export async function manyPodsRows(env: NodeJS.ProcessEnv, n = 10_000): Promise<[string, string][]> {
  const client = new RestClient(await restConfigFromKubeconfig(env.KUBECONFIG!));
  try {
    await client.create(REFS.namespaces, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    const perSecond = await pipelinedRate(n, 16, (i) => client.create(REFS.pods, NS, pod(i)));
    const rows: [string, string][] = [[`create ${fmt(n)} pods through the apiserver (16 in flight)`, `${fmt(perSecond)} pods/s`]];
    if (!existsSync('/usr/bin/kubectl')) return rows;
    const real = wallMs('/usr/bin/kubectl', ['get', 'pods', '-A'], 5, env);
    const ours = wallMs('bin/kubectl', ['get', 'pods', '-A'], 5, env);
    rows.push([`\`kubectl get pods -A\` with ${fmt(n)} pods, ours / real (wall)`, `${fmt(ours, 1)} ms / ${fmt(real, 1)} ms = ${fmt(ours / real, 2)} (goal <= 1.0)`]);
    return rows;
  } finally {
    client.close();
  }
}
