// The pod logs cluster-info dump writes: for every init container then container, its log
// between `==== START/END logs for container C of pod NS/NAME ====` lines; a failed request
// leaves `Request log error: <message>` in its place, worded as DoRaw's generic error.
import type { RestClient } from '../../../../client/rest.js';
import type { OutStream } from '../../../shared/io.js';
import { genericServerMessage, serverText } from '../../../../client/generic-error.js';

export interface DumpPod {
  metadata: { name?: string; namespace?: string };
  spec?: { initContainers?: { name: string }[]; containers?: { name: string }[] };
}

function logPath(pod: DumpPod, container: string): string {
  const ns = encodeURIComponent(pod.metadata.namespace ?? '');
  return `/api/v1/namespaces/${ns}/pods/${encodeURIComponent(pod.metadata.name ?? '')}/log?container=${encodeURIComponent(container)}`;
}

async function containerLog(client: RestClient, pod: DumpPod, container: string, out: OutStream): Promise<void> {
  const which = `container ${container} of pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
  out.write(`==== START logs for ${which} ====\n`);
  try {
    const r = await client.raw('GET', logPath(pod, container));
    if (r.status >= 200 && r.status < 300) out.write(r.body);
    else out.write(`Request log error: ${genericServerMessage(r.status, 'GET', 'pods', pod.metadata.name ?? '', serverText(r.body))}\n`);
  } catch (err) {
    out.write(`Request log error: ${(err as Error).message}\n`);
  } finally {
    out.write(`==== END logs for ${which} ====\n`);
  }
}

/** The logs of every container of the pod, init containers first. */
export async function podLogs(client: RestClient, pod: DumpPod, out: OutStream): Promise<void> {
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) await containerLog(client, pod, c.name, out);
}
